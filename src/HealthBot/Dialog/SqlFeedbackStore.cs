using HealthBot.Data;
using System.Data.Common;

namespace HealthBot.Dialog;

/// <summary>A conversation staff should look at, and why (an <see cref="AnswerFlags"/> reason).</summary>
public sealed record ConversationFlag(long ContactId, string Reason, DateTimeOffset At);

/// <summary>
/// Answer feedback: the prompt is recorded with the answer (<see cref="InsertPrompt"/>, inside the answer's
/// transaction) and filled in by the person's "1" or "2". Portable SQL with @name parameters.
/// </summary>
public sealed class SqlFeedbackStore(Database database, IDatabaseWriter writer, TimeProvider time) : IAnswerFeedbackStore
{
    internal static void InsertPrompt(DbConnection connection, DbTransaction transaction, long messageId, long contactId, OutboundDraft draft, DateTimeOffset now) =>
        connection.Command(
                """
                INSERT INTO answer_feedback (message_id, contact_id, content_id, content_version, language, prompted_at)
                VALUES (@message, @contact, @content, @version, @language, @now) ON CONFLICT DO NOTHING
                """, transaction)
            .With("@message", messageId).With("@contact", contactId).With("@content", draft.ContentId).With("@version", draft.ContentVersion)
            .With("@language", draft.Language).With("@now", now).ExecuteNonQuery();

    public Task<FeedbackPrompt?> OpenPromptAsync(long contactId, DateTimeOffset since, long? replyId, CancellationToken ct = default)
    {
        using var connection = database.Open();
        // Only the latest message to the contact: a "1" after a later reply or campaign message is not about the answer.
        using var reader = connection.Command(
                """
                SELECT f.id, f.message_id, f.content_id, f.content_version, f.language FROM answer_feedback f
                WHERE f.contact_id = @contact
                  AND f.message_id = (SELECT MAX(m.id) FROM messages m WHERE m.contact_id = @contact AND m.direction = 'out')
                  AND ((f.helpful IS NULL AND f.prompted_at >= @since) OR f.reply_id = @reply)
                """)
            .With("@contact", contactId).With("@since", since).With("@reply", replyId).ExecuteReader();
        return Task.FromResult(reader.Read()
            ? new FeedbackPrompt(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetNullableInt(3), reader.GetString(4))
            : null);
    }

    public Task RecordAsync(long promptId, bool helpful, long? replyId, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) => connection.Command(
                """
                UPDATE answer_feedback SET helpful = @helpful, reply_id = @reply, answered_at = @now
                WHERE id = @id AND (helpful IS NULL OR reply_id = @reply)
                """, transaction)
            .With("@helpful", helpful ? 1 : 0).With("@reply", replyId).With("@now", time.GetUtcNow())
            .With("@id", promptId).ExecuteNonQuery());

    /// <summary>
    /// Low-confidence answers, rejected model answers and negative feedback since <paramref name="since"/>, newest first;
    /// a flag older than a responder's last action on the conversation (take over, reply, resolve) counts as handled.
    /// </summary>
    public IReadOnlyList<ConversationFlag> Flags(DateTimeOffset since, int limit)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                """
                SELECT x.contact_id, x.reason, x.at FROM (
                    SELECT contact_id, 'negative_feedback' AS reason, answered_at AS at FROM answer_feedback WHERE helpful = 0 AND answered_at >= @since
                    UNION ALL
                    SELECT contact_id, flag_reason AS reason, created_at AS at FROM messages
                    WHERE direction = 'out' AND flag_reason IS NOT NULL AND created_at >= @since
                ) x LEFT JOIN handoffs h ON h.contact_id = x.contact_id
                WHERE h.updated_at IS NULL OR h.updated_at < x.at
                ORDER BY x.at DESC LIMIT @limit
                """)
            .With("@since", since).With("@limit", limit).ExecuteReader();
        var list = new List<ConversationFlag>();
        while (reader.Read())
        {
            list.Add(new ConversationFlag(reader.GetInt64(0), reader.GetString(1), reader.GetTime(2)));
        }

        return list;
    }
}
