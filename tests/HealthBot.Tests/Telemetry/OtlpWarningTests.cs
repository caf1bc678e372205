using HealthBot.Channels.Twilio;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace HealthBot.Tests.Telemetry;

/// <summary>A collector address with nothing listening is said once in the log, not once per batch of spans.</summary>
public sealed class OtlpWarningTests : IAsyncLifetime
{
    private const string From = "+254700300011";
    private readonly string collector = $"http://127.0.0.1:{HealthBotFactory.FreeLoopbackPort()}";
    private LocalTwilioPeer peer = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        factory = new HealthBotFactory(peer.BaseUrl, settings: new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = collector,
        });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await peer.DisposeAsync();
    }

    [Fact]
    public async Task An_unreachable_collector_gives_one_warning_naming_the_endpoint_and_nobody()
    {
        var tracer = factory.Services.GetRequiredService<TracerProvider>();
        for (var i = 1; i <= 3; i++)
        {
            var form = HealthBotFactory.InboundForm(From, "what are the signs of malaria");
            Assert.True((await factory.PostSignedAsync("/webhooks/twilio/sms", form)).IsSuccessStatusCode);
            await Eventually.WaitForAsync(() => peer.Received.Count(m => m.To == From), n => n >= i, "the reply");
            tracer.ForceFlush(); // one batch per message
        }

        var warnings = factory.Logs.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("OTLP collector", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains(collector, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(From[1..], warning, StringComparison.Ordinal);
    }
}
