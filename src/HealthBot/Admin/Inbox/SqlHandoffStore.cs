using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Admin.Inbox;

/// <param name="SinceMessageId">The contact's newest message when the handoff began: later ones belong to it.</param>
/// <param name="SeenMessageId">The newest message a responder has seen; later inbound messages are unread.</param>
public sealed record Handoff(long ContactId, string Responder, bool Open, DateTimeOffset? SilentUntil, long SinceMessageId = 0, long SeenMessageId = 0);

/// <summary>Conversations a responder has taken over. The bot consults it (after triage) through <see cref="IHandoffState"/>.</summary>
public sealed partial class SqlHandoffStore(Database database, IDatabaseWriter writer, TimeProvider time) : IHandoffState
{
    public Task<bool> IsHumanHandlingAsync(long contactId, CancellationToken ct = default)
    {
        var handoff = Find(contactId);
        return Task.FromResult(handoff is not null && (handoff.Open || handoff.SilentUntil > time.GetUtcNow()));
    }

    public Handoff? Find(long contactId)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                "SELECT contact_id, responder, open, silent_until, since_message_id, seen_message_id FROM handoffs WHERE contact_id = @c")
            .With("@c", contactId).ExecuteReader();
        return reader.Read()
            ? new Handoff(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2) == 1, reader.GetNullableTime(3),
                reader.GetInt64(4), reader.GetInt64(5))
            : null;
    }

    /// <summary>
    /// A responder has the conversation open: the bot is silent until it is resolved. A handoff that was not already
    /// running starts at the contact's newest message, which the responder is looking at (so nothing is unread).
    /// </summary>
    public Task OpenAsync(long contactId, string responder) => writer.WriteAsync((c, t) => c.Command(
            $"""
            INSERT INTO handoffs (contact_id, responder, open, updated_at, since_message_id, seen_message_id)
            VALUES (@c, @r, 1, @now, {NewestMessage}, {NewestMessage})
            ON CONFLICT (contact_id) DO UPDATE SET responder = excluded.responder, open = 1, updated_at = excluded.updated_at,
                {KeepIfRunning("since_message_id")}, {KeepIfRunning("seen_message_id")}
            """, t)
        .With("@c", contactId).With("@r", responder).With("@now", time.GetUtcNow()).ExecuteNonQuery());

    /// <summary>After a human reply: silent until <paramref name="silentUntil"/>, without opening (or closing) the conversation.</summary>
    public Task SilenceUntilAsync(long contactId, string responder, DateTimeOffset silentUntil) => writer.WriteAsync((c, t) => c.Command(
            $"""
            INSERT INTO handoffs (contact_id, responder, open, silent_until, updated_at, since_message_id, seen_message_id)
            VALUES (@c, @r, 0, @s, @now, {NewestMessage}, {NewestMessage})
            ON CONFLICT (contact_id) DO UPDATE SET responder = excluded.responder, silent_until = excluded.silent_until,
                updated_at = excluded.updated_at, {KeepIfRunning("since_message_id")}, {KeepIfRunning("seen_message_id")}
            """, t)
        .With("@c", contactId).With("@r", responder).With("@s", silentUntil)
        .With("@now", time.GetUtcNow()).ExecuteNonQuery());

    /// <summary>Flagged conversations: contacts whose latest bot reply was a decline or not understood, newest first.</summary>
    public IReadOnlyList<(long ContactId, string Kind, DateTimeOffset At)> Flagged(int limit)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                """
                SELECT m.contact_id, m.kind, m.created_at FROM messages m
                WHERE m.id IN (SELECT MAX(id) FROM messages WHERE direction = 'out' AND kind IS NOT NULL AND kind NOT IN ('staff_alert', 'human') GROUP BY contact_id)
                  AND m.kind IN ('out_of_scope', 'not_understood', 'referral')
                ORDER BY m.id DESC LIMIT @l
                """).With("@l", limit).ExecuteReader();
        var list = new List<(long, string, DateTimeOffset)>();
        while (reader.Read())
        {
            list.Add((reader.GetInt64(0), reader.GetString(1), reader.GetTime(2)));
        }

        return list;
    }
}
