using System.Data.Common;
using HealthBot.Data;

namespace HealthBot.Dialog;

/// <summary>Message statuses: provider callbacks, their history, and callbacks that arrive before the send is recorded.</summary>
public sealed partial class SqlMessageStore
{
    public Task<bool> UpdateStatusByProviderIdAsync(
        string providerId, string status, string? errorCode, CancellationToken ct = default, ProviderScope? scope = null) =>
        writer.WriteAsync((connection, transaction) =>
        {
            // On PostgreSQL the callback and the record of the send run side by side: one waits for the other, or the
            // callback could miss the message and the send miss the early status.
            database.Dialect.Lock(connection, transaction, LockScope.ProviderMessage, SqlDialect.Key(providerId));
            return UpdateStatus(connection, transaction, providerId, scope, status, errorCode, time.GetUtcNow());
        });

    public Task<StoredMessage?> FindOutboundByProviderIdAsync(
        string providerId, CancellationToken ct = default, ProviderScope? scope = null)
    {
        using var connection = database.Open();
        using var reader = Scoped(
                connection.Command($"SELECT {MessageColumns} FROM messages WHERE {Outbound(scope)}"), scope)
            .With("@p", providerId).ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadMessage(reader, database.Protector) : null);
    }

    /// <summary>An outbound message with provider id @p, sent by the scope's provider when there is one.</summary>
    private static string Outbound(ProviderScope? scope) =>
        "direction = 'out' AND provider_id = @p" + (scope is null ? string.Empty : " AND " + scope.Condition);

    private static DbCommand Scoped(DbCommand command, ProviderScope? scope) => scope?.Bind(command) ?? command;

    private static bool UpdateStatus(
        DbConnection connection, DbTransaction transaction, string providerId, ProviderScope? scope, string status,
        string? errorCode, DateTimeOffset now)
    {
        var id = Scoped(connection.Command($"SELECT id FROM messages WHERE {Outbound(scope)}", transaction), scope)
            .With("@p", providerId).ExecuteScalar();
        if (id is long messageId)
        {
            SetStatus(connection, transaction, messageId, status, errorCode, now, null);
        }
        else
        {
            connection.Command(
                    "INSERT INTO early_status (provider_id, status, error_code, at, provider) VALUES (@p, @s, @e, @t, @v)",
                    transaction)
                .With("@p", providerId).With("@s", status).With("@e", errorCode).With("@t", now)
                .With("@v", scope?.Provider).ExecuteNonQuery();
        }

        return id is long;
    }

    /// <summary>
    /// Records a status; the current status only moves forward (callbacks can arrive out of order), and the first final
    /// status stays: a late "failed" after "delivered" (Kannel sends report 16 after 1 when the SMSC retried) is kept
    /// in the history only, with its error code.
    /// </summary>
    internal static void SetStatus(DbConnection connection, DbTransaction transaction, long messageId, string status, string? errorCode, DateTimeOffset now, string? providerId)
    {
        connection.Command("INSERT INTO message_status_history (message_id, status, error_code, at) VALUES (@id, @s, @e, @t)", transaction)
            .With("@id", messageId).With("@s", status).With("@e", errorCode).With("@t", now).ExecuteNonQuery();
        var current = (string)connection.Command("SELECT status FROM messages WHERE id = @id", transaction).With("@id", messageId).ExecuteScalar()!;
        var moves = MessageStatus.Moves(current, status);
        connection.Command(
                "UPDATE messages SET status = @s, error_code = COALESCE(@e, error_code), provider_id = COALESCE(@p, provider_id), updated_at = @t WHERE id = @id",
                transaction)
            .With("@s", moves ? status : current).With("@e", moves ? errorCode : null).With("@p", providerId).With("@t", now).With("@id", messageId).ExecuteNonQuery();
        if (providerId is not null)
        {
            ApplyEarlyStatuses(connection, transaction, messageId, providerId, now);
        }
    }

    // Early statuses reported by the provider that sent the message (or by one unknown: older rows, a test's sender).
    private const string EarlyOfSender =
        """
        DELETE FROM early_status WHERE provider_id = @p AND (provider IS NULL OR
            (SELECT m.provider FROM messages m WHERE m.id = @id) IS NULL OR
            provider = (SELECT m.provider FROM messages m WHERE m.id = @id))
        RETURNING status, error_code
        """;

    private static void ApplyEarlyStatuses(DbConnection connection, DbTransaction transaction, long messageId, string providerId, DateTimeOffset now)
    {
        var early = new List<(string Status, string? ErrorCode)>();
        using (var reader = connection.Command(EarlyOfSender, transaction)
                   .With("@p", providerId).With("@id", messageId).ExecuteReader())
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
}
