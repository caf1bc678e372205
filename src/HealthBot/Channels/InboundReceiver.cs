using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Telemetry;

namespace HealthBot.Channels;

/// <summary>
/// The one receiving step every provider calls after verifying and parsing: store (deduplicated by the provider's
/// message id, control characters dropped) and wake the dialog worker. Providers only translate; what happens next
/// is the same for all.
/// </summary>
public sealed class InboundReceiver(
    IMessageStore messages, IContactStore contacts, InboundSignal signal, TimeProvider time,
    HealthBotTelemetry telemetry, MessageTraces traces, ILogger<InboundReceiver> logger)
{
    /// <param name="provider">The provider whose webhook received it, stored with the message (the inbox shows it and
    /// the reply goes out through it when it can send).</param>
    /// <param name="answered">
    /// The provider already answered this message's keyword itself (Twilio's Advanced Opt-Out): its consent change is
    /// recorded and the message closed without a reply of ours, so the person gets one confirmation, not two.
    /// </param>
    /// <param name="linkId">Africa's Talking's premium linkId, for the reply to this message only.</param>
    /// <param name="to">The short code or number the person wrote to, when the reply should go from it.</param>
    public async Task<InboundRecord> ReceiveAsync(
        string provider, string channel, string address, string text, string? providerId, CancellationToken ct,
        ProviderAnswered? answered = null, string? linkId = null, string? to = null)
    {
        // The message's trace starts here (inside the webhook request's span when that is traced).
        using var activity = MessageTraces.StartInbound(channel);
        WebhookTiming.Carried(channel);
        var record = await messages.RecordInboundAsync(
            new InboundMessage(channel, address, InboundText.Clean(text), providerId, time.GetUtcNow())
            {
                Provider = provider, LinkId = linkId, To = to,
            }, ct);
        activity?.SetTag("healthbot.duplicate", record.Duplicate);
        // Ids only: the number and the text are personal data and never logged.
        logger.LogInformation(
            "Inbound {Channel} message {MessageId} via {Provider} from contact {ContactId}{Duplicate}", channel,
            record.MessageId, provider, record.ContactId, record.Duplicate ? " (duplicate, ignored)" : "");
        if (record.Duplicate)
        {
            return record;
        }

        telemetry.Inbound(channel);
        if (answered is null)
        {
            traces.Received(activity, record.MessageId);
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
