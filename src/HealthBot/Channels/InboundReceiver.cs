using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Channels;

/// <summary>
/// The one receiving step every provider calls after verifying and parsing: store (deduplicated by the provider's
/// message id, control characters dropped) and wake the dialog worker. Providers only translate; what happens next
/// is the same for all.
/// </summary>
public sealed class InboundReceiver(
    IMessageStore messages, IContactStore contacts, InboundSignal signal, TimeProvider time)
{
    /// <param name="answered">
    /// The provider already answered this message's keyword itself (Twilio's Advanced Opt-Out): its consent change is
    /// recorded and the message closed without a reply of ours, so the person gets one confirmation, not two.
    /// </param>
    public async Task<InboundRecord> ReceiveAsync(
        string channel, string address, string text, string? providerId, CancellationToken ct,
        ProviderAnswered? answered = null)
    {
        var record = await messages.RecordInboundAsync(
            new InboundMessage(channel, address, InboundText.Clean(text), providerId, time.GetUtcNow()), ct);
        if (record.Duplicate)
        {
            return record;
        }

        if (answered is null)
        {
            signal.Set();
            return record;
        }

        if (answered.Consent is { } consent)
        {
            await contacts.SetConsentAsync(record.ContactId, consent, channel, answered.Reason, ct);
        }

        await messages.CompleteInboundAsync(record.MessageId, null, [], ct);
        return record;
    }
}

/// <summary>A keyword the provider answered itself; no <paramref name="Consent"/> if it changes none.</summary>
public sealed record ProviderAnswered(string? Consent, string Reason);
