namespace HealthBot.Data;

public sealed class SqliteOutboxStore(SqliteDatabase database, TimeProvider time) : IOutboxStore
{
    public Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(IReadOnlyCollection<string> channels, int limit, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var now = time.GetUtcNow().ToDb();
        var channelList = string.Join(", ", channels.Select((_, i) => $"$ch{i}"));
        var select = connection.Command(
            $"""
            SELECT o.id, o.message_id, o.channel, c.address, m.body, o.attempts
            FROM outbox o JOIN messages m ON m.id = o.message_id JOIN contacts c ON c.id = m.contact_id
            WHERE o.state = 'pending' AND o.next_attempt_at <= $now AND o.channel IN ({channelList})
            ORDER BY o.priority DESC, o.next_attempt_at, o.id LIMIT $limit
            """, transaction).With("$now", now).With("$limit", limit);
        var i = 0;
        foreach (var channel in channels)
        {
            select.With($"$ch{i++}", channel);
        }

        var items = new List<OutboxItem>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                items.Add(new OutboxItem(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
            }
        }

        foreach (var item in items)
        {
            connection.Command("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = $now WHERE id = $id", transaction)
                .With("$now", now).With("$id", item.OutboxId).ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.FromResult<IReadOnlyList<OutboxItem>>(items);
    }

    public Task MarkSentAsync(long outboxId, string? providerId, string status, CancellationToken ct = default) =>
        Finish(outboxId, "done", status, providerId, null, null);

    public Task MarkFailedAsync(long outboxId, string errorCode, string error, CancellationToken ct = default) =>
        Finish(outboxId, "failed", "failed", null, errorCode, error);

    public Task MarkRetryAsync(long outboxId, DateTimeOffset nextAttemptAt, string error, CancellationToken ct = default)
    {
        using var connection = database.Open();
        connection.Command("UPDATE outbox SET state = 'pending', next_attempt_at = $next, last_error = $e, updated_at = $now WHERE id = $id")
            .With("$next", nextAttemptAt.ToDb()).With("$e", error).With("$now", time.GetUtcNow().ToDb()).With("$id", outboxId)
            .ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public Task<int> RecoverInFlightAsync(CancellationToken ct = default)
    {
        using var connection = database.Open();
        var count = connection.Command("UPDATE outbox SET state = 'pending', updated_at = $now WHERE state = 'sending'")
            .With("$now", time.GetUtcNow().ToDb()).ExecuteNonQuery();
        return Task.FromResult(count);
    }

    public Task<int> CountAsync(string state, CancellationToken ct = default)
    {
        using var connection = database.Open();
        return Task.FromResult((int)connection.Command("SELECT COUNT(*) FROM outbox WHERE state = $s").With("$s", state).ScalarLong());
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken ct = default)
    {
        using var connection = database.Open();
        var value = connection.Command("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'").ExecuteScalar();
        return Task.FromResult(value is string s ? s.ToDateTimeOffset() : (DateTimeOffset?)null);
    }

    private Task Finish(long outboxId, string state, string status, string? providerId, string? errorCode, string? error)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var now = time.GetUtcNow().ToDb();
        var messageId = connection.Command("UPDATE outbox SET state = $s, last_error = $e, updated_at = $now WHERE id = $id RETURNING message_id", transaction)
            .With("$s", state).With("$e", error).With("$now", now).With("$id", outboxId).ScalarLong();
        SqliteMessageStore.SetStatus(connection, transaction, messageId, status, errorCode, now, providerId);
        transaction.Commit();
        return Task.CompletedTask;
    }
}
