using HealthBot.Data;
using HealthBot.Dialog.Memory;
using HealthBot.Privacy;
using HealthBot.Safety;
using System.Data.Common;

namespace HealthBot.Dialog;

public sealed partial class SqlMessageStore(Database database, IDatabaseWriter writer, TimeProvider time) : IMessageStore
{
    private const string MessageColumns =
        "id, contact_id, direction, channel, body, status, language, kind, content_id, content_version, provider_id, " +
        "error_code, created_at, provider";

    public Task<InboundRecord> RecordInboundAsync(InboundMessage message, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) => RecordInbound(connection, transaction, database.Protector, message, time.GetUtcNow()));

    private static InboundRecord RecordInbound(DbConnection connection, DbTransaction transaction, PersonalDataProtector protector, InboundMessage message, DateTimeOffset now)
    {
        var contact = SqlContactStore.GetOrCreate(connection, transaction, protector, message.Channel, message.Address, now);
        var id = connection.Command(
                """
                INSERT INTO messages
                    (contact_id, direction, channel, provider_id, body, status, created_at, updated_at, provider,
                     provider_link_id, provider_to)
                VALUES (@c, 'in', @ch, @p, @b, 'received', @r, @t, @via, @link, @to)
                ON CONFLICT DO NOTHING RETURNING id
                """, transaction)
            .With("@via", message.Provider).With("@link", message.LinkId).With("@to", message.To)
            .With("@c", contact.Id).With("@ch", message.Channel).With("@p", message.ProviderId).With("@b", protector.Encrypt(message.Text))
            .With("@r", message.ReceivedAt).With("@t", now).ExecuteScalar();
        return id is long messageId
            ? new InboundRecord(messageId, contact.Id, Duplicate: false)
            : new InboundRecord(0, contact.Id, Duplicate: true);
    }

    public Task<string?> LastInboundProviderAsync(long contactId, string channel, CancellationToken ct = default)
    {
        using var connection = database.Open();
        var value = connection.Command(
                "SELECT provider FROM messages WHERE contact_id = @c AND direction = 'in' AND channel = @ch " +
                "ORDER BY id DESC LIMIT 1")
            .With("@c", contactId).With("@ch", channel).ExecuteScalar();
        return Task.FromResult(value as string);
    }

    public Task<StoredMessage?> LatestInboundAsync(long contactId, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                $"SELECT {MessageColumns} FROM messages WHERE contact_id = @c AND direction = 'in' " +
                "ORDER BY id DESC LIMIT 1")
            .With("@c", contactId).ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadMessage(reader, database.Protector) : null);
    }

    public Task<IReadOnlyList<PendingInbound>> PendingInboundAsync(int limit, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                $"""
                SELECT m.id, m.body, m.created_at, m.provider, {SqlContactStore.SelectColumns("c")}
                FROM messages m JOIN contacts c ON c.id = m.contact_id
                WHERE m.direction = 'in' AND m.status = 'received' ORDER BY m.id LIMIT @limit
                """)
            .With("@limit", limit).ExecuteReader();
        var list = new List<PendingInbound>();
        while (reader.Read())
        {
            var contact = SqlContactStore.Read(reader, database.Protector, 4);
            list.Add(new PendingInbound(reader.GetInt64(0), contact, database.Protector.Decrypt(reader.GetString(1)),
                reader.GetTime(2))
            {
                Provider = reader.GetNullableString(3),
            });
        }

        return Task.FromResult<IReadOnlyList<PendingInbound>>(list);
    }

    public Task<IReadOnlyList<long>> CompleteInboundAsync(
        long inboundId,
        string? language,
        IReadOnlyList<OutboundDraft> replies,
        CancellationToken ct = default,
        AlertDraft? alert = null,
        ConversationMemory? memory = null) =>
        writer.WriteAsync((connection, transaction) =>
            CompleteInbound(connection, transaction, database, inboundId, language, replies, alert, memory,
                time.GetUtcNow()));

    public Task<long?> EnqueueAsync(long contactId, string channel, OutboundDraft draft, string idempotencyKey, CancellationToken ct = default) =>
        writer.WriteAsync<long?>((connection, transaction) =>
        {
            var exists = connection.Command("SELECT COUNT(*) FROM outbox WHERE idempotency_key = @k", transaction).With("@k", idempotencyKey).ScalarLong();
            return exists > 0 ? null : InsertOutbound(connection, transaction, database.Protector, contactId, channel, null, draft, idempotencyKey, time.GetUtcNow());
        });

    public Task<RecentReplies> RecentRepliesAsync(long contactId, DateTimeOffset now, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                """
                SELECT COUNT(DISTINCT CASE WHEN kind <> 'rate_limited' AND created_at >= @hour THEN reply_to END),
                       COUNT(CASE WHEN kind = 'rate_limited' AND created_at >= @hour THEN 1 END),
                       COUNT(DISTINCT CASE WHEN kind <> 'rate_limited' THEN reply_to END),
                       COUNT(CASE WHEN kind = 'rate_limited' THEN 1 END)
                FROM messages WHERE contact_id = @c AND direction = 'out' AND created_at >= @day
                """)
            .With("@c", contactId).With("@hour", now.AddHours(-1)).With("@day", now.AddDays(-1)).ExecuteReader();
        reader.Read();
        return Task.FromResult(new RecentReplies(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
    }

    private static IReadOnlyList<long> CompleteInbound(
        DbConnection connection,
        DbTransaction transaction,
        Database database,
        long inboundId,
        string? language,
        IReadOnlyList<OutboundDraft> replies,
        AlertDraft? alert,
        ConversationMemory? memory,
        DateTimeOffset now)
    {
        var protector = database.Protector;
        // Only the first completion wins: a message processed twice (two workers, a restart) gets one set of replies.
        var updated = connection.Command("UPDATE messages SET status = 'processed', language = @l, updated_at = @t WHERE id = @id AND status = 'received'", transaction)
            .With("@l", language).With("@t", now).With("@id", inboundId).ExecuteNonQuery();
        var ids = new List<long>();
        if (updated == 1)
        {
            var (contactId, channel) = ContactOf(connection, transaction, inboundId);
            for (var i = 0; i < replies.Count; i++)
            {
                ids.Add(InsertOutbound(connection, transaction, protector, contactId, channel, inboundId, replies[i], $"reply:{inboundId}:{i}", now));
            }

            if (alert is not null)
            {
                SqlAlerts.Insert(connection, transaction, database, contactId, inboundId, alert, now);
            }

            if (memory is not null)
            {
                SqlConversationStore.Remember(connection, transaction, contactId, memory);
            }
        }

        return ids;
    }

    public Task<StoredMessage?> GetAsync(long messageId, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var reader = connection.Command($"SELECT {MessageColumns} FROM messages WHERE id = @id").With("@id", messageId).ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadMessage(reader, database.Protector) : null);
    }

    public Task<IReadOnlyList<StoredMessage>> ConversationAsync(long contactId, long afterId, int limit, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var reader = connection.Command($"SELECT {MessageColumns} FROM messages WHERE contact_id = @c AND id > @after ORDER BY id LIMIT @limit")
            .With("@c", contactId).With("@after", afterId).With("@limit", limit).ExecuteReader();
        var list = new List<StoredMessage>();
        while (reader.Read())
        {
            list.Add(ReadMessage(reader, database.Protector));
        }

        return Task.FromResult<IReadOnlyList<StoredMessage>>(list);
    }

    public Task<IReadOnlyList<(string Status, string? ErrorCode, DateTimeOffset At)>> StatusHistoryAsync(long messageId, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var reader = connection.Command("SELECT status, error_code, at FROM message_status_history WHERE message_id = @id ORDER BY id")
            .With("@id", messageId).ExecuteReader();
        var list = new List<(string, string?, DateTimeOffset)>();
        while (reader.Read())
        {
            list.Add((reader.GetString(0), reader.GetNullableString(1), reader.GetTime(2)));
        }

        return Task.FromResult<IReadOnlyList<(string, string?, DateTimeOffset)>>(list);
    }

    internal static long InsertOutbound(
        DbConnection connection, DbTransaction transaction, PersonalDataProtector protector, long contactId, string channel, long? replyTo, OutboundDraft draft, string idempotencyKey, DateTimeOffset now)
    {
        var id = connection.Command(
                """
                INSERT INTO messages (contact_id, direction, channel, body, status, language, kind, content_id, content_version, reply_to, model_used, fallback_reason, flag_reason, created_at, updated_at)
                VALUES (@c, 'out', @ch, @b, 'queued', @l, @k, @ci, @cv, @r, @mu, @fr, @flag, @t, @t) RETURNING id
                """, transaction)
            .With("@c", contactId).With("@ch", channel).With("@b", protector.Encrypt(draft.Body)).With("@l", draft.Language).With("@k", draft.Kind)
            .With("@ci", draft.ContentId).With("@cv", draft.ContentVersion).With("@r", replyTo).With("@t", now)
            .With("@mu", draft.ModelUsed is { } used ? (used ? 1 : 0) : null).With("@fr", draft.FallbackReason).With("@flag", draft.FlagReason).ScalarLong();
        if (draft.FeedbackPrompt)
        {
            SqlFeedbackStore.InsertPrompt(connection, transaction, id, contactId, draft, now);
        }

        connection.Command("INSERT INTO message_status_history (message_id, status, at) VALUES (@id, 'queued', @t)", transaction)
            .With("@id", id).With("@t", now).ExecuteNonQuery();
        connection.Command(
                """
                INSERT INTO outbox (message_id, idempotency_key, channel, priority, state, next_attempt_at, created_at, updated_at)
                VALUES (@id, @key, @ch, @p, 'pending', @t, @t, @t)
                """, transaction)
            .With("@id", id).With("@key", idempotencyKey).With("@ch", channel).With("@p", draft.Priority).With("@t", now).ExecuteNonQuery();
        return id;
    }

    private static (long ContactId, string Channel) ContactOf(DbConnection connection, DbTransaction transaction, long messageId)
    {
        using var reader = connection.Command("SELECT contact_id, channel FROM messages WHERE id = @id", transaction).With("@id", messageId).ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private static StoredMessage ReadMessage(DbDataReader r, PersonalDataProtector protector) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), protector.Decrypt(r.GetString(4)), r.GetString(5), r.GetNullableString(6),
        r.GetNullableString(7), r.GetNullableString(8), r.GetNullableInt(9), r.GetNullableString(10), r.GetNullableString(11),
        r.GetTime(12)) { Provider = r.GetNullableString(13) };
}
