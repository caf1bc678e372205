using HealthBot.Data;
using HealthBot.Dialog.Memory;
using HealthBot.Safety;

namespace HealthBot.Dialog;

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
