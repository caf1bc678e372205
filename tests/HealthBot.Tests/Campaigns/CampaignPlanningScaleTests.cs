using HealthBot.Campaigns;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;
using Npgsql;

namespace HealthBot.Tests.Campaigns;

/// <summary>
/// Planning time grows with the audience, not with its square: on PostgreSQL, right after contacts were imported
/// (before autovacuum has gathered statistics on them), planning 10,000 contacts 100 at a time once read every
/// later member for each page, and the check for existing sends read all the campaign's sends for each contact.
/// Counted here as index entries PostgreSQL read, which a loaded machine does not blur as a stopwatch would.
/// </summary>
public sealed class CampaignPlanningScaleTests
{
    private const int Contacts = 10_000;

    [PostgresFact]
    public async Task Planning_right_after_an_import_reads_each_members_rows_a_few_times_not_once_per_page()
    {
        var connection = TestPostgres.CreateMigratedDatabase();
        await using var h = await CampaignHarness.StartAsync(
            new DateTimeOffset(2027, 1, 10, 8, 55, 0, TimeSpan.Zero),
            new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "postgres",
                ["Storage:PostgresConnection"] = connection,
                ["Campaigns:PlanBatchSize"] = "100",
            });
        Seed(h.Get<Database>());
        var id = await h.CreateAsync(
            CampaignJson.Once("scale", new DateTime(2027, 1, 10, 12, 0, 0), "Africa/Nairobi", group: "alerts"));
        h.Time.Advance(TimeSpan.FromMinutes(10));
        var planner = h.Get<CampaignPlanner>();
        var run = Assert.Single(planner.DueRuns(h.Time.GetUtcNow()), r => r.CampaignId == id);
        var before = await IndexReadsAsync(connection);

        Assert.Equal(Contacts, await planner.PlanAsync(run, CancellationToken.None));

        var reads = await IndexReadsAsync(connection) - before;
        Assert.True(reads < 3 * Contacts, $"{reads} index entries read to plan {Contacts} contacts");
    }

    /// <summary>Contacts as a bulk import leaves them: written at once, autovacuum not yet round.</summary>
    private static void Seed(Database database)
    {
        using var connection = database.Open();
        foreach (var sql in new[]
        {
            "ALTER TABLE contacts SET (autovacuum_enabled = false)",
            "ALTER TABLE contact_groups SET (autovacuum_enabled = false)",
            "ALTER TABLE campaign_sends SET (autovacuum_enabled = false)",
            "INSERT INTO contacts (channel, address, language, consent, time_zone, created_at, updated_at) " +
            "SELECT 'sms', '+2547' || lpad(i::text, 8, '0'), 'en', 'opted_in', 'Africa/Nairobi', now(), now() " +
            $"FROM generate_series(1, {Contacts}) i",
            "INSERT INTO contact_groups (contact_id, group_name, joined_at) SELECT id, 'alerts', now() FROM contacts",
        })
        {
            connection.Command(sql).ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Index entries read on the group members and the sends (not contacts, whose reads the foreign keys' checks
    /// add to with every row written). A server process reports its counts when it ends,
    /// so the pools are emptied first, and the sum read until it settles.
    /// </summary>
    private static async Task<long> IndexReadsAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        long last = -1;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT COALESCE(SUM(idx_tup_read), 0) FROM pg_stat_user_indexes " +
                "WHERE relname IN ('contact_groups', 'campaign_sends')",
                connection);
            var reads = (long)(decimal)(await command.ExecuteScalarAsync())!;
            if (reads == last)
            {
                return reads;
            }

            last = reads;
            await Task.Delay(250);
        }

        return last;
    }
}
