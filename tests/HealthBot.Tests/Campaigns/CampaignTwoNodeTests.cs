using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace HealthBot.Tests.Campaigns;

/// <summary>
/// Two real server processes sharing one PostgreSQL database split a campaign between them; one is killed with
/// SIGKILL midway. The survivor takes over its in-flight messages after their lease, and each contact gets exactly one.
/// </summary>
public sealed class CampaignTwoNodeTests(ITestOutputHelper output)
{
    private const int Contacts = 5000;

    [PostgresFact]
    public async Task Two_nodes_share_a_5000_contact_campaign_and_after_one_is_killed_each_contact_gets_exactly_one_message()
    {
        await using var peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        var data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
        var connection = TestPostgres.CreateDatabase();
        var (database, writer) = TestDatabase.CreatePostgres(data, connection);
        await SeedAsync(database, writer);
        // The peer takes a third, then holds every send: node A is killed at that exact point, whatever the load.
        peer.HoldAfter(Contacts / 3);

        using var nodeA = await ServerProcess.StartAsync(Environment(data, connection, peer.BaseUrl, "node-a"));
        using var nodeB = await ServerProcess.StartAsync(Environment(data, connection, peer.BaseUrl, "node-b"));
        await Eventually.WaitForAsync(() => peer.Received.Count, c => c >= Contacts / 3, "a third of the campaign to be sent", 90000);
        var byNodeAtKill = await CountAsync(database, "SELECT COUNT(DISTINCT claimed_by) FROM outbox WHERE claimed_by IS NOT NULL");
        nodeA.KillHard();
        var atKill = peer.Received.Count;
        peer.Release();
        var inFlight = await CountAsync(database, "SELECT COUNT(*) FROM outbox WHERE state = 'sending' AND claimed_by = 'node-a'");
        output.WriteLine($"node-a killed with {atKill} messages at the peer and {inFlight} of its rows in flight");

        await Eventually.WaitForAsync(() => peer.Received.Count, c => c >= Contacts, "node-b to send the rest", 120000);
        await Eventually.WaitAsync(() => CountAsync(database, "SELECT COUNT(*) FROM outbox WHERE state <> 'done'"), c => c == 0, "the outbox to drain", 60000);
        output.WriteLine($"the peer has {peer.Received.Count} messages");

        Assert.Equal(2, byNodeAtKill);
        Assert.InRange(atKill, Contacts / 3, Contacts - 1);
        var perContact = peer.Received.GroupBy(m => m.To).ToList();
        Assert.Equal(Contacts, perContact.Count);
        Assert.All(perContact, g => Assert.Single(g));
        Assert.Equal(Contacts, await CountAsync(database, "SELECT COUNT(*) FROM campaign_sends WHERE state = 'started'"));
        database.Dispose();
        Directory.Delete(data, recursive: true);
    }

    private static Dictionary<string, string> Environment(string data, string connection, string peer, string node)
    {
        // The rate limit is the deployment's: each of the two nodes sends at half of it.
        var environment = ServerProcess.CampaignEnvironment(data, peer, smsPerSecond: 400);
        environment["Storage__Provider"] = "postgres";
        environment["Storage__NodeId"] = node;
        environment["Storage__SendingLease"] = "00:00:10";
        environment["HEALTHBOT_POSTGRES"] = connection;
        return environment;
    }

    private static Task SeedAsync(Database database, IDatabaseWriter writer) => ServerProcess.SeedCampaignAsync(database, writer, "two-node-test", Contacts, "+2547310");

    private static Task<int> CountAsync(Database database, string sql) => ServerProcess.CountAsync(database, sql);
}
