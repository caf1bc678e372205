using HealthBot.Data;

namespace HealthBot.Outbox;

/// <summary>
/// Asks a provider whether it already accepted a message whose send was left in doubt (a timeout, or a process killed
/// between the provider's answer and recording it). One per provider that can look messages up; a channel with no
/// lookup answers "none" and the message is sent again (at least once rather than lost).
/// </summary>
public interface IDeliveryLookup
{
    IReadOnlyCollection<string> Channels { get; }

    /// <summary>
    /// The provider it asks (<c>twilio</c>…): a row in doubt is only looked up at the provider it was sent through.
    /// </summary>
    string Provider { get; }

    /// <summary>
    /// The provider's messages that match <paramref name="item"/> (recipient, sender and text) created since
    /// <paramref name="since"/>, oldest first; null when this provider cannot tell ("none").
    /// </summary>
    Task<IReadOnlyList<ProviderMessage>?> FindAsync(OutboxItem item, DateTimeOffset since, CancellationToken ct);
}

/// <summary>A message as the provider holds it: its id and current status.</summary>
public sealed record ProviderMessage(string ProviderId, string Status);
