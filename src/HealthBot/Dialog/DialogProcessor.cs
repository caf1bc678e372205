using HealthBot.Data;
using HealthBot.Safety;
using Microsoft.Extensions.Options;

namespace HealthBot.Dialog;

/// <summary>
/// Answers stored inbound messages: runs the engine and writes the replies and their outbox rows in the same
/// transaction that marks the message handled, so a crash never loses or doubles a reply.
/// </summary>
public sealed class DialogProcessor(
    DialogEngine engine,
    IMessageStore messages,
    IContactStore contacts,
    OutboxSignal outbox,
    TimeProvider time,
    IOptions<SafetyOptions> safety,
    ILogger<DialogProcessor> logger)
{
    public async Task<DialogOutcome?> ProcessAsync(PendingInbound inbound, CancellationToken ct, bool preferWeb = false)
    {
        // Re-read the contact: an earlier message of this batch may have changed its language or consent.
        var contact = await contacts.FindAsync(inbound.Contact.Channel, inbound.Contact.Address, ct) ?? inbound.Contact;
        DialogOutcome outcome;
        try
        {
            outcome = await engine.HandleAsync(contact, inbound.Text, ct, preferWeb, inbound.MessageId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never leave a person without an answer because of a bug: log (ids only) and send the fallback.
            logger.LogError(ex, "Dialog failed for message {MessageId}; sending the not-understood reply", inbound.MessageId);
            outcome = new DialogOutcome(
                [new Reply(BuiltInMessages.Get("not_understood"), ReplyKind.NotUnderstood, contact.Language ?? "en")],
                contact.Language, new DialogTrace("error", false, [], null));
        }

        var drafts = outcome.Replies
            .Select(r => new OutboundDraft(r.Text, r.Kind, r.Language, r.ContentId, r.ContentVersion, Priority: r.Kind == ReplyKind.Urgent ? 20 : 10, r.FromModel, r.FallbackReason,
                r.FlagReason, r.FeedbackPrompt && r.ContentId is not null))
            .ToList();
        var alert = outcome.Alert is { } urgent
            ? new AlertDraft(urgent.Rule ?? "urgent", urgent.TopicId, time.GetUtcNow() - safety.Value.AlertDedupWindow,
                safety.Value.OnCallNumbers, safety.Value.AlertSmsBudget)
            : null;
        // The conversation's memory is written with the answer, in the same transaction.
        await messages.CompleteInboundAsync(inbound.MessageId, outcome.Language, drafts, ct, alert, outcome.Memory);

        if (alert is not null)
        {
            logger.LogWarning("Urgent message {MessageId} of contact {ContactId} matched {Rule}", inbound.MessageId, contact.Id, alert.Rule);
        }

        logger.LogInformation(
            "Answered message {MessageId} of contact {ContactId}: route {Route}, {Replies} replies, language {Language}, topic {Topic}",
            inbound.MessageId, contact.Id, outcome.Trace.Route, drafts.Count, outcome.Language, drafts.FirstOrDefault(d => d.ContentId is not null)?.ContentId);
        if (drafts.Count > 0 || alert is { OnCallNumbers.Count: > 0 })
        {
            outbox.Set();
        }

        return outcome;
    }
}
