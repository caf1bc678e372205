using System.Security.Cryptography;
using HealthBot.Channels.Twilio;
using HealthBot.Tests.Infrastructure;
using Npgsql;

namespace HealthBot.Tests.Data;

/// <summary>
/// A production cluster puts PgBouncer in transaction mode between the nodes and PostgreSQL (deploy/INSTALL.md):
/// nothing HealthBot relies on may live in a database session, since each transaction can get another one.
/// </summary>
public sealed class PgBouncerTests
{
    [PgBouncerFact]
    public async Task Two_nodes_starting_together_behind_the_pooler_migrate_once_and_both_answer()
    {
        var database = TestPostgres.CreateDatabase();
        await using var bouncer = await LocalPgBouncer.StartAsync(database, poolSize: 3);
        await using var peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        var key = "dev:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var a = Node("node-a", bouncer.ConnectionString, peer.BaseUrl, key);
        await using var b = Node("node-b", bouncer.ConnectionString, peer.BaseUrl, key);

        // Before the migration lock was taken per transaction, one of the two failed here: both migrated at once.
        await Task.WhenAll(Task.Run(() => a.CreateClient()), Task.Run(() => b.CreateClient()));
        for (var i = 0; i < 10; i++)
        {
            var node = i % 2 == 0 ? a : b;
            var form = HealthBotFactory.InboundForm($"+25470055{i:D4}", "how do i make ORS");
            await node.PostSignedAsync("/webhooks/twilio/sms", form);
        }

        var sent = await Eventually.WaitForAsync(
            () => peer.Received.ToList(), r => r.Count >= 10, "ten replies", 60_000);
        Assert.Equal(10, sent.Select(m => m.To).Distinct().Count());
        await using var direct = new NpgsqlConnection(database);
        await direct.OpenAsync();
        await using var once =
            new NpgsqlCommand("SELECT COUNT(*) - COUNT(DISTINCT version) FROM schema_migrations", direct);
        Assert.Equal(0L, await once.ExecuteScalarAsync());
        // The migration lock (LockScope.Migration = 3) must not outlive the start on some pooled server connection.
        await using var locks = new NpgsqlCommand(
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 3 AND objid = 0 AND database = " +
            "(SELECT oid FROM pg_database WHERE datname = current_database())", direct);
        Assert.Equal(0L, await locks.ExecuteScalarAsync());
    }

    private static HealthBotFactory Node(string id, string connection, string peer, string key)
    {
        var data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "dev-data.key"), key);
        return new HealthBotFactory(peer, data, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:PostgresConnection"] = connection,
            ["Storage:NodeId"] = id,
        });
    }
}
