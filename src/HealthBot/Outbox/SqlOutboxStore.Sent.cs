using System.Data.Common;
using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Outbox;

/// <summary>
/// Sends recorded in batches: the same effects as the single-row <c>MarkSentAsync</c> for each row (outbox done, the message's provider, id and status, its history, and statuses
/// the provider reported before the send was recorded), in six statements for the whole batch.
/// </summary>
public sealed partial class SqlOutboxStore
{
    private static readonly (string, string)[] SentColumns =
        [("o", "bigint"), ("m", "bigint"), ("p", "text"), ("s", "text"), ("v", "text")];

    public Task MarkSentAsync(IReadOnlyList<SentRow> rows, CancellationToken ct = default) =>
        rows.Count == 0
            ? Task.CompletedTask
            : writer.WriteAsync((connection, transaction) => RecordSent(connection, transaction, rows));

    private int RecordSent(DbConnection connection, DbTransaction transaction, IReadOnlyList<SentRow> rows)
    {
        var now = time.GetUtcNow();
        var dialect = database.Dialect;
        // As for one send: a status callback for one of these provider ids waits, or is waited for (SqlMessageStatus).
        dialect.LockMany(connection, transaction, LockScope.ProviderMessage,
            rows.Where(r => r.ProviderId is not null).Select(r => SqlDialect.Key(r.ProviderId!)));
        var table = dialect.Rows("@rows", SentColumns);
        var json = JsonRows.Of(rows, r => [r.OutboxId, r.MessageId, r.ProviderId, r.Status, r.Provider]);
        connection.Command(
                "UPDATE outbox SET state = 'done', last_error = NULL, updated_at = @now " +
                $"FROM {table} r WHERE outbox.id = r.o", transaction)
            .With("@now", now).With("@rows", json).ExecuteNonQuery();
        connection.Command(
                "INSERT INTO message_status_history (message_id, status, error_code, at) " +
                $"SELECT r.m, r.s, NULL, @now FROM {table} r", transaction)
            .With("@now", now).With("@rows", json).ExecuteNonQuery();

        // The status only moves forward (MessageStatus.Moves): a callback may already have set a later one.
        var current = new Dictionary<long, string>();
        using (var reader = connection.Command(
                       $"SELECT m.id, m.status FROM messages m WHERE m.id IN (SELECT r.m FROM {table} r)", transaction)
                   .With("@rows", json).ExecuteReader())
        {
            while (reader.Read())
            {
                current[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        var moved = JsonRows.Of(rows, r => [r.OutboxId, r.MessageId, r.ProviderId,
            current.TryGetValue(r.MessageId, out var was) && !MessageStatus.Moves(was, r.Status) ? was : r.Status,
            r.Provider]);
        // The provider first, as for one send: an early status is only taken from the provider that sent the message.
        connection.Command(
                "UPDATE messages SET status = r.s, provider_id = COALESCE(r.p, messages.provider_id), " +
                "provider = COALESCE(r.v, messages.provider), updated_at = @now " +
                $"FROM {table} r WHERE messages.id = r.m",
                transaction)
            .With("@now", now).With("@rows", moved).ExecuteNonQuery();
        ApplyEarlyStatuses(connection, transaction, table, json, rows, now);
        return rows.Count;
    }

    private static void ApplyEarlyStatuses(
        DbConnection connection, DbTransaction transaction, string table, string json, IReadOnlyList<SentRow> rows,
        DateTimeOffset now)
    {
        var early = new List<(string ProviderId, string Status, string? ErrorCode)>();
        using (var reader = connection.Command(
                       $"""
                        DELETE FROM early_status WHERE EXISTS (SELECT 1 FROM {table} r JOIN messages m ON m.id = r.m
                            WHERE r.p = early_status.provider_id
                              AND (early_status.provider IS NULL OR m.provider IS NULL
                                   OR early_status.provider = m.provider))
                        RETURNING provider_id, status, error_code
                        """, transaction)
                   .With("@rows", json).ExecuteReader())
        {
            while (reader.Read())
            {
                early.Add((reader.GetString(0), reader.GetString(1), reader.GetNullableString(2)));
            }
        }

        // Rare (a callback faster than our own record of the send): one at a time, as for a single send.
        var messages = rows.Where(r => r.ProviderId is not null)
            .GroupBy(r => r.ProviderId!).ToDictionary(g => g.Key, g => g.First().MessageId);
        foreach (var (providerId, status, errorCode) in early)
        {
            SqlMessageStore.SetStatus(connection, transaction, messages[providerId], status, errorCode, now, null);
        }
    }
}
