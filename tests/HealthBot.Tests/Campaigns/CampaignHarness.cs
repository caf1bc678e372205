using HealthBot.Campaigns;
using HealthBot.Channels.Twilio;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthBot.Tests.Campaigns;

/// <summary>
/// The campaign services on a private database, with fake time, sending through the real Twilio sender to a local
/// Twilio-protocol peer. Tests move the clock and call <see cref="StepAsync"/>, which does what the planning tick and
/// the outbox dispatcher do at that moment.
/// </summary>
public sealed class CampaignHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private CampaignHarness(ServiceProvider services, LocalTwilioPeer peer, WallClock time, string data, bool fakeTime)
    {
        (this.services, Peer, Time, DataDirectory) = (services, peer, time, data);
        TimeProvider clock = fakeTime ? time : TimeProvider.System;
        peer.Clock = clock;
        peer.OnMessage = message => Deliveries.Enqueue((message, clock.GetUtcNow()));
    }

    /// <summary>Every message the peer accepted, with the (fake) time it was sent.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(PeerMessage Message, DateTimeOffset At)> Deliveries { get; } = new();

    public LocalTwilioPeer Peer { get; }

    /// <summary>Fake time; <see cref="WallClock.Jump"/> moves the wall clock alone, as <c>date -s</c> would.</summary>
    public WallClock Time { get; }

    public string DataDirectory { get; }

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public static async Task<CampaignHarness> StartAsync(
        DateTimeOffset now, IDictionary<string, string?>? settings = null, bool fakeTime = true,
        Action<IServiceCollection>? configure = null)
    {
        var peer = await LocalTwilioPeer.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data,
            ["Content:Directory"] = HealthBotFactory.ContentDirectory,
            ["Content:WatchForChanges"] = "false",
            ["Twilio:AccountSid"] = HealthBotFactory.AccountSid,
            ["Twilio:AuthToken"] = HealthBotFactory.AuthToken,
            ["Twilio:ApiBaseUrl"] = peer.BaseUrl,
            ["Twilio:SmsFrom"] = "+15550001111",
            ["Twilio:WhatsAppFrom"] = "whatsapp:+15550001111",
            ["Campaigns:RunJobs"] = "false",
            // Answers end with "Was this helpful?" by default; tests that compare reply texts expect the content alone, and
            // the feedback tests turn it on.
            ["Dialog:Feedback:Mode"] = "Off",
        };
        // As HealthBotFactory does: with HEALTHBOT_TEST_PROVIDER=postgres the campaign tests plan on PostgreSQL, whose
        // planner takes a path of its own (CampaignPlanner.InDatabase).
        if (TestPostgres.ForEveryFactory && settings?.ContainsKey("Storage:Provider") != true)
        {
            values["Storage:Provider"] = "postgres";
            values["Storage:PostgresConnection"] = TestPostgres.CreateMigratedDatabase();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSingleton<IConfiguration>(configuration);
        collection.AddHealthBot(configuration);
        configure?.Invoke(collection);
        var time = new WallClock(now);
        if (fakeTime)
        {
            collection.AddSingleton<TimeProvider>(time);
        }

        var provider = collection.BuildServiceProvider();
        provider.MigrateDatabase();
        provider.LoadContent(watch: false);
        return new CampaignHarness(provider, peer, time, data, fakeTime);
    }

    /// <summary>Looks at the clock, plans whatever is due now, then sends whatever the outbox has due now.</summary>
    public async Task<int> StepAsync()
    {
        await Get<HealthBot.Maintenance.ClockWatch>().TickAsync();
        await Get<PlanTrigger>().NowAsync();
        return await Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    /// <summary>Moves the clock in steps up to <paramref name="until"/>, stepping the system at each.</summary>
    public async Task RunUntilAsync(DateTimeOffset until, TimeSpan step)
    {
        while (Time.GetUtcNow() < until)
        {
            Time.Advance(step);
            await StepAsync();
        }
    }

    public async Task<long> CreateAsync(string json)
    {
        var created = await Get<CampaignService>().CreateAsync(json);
        Assert.True(created.Id is not null, string.Join("; ", created.Problems));
        return created.Id!.Value;
    }

    public Task<Contact> ContactAsync(string address, string language, string? timeZone, string group = "pregnancy", IReadOnlyDictionary<string, string>? fields = null, string channel = "sms") =>
        Get<SqlAudienceStore>().SubscribeAsync(channel, address, group, fields ?? new Dictionary<string, string>(), Consent.OptedIn, language, timeZone);

    public IReadOnlyList<(PeerMessage Message, DateTimeOffset At)> To(string address) => Deliveries.Where(d => d.Message.To == address).ToList();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Peer.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
