using HealthBot.Data;
using HealthBot.Safety;
using HealthBot.Telemetry;
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
    ILogger<DialogProcessor> logger,
    HealthBotTelemetry telemetry,
    MessageTraces traces,
    Outbox.SenderRoutes routes)
{
    public async Task<DialogOutcome?> ProcessAsync(PendingInbound inbound, CancellationToken ct, bool preferWeb = false)
    {
        using var activity = traces.StartDialog(inbound.MessageId, inbound.Contact.Channel);
        var start = telemetry.Start();
        // Re-read the contact: an earlier message of this batch may have changed its language or consent.
        var contact = await contacts.FindAsync(inbound.Contact.Channel, inbound.Contact.Address, ct) ?? inbound.Contact;
        DialogOutcome outcome;
        try
        {
            // Shaped for the provider that will send the replies: the one that carried the message when it can
            // answer (Africa's Talking's SMS parts, Meta's 4,096 characters), not only the channel's chosen sender.
            var provider = routes.SenderFor(contact.Channel, inbound.Provider)?.Provider;
            outcome = await engine.HandleAsync(contact, inbound.Text, ct, preferWeb, inbound.MessageId, provider);
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
        // A second opinion is for review in the inbox: it does not page on-call staff the way a rule's emergency does.
        var alert = outcome.Alert is { } urgent
            ? new AlertDraft(urgent.Rule ?? "urgent", urgent.TopicId, time.GetUtcNow() - safety.Value.AlertDedupWindow,
                urgent.Rule == SecondOpinion.Rule ? [] : safety.Value.OnCallNumbers, safety.Value.AlertSmsBudget)
            : null;
        // The conversation's memory is written with the answer, in the same transaction.
        var replyIds = await messages.CompleteInboundAsync(
            inbound.MessageId, outcome.Language, drafts, ct, alert, outcome.Memory);
        telemetry.Dialog(start, outcome.Trace.Route, contact.Channel);
        activity?.SetTag("healthbot.route", outcome.Trace.Route);
        traces.Replied(activity, replyIds);

        if (alert is not null)
        {
            logger.LogWarning("{Kind} message {MessageId} of contact {ContactId} matched {Rule}",
                alert.Rule == SecondOpinion.Rule ? "Possibly urgent" : "Urgent", inbound.MessageId, contact.Id, alert.Rule);
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
