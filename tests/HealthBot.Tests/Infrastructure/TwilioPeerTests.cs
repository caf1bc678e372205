using HealthBot.Channels.Twilio;

namespace HealthBot.Tests.Infrastructure;

/// <summary>
/// The set-up most integration tests share: a local Twilio-protocol peer on 127.0.0.1 and a HealthBot host whose
/// Twilio REST base points at it, both new for each test.
/// </summary>
public abstract class TwilioPeerTests(IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected LocalTwilioPeer Peer { get; private set; } = null!;

    protected HealthBotFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        Factory = new HealthBotFactory(Peer.BaseUrl, settings: settings);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Peer.DisposeAsync();
    }
}
