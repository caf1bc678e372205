using System.Data.Common;
using HealthBot.Data;

namespace HealthBot.Campaigns;

/// <summary>A claimed campaign message to decide: its outbox row, message and contact.</summary>
public sealed record GateRow(long OutboxId, long MessageId, long ContactId);

/// <summary>
/// The send-time check of a whole claimed batch: on PostgreSQL a handful of round trips for up to
/// <see cref="Chunk"/> messages instead of about six for each. The same rules and the same guarantees as one by one:
/// the contacts are locked first (two nodes never both slip one contact under the daily cap), everything is read after
/// the locks are held, and messages to one contact within the batch count each other's starts.
/// </summary>
public sealed partial class SqlCampaignGateStore
{
    /// <summary>Messages decided per transaction: each holds an advisory lock per contact until it commits, and
    /// PostgreSQL's lock table is shared (max_locks_per_transaction × max_connections).</summary>
    public const int Chunk = 500;

    private static readonly (string, string)[] IdColumns = [("i", "bigint")];

    /// <summary>Decides and records each row's decision; rows with no campaign send are left out.</summary>
    public async Task<IReadOnlyDictionary<long, (SendDecision Decision, long CampaignId)>> DecideManyAsync(
        IReadOnlyList<GateRow> rows, Func<long, IReadOnlyList<string>> groupsOf,
        Func<SendSnapshot, IReadOnlyList<DateTimeOffset>, SendDecision> decide)
    {
        var decisions = new Dictionary<long, (SendDecision, long)>();
        foreach (var chunk in rows.Chunk(Chunk))
        {
            var part = await writer.WriteAsync((connection, transaction) =>
                DecideChunk(connection, transaction, chunk, groupsOf, decide));
            foreach (var (outboxId, decided) in part)
            {
                decisions[outboxId] = decided;
            }
        }

        return decisions;
    }

    private List<(long, (SendDecision, long))> DecideChunk(
        DbConnection connection, DbTransaction transaction, GateRow[] rows, Func<long, IReadOnlyList<string>> groupsOf,
        Func<SendSnapshot, IReadOnlyList<DateTimeOffset>, SendDecision> decide)
    {
        var now = time.GetUtcNow();
        var dialect = database.Dialect;
        dialect.LockMany(connection, transaction, LockScope.Contact, rows.Select(r => r.ContactId));
        var snapshots = Snapshots(connection, transaction, dialect, rows);
        var contacts = JsonRows.Of(snapshots.Select(s => s.Snapshot.ContactId).Distinct(), id => [id]);
        var members = Members(connection, transaction, dialect, contacts);
        var recent = RecentStarts(connection, transaction, dialect, contacts, now);
        var decided = new List<(long, (SendDecision, long))>(snapshots.Count);
        foreach (var (row, snapshot) in snapshots)
        {
            var member = groupsOf(snapshot.CampaignId).All(g => members.Contains((snapshot.ContactId, g)));
            var starts = recent.TryGetValue(snapshot.ContactId, out var list) ? list : recent[snapshot.ContactId] = [];
            var decision = decide(snapshot with { StillMember = member },
                starts.Where(s => s.SendId != snapshot.SendId).Select(s => s.At).ToList());
            if (decision is SendDecision.Send && starts.All(s => s.SendId != snapshot.SendId))
            {
                starts.Add((snapshot.SendId, snapshot.StartedAt ?? now));
            }

            decided.Add((row.OutboxId, (decision, snapshot.CampaignId)));
        }

        ApplyMany(connection, transaction, snapshots, decided, now);
        return decided;
    }

    private static List<(GateRow Row, SendSnapshot Snapshot)> Snapshots(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, GateRow[] rows)
    {
        var byMessage = rows.ToDictionary(r => r.MessageId);
        var found = new Dictionary<long, SendSnapshot>();
        using (var reader = connection.Command(
                       $"""
                        SELECT s.message_id, {SnapshotColumns}
                        FROM campaign_sends s JOIN campaigns k ON k.id = s.campaign_id
                             JOIN contacts c ON c.id = s.contact_id
                        WHERE s.message_id IN (SELECT r.i FROM {dialect.Rows("@ids", IdColumns)} r)
                        """, transaction)
                   .With("@ids", JsonRows.Of(rows, r => [r.MessageId])).ExecuteReader())
        {
            while (reader.Read())
            {
                found[reader.GetInt64(0)] = ReadSnapshot(reader, 1);
            }
        }

        // In the claim's order (priority, due time): the daily cap goes to the earlier message.
        return rows.Where(r => found.ContainsKey(r.MessageId)).Select(r => (byMessage[r.MessageId], found[r.MessageId]))
            .ToList();
    }

    private static HashSet<(long, string)> Members(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, string contacts)
    {
        var members = new HashSet<(long, string)>();
        using var reader = connection.Command(
                "SELECT contact_id, group_name FROM contact_groups " +
                $"WHERE contact_id IN (SELECT r.i FROM {dialect.Rows("@ids", IdColumns)} r)", transaction)
            .With("@ids", contacts).ExecuteReader();
        while (reader.Read())
        {
            members.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return members;
    }

    private static Dictionary<long, List<(long SendId, DateTimeOffset At)>> RecentStarts(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, string contacts, DateTimeOffset now)
    {
        var recent = new Dictionary<long, List<(long, DateTimeOffset)>>();
        using var reader = connection.Command(
                "SELECT contact_id, id, started_at FROM campaign_sends " +
                "WHERE started_at >= @since AND state = 'started' " +
                $"AND contact_id IN (SELECT r.i FROM {dialect.Rows("@ids", IdColumns)} r)", transaction)
            .With("@ids", contacts).With("@since", now.AddDays(-2)).ExecuteReader();
        while (reader.Read())
        {
            var contact = reader.GetInt64(0);
            var list = recent.TryGetValue(contact, out var l) ? l : recent[contact] = [];
            list.Add((reader.GetInt64(1), reader.GetTime(2)));
        }

        return recent;
    }

    /// <summary>Sends and deferrals in one statement each; skips (rare, and each with its reason) one by one.</summary>
    private void ApplyMany(
        DbConnection connection, DbTransaction transaction, List<(GateRow Row, SendSnapshot Snapshot)> snapshots,
        List<(long OutboxId, (SendDecision Decision, long))> decided, DateTimeOffset now)
    {
        var dialect = database.Dialect;
        var sends = snapshots.Zip(decided).Where(p => p.Second.Item2.Decision is SendDecision.Send)
            .Select(p => p.First.Snapshot.SendId).ToList();
        if (sends.Count > 0)
        {
            connection.Command(
                    "UPDATE campaign_sends SET state = 'started', started_at = COALESCE(started_at, @t) " +
                    $"WHERE id IN (SELECT r.i FROM {dialect.Rows("@ids", IdColumns)} r)", transaction)
                .With("@t", now).With("@ids", JsonRows.Of(sends, id => [id])).ExecuteNonQuery();
        }

        var defers = decided.Where(d => d.Item2.Decision is SendDecision.Defer)
            .Select(d => (d.OutboxId, Defer: (SendDecision.Defer)d.Item2.Decision)).ToList();
        if (defers.Count > 0)
        {
            // As for one: the claim counted an attempt and a deferral is not one; nothing was sent, nothing in doubt.
            var table = dialect.Rows("@rows", ("o", "bigint"), ("n", "timestamptz"), ("r", "text"));
            connection.Command(
                    $"UPDATE outbox SET state = 'pending', attempts = {dialect.Greatest}(attempts - 1, 0), " +
                    "next_attempt_at = r.n, last_error = r.r, updated_at = @t, in_doubt_since = NULL " +
                    $"FROM {table} r WHERE outbox.id = r.o", transaction)
                .With("@t", now)
                .With("@rows", JsonRows.Of(defers, d => [d.OutboxId, d.Defer.Until.ToDb(), $"deferred: {d.Defer.Reason}"]))
                .ExecuteNonQuery();
        }

        foreach (var ((row, snapshot), (_, (decision, _))) in snapshots.Zip(decided))
        {
            if (decision is SendDecision.Skip)
            {
                Apply(connection, transaction, dialect, snapshot.SendId, row.OutboxId, row.MessageId, decision, now);
            }
        }
    }
}
