using System.Data.Common;
using HealthBot.Data;

namespace HealthBot.Admin.Inbox;

/// <summary>A conversation staff are handling, as the inbox lists it.</summary>
public sealed record HandledConversation(
    long ContactId, string Responder, bool Open, int Unread, int Unanswered, DateTimeOffset? LastInboundAt,
    string Channel = "");

/// <summary>What happened to a hand-back: done (and how many messages the bot now answers), or why not.</summary>
public sealed record HandBackResult(bool Resolved, int Unanswered, int Pending, int Requeued);

/// <summary>
/// The inbox's side of handoffs: unread messages per conversation, messages nobody answered during the handoff, and a
/// hand-back that never drops one of them.
/// </summary>
public sealed partial class SqlHandoffStore
{
    private const string NewestMessage = "(SELECT COALESCE(MAX(id), 0) FROM messages WHERE contact_id = @c)";

    // Inbound messages of the handoff (after it began and after the latest human reply) that got no reply at all.
    private const string UnansweredWhere =
        """
        m.contact_id = h.contact_id AND m.direction = 'in' AND m.id > h.since_message_id
        AND m.id > COALESCE((SELECT MAX(o.id) FROM messages o WHERE o.contact_id = h.contact_id AND o.direction = 'out' AND o.kind = 'human'), 0)
        AND NOT EXISTS (SELECT 1 FROM messages r WHERE r.reply_to = m.id)
        """;

    private static string KeepIfRunning(string column) =>
        $"{column} = CASE WHEN handoffs.open = 1 OR handoffs.silent_until > excluded.updated_at THEN handoffs.{column} ELSE excluded.{column} END";

    /// <summary>Conversations a responder holds or replied in recently, with unread and unanswered counts, newest activity first.</summary>
    public IReadOnlyList<HandledConversation> Handled(int limit)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                $"""
                SELECT h.contact_id, h.responder, h.open,
                       (SELECT COUNT(*) FROM messages m WHERE m.contact_id = h.contact_id AND m.direction = 'in' AND m.id > h.seen_message_id),
                       (SELECT COUNT(*) FROM messages m WHERE {UnansweredWhere}),
                       (SELECT MAX(m.created_at) FROM messages m
                        WHERE m.contact_id = h.contact_id AND m.direction = 'in'),
                       (SELECT c.channel FROM contacts c WHERE c.id = h.contact_id)
                FROM handoffs h WHERE h.open = 1 OR h.silent_until > @now
                ORDER BY 6 DESC LIMIT @l
                """).With("@now", time.GetUtcNow()).With("@l", limit).ExecuteReader();
        var list = new List<HandledConversation>();
        while (reader.Read())
        {
            list.Add(new HandledConversation(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2) == 1, reader.GetInt32(3), reader.GetInt32(4),
                reader.GetNullableTime(5), reader.GetNullableString(6) ?? string.Empty));
        }

        return list;
    }

    /// <summary>Ids of the handoff's inbound messages that no reply (human or bot) followed, oldest first.</summary>
    public IReadOnlyList<long> Unanswered(long contactId)
    {
        using var connection = database.Open();
        return UnansweredIds(connection, null, contactId, time.GetUtcNow());
    }

    /// <summary>A responder has seen the conversation up to <paramref name="messageId"/>: earlier inbound messages are read.</summary>
    public Task MarkSeenAsync(long contactId, long messageId) => writer.WriteAsync((c, t) => c.Command(
            "UPDATE handoffs SET seen_message_id = @m WHERE contact_id = @c AND seen_message_id < @m", t)
        .With("@c", contactId).With("@m", messageId).ExecuteNonQuery());

    /// <summary>
    /// Hands the conversation back to the bot, in one transaction. Not while a message of the contact is still being
    /// handled (it may have been judged "human handling" a moment ago and must be counted). Unanswered messages either
    /// stop the hand-back (<paramref name="botAnswers"/> false: the responder answers them first) or go back to the
    /// dialog queue, so the bot answers them once the conversation is its own again.
    /// </summary>
    public Task<HandBackResult> HandBackAsync(long contactId, bool botAnswers) => writer.WriteAsync((c, t) =>
    {
        var pending = c.Command("SELECT COUNT(*) FROM messages WHERE contact_id = @c AND direction = 'in' AND status = 'received'", t)
            .With("@c", contactId).ScalarLong();
        if (pending > 0)
        {
            return new HandBackResult(false, 0, (int)pending, 0);
        }

        var unanswered = UnansweredIds(c, t, contactId, time.GetUtcNow());
        if (unanswered.Count > 0 && !botAnswers)
        {
            return new HandBackResult(false, unanswered.Count, 0, 0);
        }

        var now = time.GetUtcNow();
        foreach (var id in unanswered)
        {
            c.Command("UPDATE messages SET status = 'received', updated_at = @t WHERE id = @id AND status = 'processed'", t)
                .With("@id", id).With("@t", now).ExecuteNonQuery();
        }

        c.Command("UPDATE handoffs SET open = 0, silent_until = NULL, updated_at = @now WHERE contact_id = @c", t)
            .With("@c", contactId).With("@now", now).ExecuteNonQuery();
        c.Command("UPDATE alerts SET status = 'resolved' WHERE contact_id = @c AND status = 'open'", t).With("@c", contactId).ExecuteNonQuery();
        return new HandBackResult(true, unanswered.Count, 0, unanswered.Count);
    });

    private static List<long> UnansweredIds(DbConnection connection, DbTransaction? transaction, long contactId, DateTimeOffset now)
    {
        using var reader = connection.Command(
                $"""
                SELECT m.id FROM handoffs h JOIN messages m ON {UnansweredWhere}
                WHERE h.contact_id = @c AND (h.open = 1 OR h.silent_until > @now) ORDER BY m.id
                """, transaction)
            .With("@c", contactId).With("@now", now).ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
