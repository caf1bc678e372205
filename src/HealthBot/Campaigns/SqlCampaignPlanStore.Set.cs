using System.Data.Common;
using HealthBot.Data;

namespace HealthBot.Campaigns;

/// <summary>What a once or recurring run sends everyone: the texts per (language, channel), and when.</summary>
/// <param name="Texts">The fitted text for each (language, channel) the campaign has a message in.</param>
/// <param name="Zones">The due time per contact time zone, quiet hours applied; "" is a contact without a zone.</param>
public sealed record RunPlan(
    string MessageKey,
    IReadOnlyList<(string Language, string Channel, string Body)> Texts,
    IReadOnlyDictionary<string, DateTimeOffset> Zones);

/// <summary>One range of contacts planned: sends written, audience members seen, and zones the plan lacked.</summary>
public sealed record RangePlanned(int Planned, int Members, long Last, IReadOnlyList<string> MissingZones);

/// <summary>
/// On PostgreSQL a once or recurring run is planned inside the database: one statement per range of contacts reads
/// the audience and writes the sends, messages, status history and outbox rows (data-modifying WITH). Every contact
/// gets the same text for their language and a due time that depends only on their time zone, so nothing is gained
/// by carrying each contact to this process and back: doing so cost 12 s for 100,000 contacts under load, half of it
/// reading pages whose plan, on freshly imported contacts without statistics, read the rest of the audience per page.
/// </summary>
public sealed partial class SqlCampaignPlanStore
{
    // The sequence is looked up once a statement (a subquery): looked up per row, nextval took six times as long.
    // Contacts whose zone the plan lacks are left out (inner join) and reported, so the caller can add the zone and
    // plan the range again: the NOT IN makes that second pass write only what the first did not. NOT IN over the
    // range's own sends is one index range scan hashed once; NOT EXISTS was planned, with campaign_sends growing
    // faster than its statistics, as a scan of all the campaign's sends for every contact (quadratic).
    private const string SetPlan =
        "WITH page AS (SELECT a.id, a.channel, COALESCE(a.language, @deflang) AS lang, " +
        "COALESCE(a.time_zone, '') AS zone FROM ({0}) a), " +
        "plan AS (SELECT p.id, p.channel, p.lang, z.due, t.body, CASE WHEN t.body IS NULL THEN NULL " +
        "ELSE nextval((SELECT pg_get_serial_sequence('messages', 'id')::regclass)) END AS message_id FROM page p " +
        "JOIN unnest(@zones, @dues) AS z(zone, due) ON z.zone = p.zone " +
        "LEFT JOIN unnest(@tlang, @tch, @tbody) AS t(lang, channel, body) " +
        "ON t.lang = p.lang AND t.channel = p.channel " +
        "WHERE p.id NOT IN (SELECT s.contact_id FROM campaign_sends s WHERE s.campaign_id = @camp " +
        "AND s.message_key = @key AND s.contact_id > @after AND s.contact_id <= @upto)), " +
        "sends AS (INSERT INTO campaign_sends (campaign_id, message_key, contact_id, message_id, state, reason, " +
        "due_at, created_at) SELECT @camp, @key, id, message_id, CASE WHEN body IS NULL THEN 'skipped' " +
        "ELSE 'queued' END, CASE WHEN body IS NULL THEN 'no_message_in_language' END, due, @now FROM plan), " +
        "msgs AS (INSERT INTO messages (id, contact_id, direction, channel, body, status, language, kind, " +
        "content_id, created_at, updated_at) SELECT message_id, id, 'out', channel, body, 'queued', lang, " +
        "'campaign', @cid, @now, @now FROM plan WHERE message_id IS NOT NULL), " +
        "hist AS (INSERT INTO message_status_history (message_id, status, at) " +
        "SELECT message_id, 'queued', @now FROM plan WHERE message_id IS NOT NULL), " +
        "box AS (INSERT INTO outbox (message_id, idempotency_key, channel, priority, state, next_attempt_at, " +
        "created_at, updated_at) SELECT message_id, @ikey || id, channel, @prio, 'pending', due, @now, @now " +
        "FROM plan WHERE message_id IS NOT NULL) " +
        "SELECT (SELECT COUNT(*) FROM plan), (SELECT COUNT(*) FROM page), (SELECT COALESCE(MAX(id), 0) FROM page), " +
        "ARRAY(SELECT DISTINCT zone FROM page WHERE zone <> ALL(@zones))";

    /// <summary>Whether runs that send everyone the same can be planned by <see cref="PlanRangeAsync"/>.</summary>
    public bool PlansInDatabase => database.Dialect == SqlDialect.Postgres;

    /// <summary>The highest contact id now: where the ranges of a run end.</summary>
    public long LastContactId()
    {
        using var connection = database.Open();
        return connection.Command("SELECT COALESCE(MAX(id), 0) FROM contacts").ScalarLong();
    }

    /// <summary>
    /// Plans the audience members among contacts (<paramref name="after"/>, <paramref name="upto"/>], at most
    /// <paramref name="limit"/> of them, in one transaction that beats the run's heartbeat.
    /// </summary>
    public Task<RangePlanned> PlanRangeAsync(
        long campaignId, int priority, SqlAudienceStore audience, AudienceQuery query, RunPlan plan,
        long after, long upto, int limit) =>
        writer.WriteAsync((connection, transaction) =>
        {
            var now = time.GetUtcNow();
            database.Dialect.Lock(connection, transaction, LockScope.Campaign, campaignId);
            connection.Command(
                    "UPDATE campaign_runs SET heartbeat_at = @t WHERE campaign_id = @c AND run_key = @k", transaction)
                .With("@t", now).With("@c", campaignId).With("@k", plan.MessageKey).ExecuteNonQuery();
            using var command = audience.PageCommand(connection, query);
            command.Transaction = transaction;
            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, SetPlan,
                command.CommandText);
            Bind(command, campaignId, priority, plan, now).With("@after", after).With("@upto", upto)
                .With("@limit", limit);
            using var reader = command.ExecuteReader();
            reader.Read();
            return new RangePlanned(
                (int)reader.GetInt64(0), (int)reader.GetInt64(1), reader.GetInt64(2),
                reader.GetFieldValue<string[]>(3));
        });

    private static DbCommand Bind(DbCommand command, long campaignId, int priority, RunPlan plan, DateTimeOffset now) =>
        command.With("@camp", campaignId).With("@key", plan.MessageKey).With("@prio", priority).With("@now", now)
            .With("@cid", $"campaign:{campaignId}")
            // IdempotencyKey without the contact id, which the statement appends.
            .With("@ikey", IdempotencyKey(campaignId, plan.MessageKey, 0)[..^1])
            .With("@zones", plan.Zones.Keys.ToArray())
            .With("@dues", plan.Zones.Values.Select(d => d.UtcDateTime).ToArray())
            .With("@tlang", plan.Texts.Select(t => t.Language).ToArray())
            .With("@tch", plan.Texts.Select(t => t.Channel).ToArray())
            .With("@tbody", plan.Texts.Select(t => t.Body).ToArray());
}
