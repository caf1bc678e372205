using HealthBot.Data;

namespace HealthBot.Outbox;

/// <summary>Hands one outbound message to a provider. One implementation per provider, each in its channel folder.</summary>
public interface IChannelSender
{
    IReadOnlyCollection<string> Channels { get; }

    Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct);
}

/// <summary>The outcome of one send attempt.</summary>
public abstract record SendResult
{
    /// <summary>The provider accepted the message.</summary>
    public sealed record Sent(string? ProviderId, string Status) : SendResult;

    /// <summary>
    /// A transient failure (5xx, 429, timeout, connection): try again later. <paramref name="InDoubt"/> unless the
    /// provider certainly did not take the message (e.g. 429, connection refused): then no lookup is needed first.
    /// <paramref name="After"/>: the provider said how long to wait (Telegram's retry_after); not sooner than that.
    /// </summary>
    public sealed record Retry(string Error, bool InDoubt = true, TimeSpan? After = null) : SendResult;

    /// <summary>
    /// A permanent failure (4xx): never retried; the provider's error code is kept. <paramref name="RecipientOptedOut"/>
    /// when the provider says the person unsubscribed (Twilio 21610): they are opted out here too.
    /// </summary>
    public sealed record Fail(string ErrorCode, string Error, bool RecipientOptedOut = false) : SendResult;
}
