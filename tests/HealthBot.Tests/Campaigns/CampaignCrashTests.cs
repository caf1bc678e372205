using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace HealthBot.Tests.Campaigns;

/// <summary>kill -9 in the middle of a campaign: after a restart every contact has exactly one message.</summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class CampaignCrashTests(ITestOutputHelper output)
{
    private const int Contacts = 5000;

    [Fact]
    public async Task A_5000_contact_campaign_killed_midway_and_restarted_reaches_each_contact_exactly_once()
    {
        await using var peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        var data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
        await SeedAsync(data);
        var environment = ServerProcess.CampaignEnvironment(data, peer.BaseUrl, smsPerSecond: 400);

        using (var first = await ServerProcess.StartAsync(environment))
        {
            await Eventually.WaitForAsync(() => peer.Received.Count, c => c >= Contacts / 3, "a third of the campaign to be sent", 60000);
            first.KillHard();
        }

        var atKill = peer.Received.Count;
        Assert.InRange(atKill, Contacts / 3, Contacts - 1);
        var inFlight = await CountAsync(data, "SELECT COUNT(*) FROM outbox WHERE state = 'sending'");
        var inDoubt = await CountAsync(data, "SELECT COUNT(*) FROM campaign_sends s JOIN outbox o ON o.message_id = s.message_id WHERE s.state = 'started' AND o.state <> 'done'");
        output.WriteLine($"killed with {atKill} messages at the peer; {inFlight} outbox rows in flight, {inDoubt} sends in doubt");
        using (await ServerProcess.StartAsync(environment))
        {
            await Eventually.WaitForAsync(() => peer.Received.Count, c => c >= Contacts, "the rest of the campaign after the restart", 60000);
            await Eventually.WaitAsync(() => CountAsync(data, "SELECT COUNT(*) FROM outbox WHERE state <> 'done'"), c => c == 0, "the outbox to drain", 30000);
        }

        output.WriteLine($"after the restart the peer has {peer.Received.Count} messages");
        var perContact = peer.Received.GroupBy(m => m.To).ToList();
        Assert.Equal(Contacts, perContact.Count);
        Assert.All(perContact, g => Assert.Single(g));
        Assert.Equal(Contacts, await CountAsync(data, "SELECT COUNT(*) FROM campaign_sends WHERE state = 'started'"));
        Directory.Delete(data, recursive: true);
    }

    private static async Task SeedAsync(string data)
    {
        var database = TestDatabase.Create(data);
        await using var writer = new SqliteWriter(database);
        await ServerProcess.SeedCampaignAsync(database, writer, "crash-test", Contacts, "+2547300");
    }

    private static Task<int> CountAsync(string data, string sql) => ServerProcess.CountAsync(TestDatabase.Create(data), sql);
}
