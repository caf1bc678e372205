using HealthBot.Dialog;
using Microsoft.Data.Sqlite;

namespace HealthBot.Data;

public sealed class SqliteMessageStore(SqliteDatabase database, SqliteWriter writer, TimeProvider time) : IMessageStore
{
    private const string MessageColumns =
        "id, contact_id, direction, channel, body, status, language, kind, content_id, content_version, provider_id, error_code, created_at";

    public Task<InboundRecord> RecordInboundAsync(InboundMessage message, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) => RecordInbound(connection, transaction, message, time.GetUtcNow()));

    private static InboundRecord RecordInbound(SqliteConnection connection, SqliteTransaction transaction, InboundMessage message, DateTimeOffset now)
    {
        var contact = SqliteContactStore.GetOrCreate(connection, transaction, message.Channel, message.Address, now);
        var id = connection.Command(
                """
                INSERT INTO messages (contact_id, direction, channel, provider_id, body, status, created_at, updated_at)
                VALUES ($c, 'in', $ch, $p, $b, 'received', $r, $t)
                ON CONFLICT DO NOTHING RETURNING id
                """, transaction)
            .With("$c", contact.Id).With("$ch", message.Channel).With("$p", message.ProviderId).With("$b", message.Text)
            .With("$r", message.ReceivedAt.ToDb()).With("$t", now.ToDb()).ExecuteScalar();
        return id is long messageId
            ? new InboundRecord(messageId, contact.Id, Duplicate: false)
            : new InboundRecord(0, contact.Id, Duplicate: true);
    }

    public Task<IReadOnlyList<PendingInbound>> PendingInboundAsync(int limit, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                $"""
                SELECT m.id, m.body, m.created_at, {SqliteContactStore.SelectColumns("c")}
                FROM messages m JOIN contacts c ON c.id = m.contact_id
                WHERE m.direction = 'in' AND m.status = 'received' ORDER BY m.id LIMIT $limit
                """)
            .With("$limit", limit).ExecuteReader();
        var list = new List<PendingInbound>();
        while (reader.Read())
        {
            list.Add(new PendingInbound(reader.GetInt64(0), SqliteContactStore.Read(reader, 3), reader.GetString(1), reader.GetString(2).ToDateTimeOffset()));
        }

        return Task.FromResult<IReadOnlyList<PendingInbound>>(list);
    }

    public Task<IReadOnlyList<long>> CompleteInboundAsync(long inboundId, string? language, IReadOnlyList<OutboundDraft> replies, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) => CompleteInbound(connection, transaction, inboundId, language, replies, time.GetUtcNow().ToDb()));

    private static IReadOnlyList<long> CompleteInbound(SqliteConnection connection, SqliteTransaction transaction, long inboundId, string? language, IReadOnlyList<OutboundDraft> replies, string now)
    {
        // Only the first completion wins: a message processed twice (two workers, a restart) gets one set of replies.
        var updated = connection.Command("UPDATE messages SET status = 'processed', language = $l, updated_at = $t WHERE id = $id AND status = 'received'", transaction)
            .With("$l", language).With("$t", now).With("$id", inboundId).ExecuteNonQuery();
        var ids = new List<long>();
        if (updated == 1)
        {
            var (contactId, channel) = ContactOf(connection, transaction, inboundId);
            for (var i = 0; i < replies.Count; i++)
            {
                ids.Add(InsertOutbound(connection, transaction, contactId, channel, inboundId, replies[i], $"reply:{inboundId}:{i}", now));
            }
        }

        return ids;
    }

    public Task<bool> UpdateStatusByProviderIdAsync(string providerId, string status, string? errorCode, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) => UpdateStatus(connection, transaction, providerId, status, errorCode, time.GetUtcNow().ToDb()));

    private static bool UpdateStatus(SqliteConnection connection, SqliteTransaction transaction, string providerId, string status, string? errorCode, string now)
    {
        var id = connection.Command("SELECT id FROM messages WHERE direction = 'out' AND provider_id = $p", transaction).With("$p", providerId).ExecuteScalar();
        if (id is long messageId)
        {
            SetStatus(connection, transaction, messageId, status, errorCode, now, null);
        }
        else
        {
            connection.Command("INSERT INTO early_status (provider_id, status, error_code, at) VALUES ($p, $s, $e, $t)", transaction)
                .With("$p", providerId).With("$s", status).With("$e", errorCode).With("$t", now).ExecuteNonQuery();
        }

        return id is long;
    }

    public Task<StoredMessage?> GetAsync(long messageId, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var reader = connection.Command($"SELECT {MessageColumns} FROM messages WHERE id = $id").With("$id", messageId).ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadMessage(reader) : null);
    }

    public Task<IReadOnlyList<StoredMessage>> ConversationAsync(long contactId, long afterId, int limit, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var reader = connection.Command($"SELECT {MessageColumns} FROM messages WHERE contact_id = $c AND id > $after ORDER BY id LIMIT $limit")
            .With("$c", contactId).With("$after", afterId).With("$limit", limit).ExecuteReader();
        var list = new List<StoredMessage>();
        while (reader.Read())
        {
            list.Add(ReadMessage(reader));
        }

        return Task.FromResult<IReadOnlyList<StoredMessage>>(list);
    }

    public Task<IReadOnlyList<(string Status, string? ErrorCode, DateTimeOffset At)>> StatusHistoryAsync(long messageId, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var reader = connection.Command("SELECT status, error_code, at FROM message_status_history WHERE message_id = $id ORDER BY id")
            .With("$id", messageId).ExecuteReader();
        var list = new List<(string, string?, DateTimeOffset)>();
        while (reader.Read())
        {
            list.Add((reader.GetString(0), reader.GetNullableString(1), reader.GetString(2).ToDateTimeOffset()));
        }

        return Task.FromResult<IReadOnlyList<(string, string?, DateTimeOffset)>>(list);
    }

    internal static long InsertOutbound(SqliteConnection connection, SqliteTransaction transaction, long contactId, string channel, long? replyTo, OutboundDraft draft, string idempotencyKey, string now)
    {
        var id = connection.Command(
                """
                INSERT INTO messages (contact_id, direction, channel, body, status, language, kind, content_id, content_version, reply_to, model_used, fallback_reason, created_at, updated_at)
                VALUES ($c, 'out', $ch, $b, 'queued', $l, $k, $ci, $cv, $r, $mu, $fr, $t, $t) RETURNING id
                """, transaction)
            .With("$c", contactId).With("$ch", channel).With("$b", draft.Body).With("$l", draft.Language).With("$k", draft.Kind)
            .With("$ci", draft.ContentId).With("$cv", draft.ContentVersion).With("$r", replyTo).With("$t", now)
            .With("$mu", draft.ModelUsed is { } used ? (used ? 1 : 0) : null).With("$fr", draft.FallbackReason).ScalarLong();
        connection.Command("INSERT INTO message_status_history (message_id, status, at) VALUES ($id, 'queued', $t)", transaction)
            .With("$id", id).With("$t", now).ExecuteNonQuery();
        connection.Command(
                """
                INSERT INTO outbox (message_id, idempotency_key, channel, priority, state, next_attempt_at, created_at, updated_at)
                VALUES ($id, $key, $ch, $p, 'pending', $t, $t, $t)
                """, transaction)
            .With("$id", id).With("$key", idempotencyKey).With("$ch", channel).With("$p", draft.Priority).With("$t", now).ExecuteNonQuery();
        return id;
    }

    /// <summary>Records a status; the current status only moves forward (callbacks can arrive out of order).</summary>
    internal static void SetStatus(SqliteConnection connection, SqliteTransaction transaction, long messageId, string status, string? errorCode, string now, string? providerId)
    {
        connection.Command("INSERT INTO message_status_history (message_id, status, error_code, at) VALUES ($id, $s, $e, $t)", transaction)
            .With("$id", messageId).With("$s", status).With("$e", errorCode).With("$t", now).ExecuteNonQuery();
        var current = (string)connection.Command("SELECT status FROM messages WHERE id = $id", transaction).With("$id", messageId).ExecuteScalar()!;
        var next = MessageStatus.Rank(status) >= MessageStatus.Rank(current) ? status : current;
        connection.Command(
                "UPDATE messages SET status = $s, error_code = COALESCE($e, error_code), provider_id = COALESCE($p, provider_id), updated_at = $t WHERE id = $id",
                transaction)
            .With("$s", next).With("$e", errorCode).With("$p", providerId).With("$t", now).With("$id", messageId).ExecuteNonQuery();
        if (providerId is not null)
        {
            ApplyEarlyStatuses(connection, transaction, messageId, providerId, now);
        }
    }

    private static void ApplyEarlyStatuses(SqliteConnection connection, SqliteTransaction transaction, long messageId, string providerId, string now)
    {
        var early = new List<(string Status, string? ErrorCode)>();
        using (var reader = connection.Command("DELETE FROM early_status WHERE provider_id = $p RETURNING status, error_code", transaction).With("$p", providerId).ExecuteReader())
        {
            while (reader.Read())
            {
                early.Add((reader.GetString(0), reader.GetNullableString(1)));
            }
        }

        foreach (var (status, errorCode) in early)
        {
            SetStatus(connection, transaction, messageId, status, errorCode, now, null);
        }
    }

    private static (long ContactId, string Channel) ContactOf(SqliteConnection connection, SqliteTransaction transaction, long messageId)
    {
        using var reader = connection.Command("SELECT contact_id, channel FROM messages WHERE id = $id", transaction).With("$id", messageId).ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private static StoredMessage ReadMessage(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetNullableString(6),
        r.GetNullableString(7), r.GetNullableString(8), r.GetNullableInt(9), r.GetNullableString(10), r.GetNullableString(11),
        r.GetString(12).ToDateTimeOffset());
}
