using HealthBot.Dialog;

namespace HealthBot.Data;

/// <summary>Contacts and their settings. Implemented once in portable SQL (SQLite or PostgreSQL).</summary>
public interface IContactStore
{
    Task<Contact?> FindAsync(string channel, string address, CancellationToken ct = default);
    Task<Contact> GetOrCreateAsync(string channel, string address, CancellationToken ct = default);
    Task SetLanguageAsync(long contactId, string language, CancellationToken ct = default);
    Task SetConsentAsync(long contactId, string consent, string channel, string reason, CancellationToken ct = default);
}

/// <summary>Messages in both directions, with their status history.</summary>
public interface IMessageStore
{
    /// <summary>Stores an inbound message (and its contact) once; a repeated provider id reports a duplicate.</summary>
    Task<InboundRecord> RecordInboundAsync(InboundMessage message, CancellationToken ct = default);

    /// <summary>Inbound messages stored but not yet answered (oldest first), e.g. after a restart.</summary>
    Task<IReadOnlyList<PendingInbound>> PendingInboundAsync(int limit, CancellationToken ct = default);

    /// <summary>
    /// Marks an inbound message handled and writes the replies, their outbox rows, any alert and the conversation's
    /// memory atomically (one transaction per answer: each commit writes every page it touched).
    /// </summary>
    Task<IReadOnlyList<long>> CompleteInboundAsync(
        long inboundId,
        string? language,
        IReadOnlyList<OutboundDraft> replies,
        CancellationToken ct = default,
        AlertDraft? alert = null,
        ConversationMemory? memory = null);

    /// <summary>Messages answered for a contact and rate-limit notices sent, in the last hour and the last day.</summary>
    Task<RecentReplies> RecentRepliesAsync(long contactId, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Queues a message that answers nothing (a campaign message, a notice) once per idempotency key; returns its id, or null when already queued.</summary>
    Task<long?> EnqueueAsync(long contactId, string channel, OutboundDraft draft, string idempotencyKey, CancellationToken ct = default);

    /// <summary>
    /// Applies a provider status callback; returns false when no message has that provider id. With a
    /// <paramref name="scope"/> only a message that provider sent matches (Africa's Talking cannot report on a
    /// Twilio message).
    /// </summary>
    Task<bool> UpdateStatusByProviderIdAsync(
        string providerId, string status, string? errorCode, CancellationToken ct = default, ProviderScope? scope = null);

    /// <summary>The outbound message a provider knows by this id (its delivery reports name it), or null.</summary>
    Task<StoredMessage?> FindOutboundByProviderIdAsync(
        string providerId, CancellationToken ct = default, ProviderScope? scope = null);

    Task<StoredMessage?> GetAsync(long messageId, CancellationToken ct = default);

    /// <summary>
    /// The provider that carried the contact's last message on <paramref name="channel"/> (null: none, or from before
    /// providers were stored): the outbox sends rows that answer no message through it (<c>SqlOutboxStore</c>).
    /// </summary>
    Task<string?> LastInboundProviderAsync(long contactId, string channel, CancellationToken ct = default);

    /// <summary>
    /// The contact's latest message to us (null: they never wrote): a staff reply takes its language and channel from
    /// it, since a person may have first written in English and now writes in Swahili.
    /// </summary>
    Task<StoredMessage?> LatestInboundAsync(long contactId, CancellationToken ct = default);
    Task<IReadOnlyList<StoredMessage>> ConversationAsync(long contactId, long afterId, int limit, CancellationToken ct = default);
    Task<IReadOnlyList<(string Status, string? ErrorCode, DateTimeOffset At)>> StatusHistoryAsync(long messageId, CancellationToken ct = default);
}

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
