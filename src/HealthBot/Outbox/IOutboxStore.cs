namespace HealthBot.Outbox;

/// <summary>A send the provider took: the outbox row, its message, the provider's id, status and name.</summary>
public sealed record SentRow(long OutboxId, long MessageId, string? ProviderId, string Status, string? Provider);

/// <summary>The durable outbox the dispatcher drains.</summary>
public interface IOutboxStore
{
    /// <summary>Claims up to <paramref name="limit"/> due rows (marking them in flight), highest priority first.</summary>
    Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(IReadOnlyCollection<string> channels, int limit, CancellationToken ct = default);

    /// <summary>The same for one sending lane: only the rows of <paramref name="shares"/>.</summary>
    Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(
        IReadOnlyCollection<OutboxShare> shares, int limit, CancellationToken ct = default);
    /// <param name="provider">The provider that took the message, stored with it for the inbox.</param>
    Task MarkSentAsync(
        long outboxId, string? providerId, string status, string? provider = null, CancellationToken ct = default);

    /// <summary>
    /// Records many sends at once: what the single-row <c>MarkSentAsync</c> does for each, in one transaction of a few
    /// statements whatever their number.
    /// </summary>
    Task MarkSentAsync(IReadOnlyList<SentRow> rows, CancellationToken ct = default);

    /// <summary>
    /// Back to pending until <paramref name="nextAttemptAt"/>. <paramref name="inDoubt"/>: the provider may have the
    /// message (the row stays in doubt and is looked up before it is sent again); false when it certainly does not.
    /// </summary>
    Task MarkRetryAsync(
        long outboxId, DateTimeOffset nextAttemptAt, string error, bool inDoubt = true, CancellationToken ct = default);

    /// <summary>
    /// Records that the row is being sent again in the in-doubt <paramref name="episode"/> through a provider with no
    /// lookup (before the call, so a restart during it knows); null: that resend got an answer, the count starts over.
    /// </summary>
    Task MarkResentInDoubtAsync(long outboxId, DateTimeOffset? episode, CancellationToken ct = default);

    /// <summary>
    /// Those of <paramref name="providerIds"/> recorded on an outbound message other than <paramref name="messageId"/>.
    /// </summary>
    Task<IReadOnlySet<string>> ProviderIdsOfOthersAsync(
        long messageId, IReadOnlyCollection<string> providerIds, CancellationToken ct = default);
    Task MarkFailedAsync(long outboxId, string errorCode, string error, CancellationToken ct = default);

    /// <summary>At start: rows this node left in flight (a crash), and rows whose sending lease ran out, go back to pending; returns how many.</summary>
    Task<int> RecoverInFlightAsync(CancellationToken ct = default);

    /// <summary>Rows whose sending lease ran out (their node died, on a shared database) go back to pending; returns how many.</summary>
    Task<int> RecoverExpiredAsync(CancellationToken ct = default);

    /// <summary>Records that this node is sending, and returns how many nodes are (a heartbeat in the last 30 s).</summary>
    Task<int> HeartbeatAsync(CancellationToken ct = default);
    Task<int> CountAsync(string state, CancellationToken ct = default);
    Task<DateTimeOffset?> NextDueAsync(CancellationToken ct = default);

    /// <summary>When the next pending row of <paramref name="shares"/> falls due (null: none).</summary>
    Task<DateTimeOffset?> NextDueAsync(IReadOnlyCollection<OutboxShare> shares, CancellationToken ct = default);

    /// <summary>When the longest-waiting due message of <paramref name="minPriority"/> or more fell due; null: none.
    /// </summary>
    Task<DateTimeOffset?> OldestDueAsync(int minPriority, CancellationToken ct = default);

    /// <summary>The furthest next attempt of a pending message of <paramref name="minPriority"/> or more.</summary>
    Task<DateTimeOffset?> FurthestDueAsync(int minPriority, CancellationToken ct = default);

    /// <summary>
    /// Pending messages of <paramref name="minPriority"/> or more on <paramref name="channels"/> due after
    /// <paramref name="beyond"/> become due now (their time was computed on a wrong clock); returns how many.
    /// </summary>
    Task<int> PullBackAsync(
        IReadOnlyCollection<string> channels, int minPriority, DateTimeOffset beyond, CancellationToken ct = default);
}
