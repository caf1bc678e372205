using HealthBot.Data;

namespace HealthBot.Outbox;

/// <summary>Hands one outbound message to a provider. One implementation per provider, each in its channel folder.</summary>
public interface IChannelSender
{
    /// <summary>The channels it sends for the deployment when its provider is the channel's chosen one.</summary>
    IReadOnlyCollection<string> Channels { get; }

    /// <summary>The provider's name as stored with messages (<c>twilio</c>, <c>africastalking</c>…); null: none.</summary>
    string? Provider => null;

    /// <summary>
    /// The channels it can answer on when its provider carried the message answered, even where another provider
    /// is the channel's chosen sender (Channels/README.md, "Which provider answers").
    /// </summary>
    IReadOnlyCollection<string> Answers => Channels;

    Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct);
}

/// <summary>The outcome of one send attempt.</summary>
public abstract record SendResult
{
    /// <summary>The provider accepted the message.</summary>
    public sealed record Sent(string? ProviderId, string Status) : SendResult
    {
        /// <summary>The provider that took it, filled in by the outbox from the sender it chose.</summary>
        public string? Provider { get; init; }
    }

    /// <summary>
    /// A transient failure (5xx, 429, timeout, connection): try again later. <paramref name="InDoubt"/> unless the
    /// provider certainly did not take the message (e.g. 429, connection refused): then no lookup is needed first.
    /// <paramref name="After"/>: the provider said how long to wait (Telegram's retry_after); not sooner than that.
    /// </summary>
    public sealed record Retry(string Error, bool InDoubt = true, TimeSpan? After = null) : SendResult
    {
        /// <summary>
        /// The provider's own words (an error page, Meta's <c>error.message</c>): stored, bounded, for staff, never
        /// logged, since they may echo the number and the text. <see cref="Error"/> is what the log shows: codes,
        /// HTTP status, provider error numbers only.
        /// </summary>
        public string? Detail { get; init; }

        /// <summary>What the outbox stores as the row's last error.</summary>
        public string Stored => Detail is null ? Error : $"{Error}: {Detail}";
    }

    /// <summary>
    /// A permanent failure (4xx): never retried; the provider's error code is kept. <paramref name="RecipientOptedOut"/>
    /// when the provider says the person unsubscribed (Twilio 21610): they are opted out here too. Only
    /// <see cref="LoggedError.Code"/> of <paramref name="ErrorCode"/> is logged (Meta's code carries its title).
    /// </summary>
    public sealed record Fail(string ErrorCode, string Error, bool RecipientOptedOut = false) : SendResult;
}
