using System.Data.Common;
using HealthBot.Data;

namespace HealthBot.Campaigns;

/// <summary>Campaigns, their planned runs and their reports. Writes go through the single <see cref="IDatabaseWriter"/>.</summary>
public sealed class SqlCampaignStore(Database database, IDatabaseWriter writer, TimeProvider time)
{
    private const string Columns = "id, name, state, definition, created_at, updated_at";

    /// <summary>Stores a new campaign; returns null when the name is taken.</summary>
    public Task<long?> CreateAsync(string name, string definition) =>
        writer.WriteAsync((connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var id = connection.Command(
                    "INSERT INTO campaigns (name, state, definition, created_at, updated_at) VALUES (@n, 'active', @d, @t, @t) ON CONFLICT (name) DO NOTHING RETURNING id",
                    transaction)
                .With("@n", name).With("@d", definition).With("@t", now).ExecuteScalar();
            return id is long value ? value : (long?)null;
        });

    /// <summary>
    /// Changes the state; a cancelled campaign stays cancelled. Returns false when nothing changed. Resuming makes the
    /// messages that waited because of the pause due at once (the send-time check still applies quiet hours and caps).
    /// </summary>
    public Task<bool> SetStateAsync(long id, string state) =>
        writer.WriteAsync((connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var changed = connection.Command("UPDATE campaigns SET state = @s, updated_at = @t WHERE id = @id AND state <> 'cancelled' AND state <> @s", transaction)
                .With("@s", state).With("@t", now).With("@id", id).ExecuteNonQuery() == 1;
            if (changed && state == CampaignState.Active)
            {
                connection.Command(
                        """
                        UPDATE outbox SET next_attempt_at = @t WHERE state = 'pending' AND last_error = 'deferred: paused'
                          AND message_id IN (SELECT message_id FROM campaign_sends WHERE campaign_id = @id AND message_id IS NOT NULL)
                        """, transaction)
                    .With("@t", now).With("@id", id).ExecuteNonQuery();
            }

            return changed;
        });

    public IReadOnlyList<CampaignRow> List(string? state = null)
    {
        using var connection = database.Open();
        using var reader = connection.Command($"SELECT {Columns} FROM campaigns WHERE CAST(@s AS TEXT) IS NULL OR state = @s ORDER BY id").With("@s", state).ExecuteReader();
        var list = new List<CampaignRow>();
        while (reader.Read())
        {
            list.Add(Read(reader));
        }

        return list;
    }

    /// <summary>By numeric id or by name.</summary>
    public CampaignRow? Find(string idOrName)
    {
        using var connection = database.Open();
        var byId = long.TryParse(idOrName, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id);
        using var reader = connection.Command($"SELECT {Columns} FROM campaigns WHERE {(byId ? "id = @v" : "name = @v")}")
            .With("@v", byId ? id : idOrName).ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>
    /// Claims a run for planning: true when it is new, or was left half-planned by a planner that stopped beating
    /// (a crash) — planning again is harmless, each send has a unique key. False when it is planned, or another
    /// planner is at work on it (a duplicate job, or a second tick while a long plan runs).
    /// </summary>
    public Task<bool> BeginRunAsync(long campaignId, string runKey, TimeSpan staleAfter) =>
        writer.WriteAsync((connection, transaction) =>
        {
            var now = time.GetUtcNow();
            return connection.Command(
                    """
                    INSERT INTO campaign_runs (campaign_id, run_key, state, started_at, heartbeat_at) VALUES (@c, @k, 'planning', @t, @t)
                    ON CONFLICT (campaign_id, run_key) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
                    WHERE campaign_runs.state = 'planning' AND campaign_runs.heartbeat_at < @stale
                    """, transaction)
                .With("@c", campaignId).With("@k", runKey).With("@t", now)
                .With("@stale", now - staleAfter).ExecuteNonQuery() == 1;
        });

    public Task FinishRunAsync(long campaignId, string runKey, int added) =>
        writer.WriteAsync((connection, transaction) =>
        {
            if (added >= BulkRows)
            {
                // The sends follow at once: their queries should be planned for the tables as they are now.
                database.Dialect.RefreshStatistics(connection, transaction, "messages", "outbox", "campaign_sends", "message_status_history");
            }

            return connection.Command(
                    "UPDATE campaign_runs SET state = 'planned', targeted = targeted + @n, finished_at = @t WHERE campaign_id = @c AND run_key = @k", transaction)
                .With("@n", added).With("@t", time.GetUtcNow()).With("@c", campaignId)
                .With("@k", runKey).ExecuteNonQuery();
        });

    private const int BulkRows = 5000;

    /// <summary>
    /// Deletes the records of relative-schedule runs finished before <paramref name="before"/>: such a campaign has a run
    /// every step of every day, and a past step is never planned again (its sends keep their own unique keys anyway).
    /// </summary>
    public Task<int> PruneRelativeRunsAsync(DateTimeOffset before) =>
        writer.WriteAsync((connection, transaction) => connection.Command(
                "DELETE FROM campaign_runs WHERE state = 'planned' AND run_key LIKE 'rel:%' AND finished_at < @before", transaction)
            .With("@before", before).ExecuteNonQuery());

    /// <summary>True when the run is planned, or being planned by a planner that beat within <paramref name="staleAfter"/>.</summary>
    public bool RunTaken(long campaignId, string runKey, TimeSpan staleAfter)
    {
        using var connection = database.Open();
        return connection.Command(
                "SELECT EXISTS (SELECT 1 FROM campaign_runs WHERE campaign_id = @c AND run_key = @k AND (state = 'planned' OR heartbeat_at >= @stale))")
            .With("@c", campaignId).With("@k", runKey)
            .With("@stale", (time.GetUtcNow() - staleAfter)).ScalarLong() == 1;
    }

    public CampaignReport? Report(long campaignId)
    {
        using var connection = database.Open();
        var campaign = Find(campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (campaign is null)
        {
            return null;
        }

        int targeted, queued, sent, delivered, failed;
        using (var counts = connection.Command(
            """
            SELECT COUNT(*),
                   COUNT(CASE WHEN s.state <> 'skipped' AND o.state IN ('pending', 'sending') THEN 1 END),
                   COUNT(CASE WHEN s.state <> 'skipped' AND o.state = 'done' THEN 1 END),
                   COUNT(CASE WHEN m.status IN ('delivered', 'read') THEN 1 END),
                   COUNT(CASE WHEN s.state <> 'skipped' AND (o.state = 'failed' OR m.status IN ('failed', 'undelivered')) THEN 1 END)
            FROM campaign_sends s LEFT JOIN messages m ON m.id = s.message_id LEFT JOIN outbox o ON o.message_id = s.message_id
            WHERE s.campaign_id = @c
            """).With("@c", campaignId).ExecuteReader())
        {
            // Closed before the next query: PostgreSQL runs one command at a time on a connection.
            counts.Read();
            (targeted, queued, sent, delivered, failed) = (counts.GetInt32(0), counts.GetInt32(1), counts.GetInt32(2), counts.GetInt32(3), counts.GetInt32(4));
        }

        return new CampaignReport(campaignId, campaign.Name, campaign.State, targeted, queued, sent, delivered, failed,
            Skipped(connection, campaignId), After(connection, campaignId, OptOutsAfter), After(connection, campaignId, RepliesAfter));
    }

    private const string OptOutsAfter =
        "SELECT COUNT(DISTINCT e.contact_id) FROM first_send f JOIN consent_events e ON e.contact_id = f.contact_id AND e.consent = 'opted_out' AND e.at > f.at";

    private const string RepliesAfter =
        "SELECT COUNT(*) FROM first_send f JOIN messages m ON m.contact_id = f.contact_id AND m.direction = 'in' AND m.created_at > f.at";

    private static int After(DbConnection connection, long campaignId, string query) => (int)connection.Command(
            $"WITH first_send AS (SELECT contact_id, MIN(started_at) AS at FROM campaign_sends WHERE campaign_id = @c AND started_at IS NOT NULL GROUP BY contact_id) {query}")
        .With("@c", campaignId).ScalarLong();

    private static Dictionary<string, int> Skipped(DbConnection connection, long campaignId)
    {
        using var reader = connection.Command("SELECT reason, COUNT(*) FROM campaign_sends WHERE campaign_id = @c AND state = 'skipped' GROUP BY reason ORDER BY reason")
            .With("@c", campaignId).ExecuteReader();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            skipped[reader.GetNullableString(0) ?? "unknown"] = reader.GetInt32(1);
        }

        return skipped;
    }

    private static CampaignRow Read(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetTime(4), r.GetTime(5));
}
