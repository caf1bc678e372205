using System.Data.Common;
using Microsoft.Extensions.Options;
using HealthBot.Campaigns;
using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Outbox;

public sealed partial class SqlOutboxStore(Database database, IDatabaseWriter writer, TimeProvider time, IOptions<StorageOptions> storage) : IOutboxStore
{
    /// <summary>The only messages an opted-out contact may still receive: the confirmation of their own request.</summary>
    private static readonly HashSet<string> ConfirmationKinds = ["opt_out", "forgotten"];

    private const string CampaignKind = SqlCampaignPlanStore.Kind;

    public Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(IReadOnlyCollection<string> channels, int limit, CancellationToken ct = default) =>
        ClaimDueAsync(channels.Select(c => new OutboxShare(c)).ToList(), limit, ct);

    public Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(
        IReadOnlyCollection<OutboxShare> shares, int limit, CancellationToken ct = default) =>
        shares.Count == 0
            ? Task.FromResult<IReadOnlyList<OutboxItem>>([])
            : writer.WriteAsync((connection, transaction) =>
                Claim(connection, transaction, database, shares, limit, time.GetUtcNow(), storage.Value.Node));

    public Task MarkSentAsync(
        long outboxId, string? providerId, string status, string? provider, CancellationToken ct = default) =>
        Finish(outboxId, "done", status, providerId, null, null, provider);

    public Task MarkFailedAsync(long outboxId, string errorCode, string error, CancellationToken ct = default) =>
        Finish(outboxId, "failed", "failed", null, errorCode, error);

    // Only a row still in flight: one a gate already deferred or skipped (a batch's gates failing half-way) is settled.
    public Task MarkRetryAsync(
        long outboxId, DateTimeOffset nextAttemptAt, string error, bool inDoubt = true, CancellationToken ct = default)
        =>
        writer.WriteAsync((connection, transaction) =>
            connection.Command(
                    "UPDATE outbox SET state = 'pending', next_attempt_at = @next, last_error = @e, updated_at = @now" +
                    $"{(inDoubt ? string.Empty : ", in_doubt_since = NULL")} WHERE id = @id AND state = 'sending'",
                    transaction)
                .With("@next", nextAttemptAt).With("@e", error).With("@now", time.GetUtcNow()).With("@id", outboxId)
                .ExecuteNonQuery());

    public Task MarkResentInDoubtAsync(long outboxId, DateTimeOffset? episode, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) =>
            connection.Command("UPDATE outbox SET resent_in_doubt = @e WHERE id = @id", transaction)
                .With("@e", episode).With("@id", outboxId).ExecuteNonQuery());

    public Task<IReadOnlySet<string>> ProviderIdsOfOthersAsync(
        long messageId, IReadOnlyCollection<string> providerIds, CancellationToken ct = default)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        using var connection = database.Open();
        foreach (var id in providerIds)
        {
            if (connection.Command("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND provider_id = @p AND id <> @m")
                    .With("@p", id).With("@m", messageId).ScalarLong() > 0)
            {
                known.Add(id);
            }
        }

        return Task.FromResult<IReadOnlySet<string>>(known);
    }

    public Task<int> RecoverInFlightAsync(CancellationToken ct = default) => Recover(ownToo: true);

    public Task<int> RecoverExpiredAsync(CancellationToken ct = default) => Recover(ownToo: false);

    private Task<int> Recover(bool ownToo) =>
        writer.WriteAsync((connection, transaction) =>
        {
            var now = time.GetUtcNow();
            return connection.Command(
                    "UPDATE outbox SET state = 'pending', claimed_by = NULL, updated_at = @now " +
                    $"WHERE state = 'sending' AND (updated_at < @expired{(ownToo ? " OR claimed_by = @node OR claimed_by IS NULL" : string.Empty)})", transaction)
                .With("@now", now).With("@expired", now - storage.Value.SendingLease)
                .With("@node", storage.Value.Node).ExecuteNonQuery();
        });

    /// <summary>Dispatchers beat every 10 s; a node silent for longer than this no longer takes a share of the rate limits.</summary>
    private static readonly TimeSpan NodeSilence = TimeSpan.FromSeconds(30);

    public Task<int> HeartbeatAsync(CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) =>
        {
            var now = time.GetUtcNow();
            connection.Command("INSERT INTO outbox_nodes (node, heartbeat_at) VALUES (@n, @t) ON CONFLICT (node) DO UPDATE SET heartbeat_at = excluded.heartbeat_at", transaction)
                .With("@n", storage.Value.Node).With("@t", now).ExecuteNonQuery();
            return (int)connection.Command("SELECT COUNT(*) FROM outbox_nodes WHERE heartbeat_at >= @since", transaction)
                .With("@since", now - NodeSilence).ScalarLong();
        });

    public Task<int> CountAsync(string state, CancellationToken ct = default)
    {
        using var connection = database.Open();
        return Task.FromResult((int)connection.Command("SELECT COUNT(*) FROM outbox WHERE state = @s").With("@s", state).ScalarLong());
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken ct = default)
    {
        using var connection = database.Open();
        var value = connection.Command("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'").ExecuteScalar();
        return Task.FromResult(DbExtensions.ToTime(value));
    }

    public Task<DateTimeOffset?> NextDueAsync(IReadOnlyCollection<OutboxShare> shares, CancellationToken ct = default)
    {
        if (shares.Count == 0)
        {
            return Task.FromResult<DateTimeOffset?>(null);
        }

        using var connection = database.Open();
        var command = connection.Command(
            "SELECT MIN(o.next_attempt_at) FROM outbox o JOIN messages m ON m.id = o.message_id " +
            $"LEFT JOIN messages r ON r.id = m.reply_to WHERE o.state = 'pending' AND {ShareFilter(shares)}");
        var value = WithShares(command, shares).ExecuteScalar();
        return Task.FromResult(DbExtensions.ToTime(value));
    }

    public Task<DateTimeOffset?> OldestDueAsync(int minPriority, CancellationToken ct = default)
    {
        using var connection = database.Open();
        var value = connection.Command(
                "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending' AND priority >= @p AND next_attempt_at <= @now")
            .With("@p", minPriority).With("@now", time.GetUtcNow()).ExecuteScalar();
        return Task.FromResult(DbExtensions.ToTime(value));
    }

    public Task<DateTimeOffset?> FurthestDueAsync(int minPriority, CancellationToken ct = default)
    {
        using var connection = database.Open();
        var value = connection
            .Command("SELECT MAX(next_attempt_at) FROM outbox WHERE state = 'pending' AND priority >= @p")
            .With("@p", minPriority).ExecuteScalar();
        return Task.FromResult(DbExtensions.ToTime(value));
    }

    public Task<int> PullBackAsync(
        IReadOnlyCollection<string> channels, int minPriority, DateTimeOffset beyond, CancellationToken ct = default) =>
        channels.Count == 0
            ? Task.FromResult(0)
            : writer.WriteAsync((connection, transaction) =>
            {
                var names = string.Join(", ", channels.Select((_, i) => $"@ch{i}"));
                var update = connection.Command(
                        "UPDATE outbox SET next_attempt_at = @now, updated_at = @now WHERE state = 'pending' " +
                        $"AND priority >= @p AND next_attempt_at > @beyond AND channel IN ({names})", transaction)
                    .With("@now", time.GetUtcNow()).With("@p", minPriority).With("@beyond", beyond);
                var i = 0;
                foreach (var channel in channels)
                {
                    update.With($"@ch{i++}", channel);
                }

                return update.ExecuteNonQuery();
            });

    private Task Finish(
        long outboxId, string state, string status, string? providerId, string? errorCode, string? error,
        string? provider = null) =>
        writer.WriteAsync((connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var messageId = connection.Command("UPDATE outbox SET state = @s, last_error = @e, updated_at = @now WHERE id = @id RETURNING message_id", transaction)
                .With("@s", state).With("@e", error).With("@now", now).With("@id", outboxId).ScalarLong();
            if (providerId is not null)
            {
                database.Dialect.Lock(connection, transaction, LockScope.ProviderMessage, SqlDialect.Key(providerId));
            }

            // The provider first: an early status is only taken from the provider that sent the message.
            if (provider is not null)
            {
                connection.Command("UPDATE messages SET provider = @via WHERE id = @id", transaction)
                    .With("@via", provider).With("@id", messageId).ExecuteNonQuery();
            }

            SqlMessageStore.SetStatus(connection, transaction, messageId, status, errorCode, now, providerId);

            return messageId;
        });
}
