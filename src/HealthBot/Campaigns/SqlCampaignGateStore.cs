using System.Data.Common;
using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Campaigns;

/// <summary>
/// The send-time check of a campaign message, read and recorded in one write transaction: the single writer runs
/// them one after another, so two messages to one contact can never both slip under the daily cap.
/// </summary>
public sealed partial class SqlCampaignGateStore(Database database, IDatabaseWriter writer, TimeProvider time)
{
    public Task<SendDecision?> DecideAsync(
        long outboxId, long messageId, long contactId, Func<long, IReadOnlyList<string>> groupsOf, Func<SendSnapshot, IReadOnlyList<DateTimeOffset>, SendDecision> decide) =>
        writer.WriteAsync((connection, transaction) =>
        {
            var now = time.GetUtcNow();
            // Two nodes sending to one contact: the second waits here, then sees the first's send under the daily cap.
            database.Dialect.Lock(connection, transaction, LockScope.Contact, contactId);

            var (snapshot, recent) = Read(connection, transaction, messageId, groupsOf, now);
            if (snapshot is null)
            {
                return null;
            }

            var decision = decide(snapshot, recent);
            Apply(connection, transaction, database.Dialect, snapshot.SendId, outboxId, messageId, decision, now);
            return decision;
        });

    /// <summary>The reason a message held by the clock past Campaigns:CatchUp is skipped, in the campaign report.
    /// </summary>
    public const string HeldTooLong = "clock_held_too_long";

    /// <summary>
    /// After the clock was put right (confirmed, or seen jumping back): campaign messages deferred beyond
    /// <paramref name="soon"/> had their wait computed on the wrong clock. Each becomes due at its planned time, or now
    /// if that has passed (the gate then applies quiet hours and the daily cap on the right clock); one held by the
    /// clock whose planned time is older than <paramref name="oldest"/> (Campaigns:CatchUp) is skipped with
    /// <see cref="HeldTooLong"/>, as the planner skips an occurrence missed for longer. Returns (released, skipped).
    /// </summary>
    public Task<(int Released, int Skipped)> ReleaseDeferredAsync(DateTimeOffset soon, DateTimeOffset oldest) =>
        writer.WriteAsync((connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var late = new List<(long Send, long Outbox, long Message)>();
            using (var reader = connection.Command("""
                       SELECT s.id, o.id, o.message_id
                       FROM outbox o JOIN campaign_sends s ON s.message_id = o.message_id
                       WHERE o.state = 'pending' AND o.last_error LIKE 'deferred: held:%' AND o.next_attempt_at > @soon
                             AND s.state = 'queued' AND s.due_at < @oldest
                       """, transaction).With("@soon", soon).With("@oldest", oldest).ExecuteReader())
            {
                while (reader.Read())
                {
                    late.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
                }
            }

            foreach (var (send, outbox, message) in late)
            {
                Apply(connection, transaction, database.Dialect, send, outbox, message,
                    new SendDecision.Skip(HeldTooLong), now);
            }

            var released = connection.Command("""
                    UPDATE outbox SET updated_at = @now, next_attempt_at = COALESCE((SELECT MAX(s.due_at)
                        FROM campaign_sends s WHERE s.message_id = outbox.message_id AND s.due_at > @now), @now)
                    WHERE state = 'pending' AND last_error LIKE 'deferred:%' AND next_attempt_at > @soon
                          AND EXISTS (SELECT 1 FROM campaign_sends s WHERE s.message_id = outbox.message_id)
                    """, transaction).With("@now", now).With("@soon", soon).ExecuteNonQuery();
            return (released, late.Count);
        });

    private static (SendSnapshot?, IReadOnlyList<DateTimeOffset>) Read(DbConnection connection, DbTransaction transaction, long messageId, Func<long, IReadOnlyList<string>> groupsOf, DateTimeOffset now)
    {
        SendSnapshot snapshot;
        using (var reader = connection.Command(
                   $"""
                   SELECT {SnapshotColumns}
                   FROM campaign_sends s JOIN campaigns k ON k.id = s.campaign_id JOIN contacts c ON c.id = s.contact_id
                   WHERE s.message_id = @m
                   """, transaction).With("@m", messageId).ExecuteReader())
        {
            if (!reader.Read())
            {
                return (null, []);
            }

            snapshot = ReadSnapshot(reader, 0);
        }

        var member = groupsOf(snapshot.CampaignId).All(group => connection.Command(
                "SELECT EXISTS (SELECT 1 FROM contact_groups WHERE contact_id = @c AND group_name = @g)", transaction)
            .With("@c", snapshot.ContactId).With("@g", group).ScalarLong() == 1);
        var recent = new List<DateTimeOffset>();
        using (var reader = connection.Command(
                   "SELECT started_at FROM campaign_sends WHERE contact_id = @c AND started_at >= @since AND id <> @id AND state = 'started'", transaction)
               .With("@c", snapshot.ContactId).With("@since", now.AddDays(-2))
               .With("@id", snapshot.SendId).ExecuteReader())
        {
            while (reader.Read())
            {
                recent.Add(reader.GetTime(0));
            }
        }

        return (snapshot with { StillMember = member }, recent);
    }

    /// <summary>What the rules need of one send: its campaign, contact and the contact's last message in.</summary>
    private const string SnapshotColumns =
        """
        s.id, s.campaign_id, k.state, s.state, s.contact_id, c.channel, c.consent, c.time_zone, s.started_at,
        (SELECT MAX(m.created_at) FROM messages m WHERE m.contact_id = s.contact_id AND m.direction = 'in')
        """;

    private static SendSnapshot ReadSnapshot(DbDataReader reader, int at) =>
        new(reader.GetInt64(at), reader.GetInt64(at + 1), reader.GetString(at + 2), reader.GetString(at + 3),
            reader.GetInt64(at + 4), reader.GetString(at + 5), reader.GetString(at + 6),
            reader.GetNullableString(at + 7), StillMember: true, StartedToday: 0, reader.GetNullableTime(at + 9),
            reader.GetNullableTime(at + 8));

    private static void Apply(DbConnection connection, DbTransaction transaction, SqlDialect dialect, long sendId, long outboxId, long messageId, SendDecision decision, DateTimeOffset now)
    {
        switch (decision)
        {
            case SendDecision.Send:
                connection.Command("UPDATE campaign_sends SET state = 'started', started_at = COALESCE(started_at, @t) WHERE id = @id", transaction)
                    .With("@t", now).With("@id", sendId).ExecuteNonQuery();
                break;
            case SendDecision.Defer defer:
                // The claim counted an attempt; a deferral is not one. Nothing was sent (a send in doubt was looked up
                // before the gate), so nothing is in doubt either.
                connection.Command(
                        $"UPDATE outbox SET state = 'pending', attempts = {dialect.Greatest}(attempts - 1, 0), " +
                        "next_attempt_at = @next, last_error = @r, updated_at = @t, in_doubt_since = NULL " +
                        "WHERE id = @id",
                        transaction)
                    .With("@next", defer.Until).With("@r", "deferred: " + defer.Reason).With("@t", now)
                    .With("@id", outboxId).ExecuteNonQuery();
                break;
            case SendDecision.Skip skip:
                connection.Command("UPDATE campaign_sends SET state = 'skipped', reason = @r WHERE id = @id", transaction)
                    .With("@r", skip.Reason).With("@id", sendId).ExecuteNonQuery();
                connection.Command("UPDATE outbox SET state = 'done', last_error = @r, updated_at = @t WHERE id = @id", transaction)
                    .With("@r", "skipped: " + skip.Reason).With("@t", now).With("@id", outboxId).ExecuteNonQuery();
                SqlMessageStore.SetStatus(connection, transaction, messageId, "canceled", skip.Reason, now, null);
                break;
        }
    }
}
