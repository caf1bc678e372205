using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Safety;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// What the USSD menu does besides showing screens: "Send me this by SMS" (the topic queued in the outbox like any
/// answer, the person's consent unchanged; nothing for someone who stopped SMS) and "I need help now"
/// (the staff alert the dialog engine raises for an emergency, through the same store call, with the on-call SMS).
/// Each happens once per session, even if the network repeats the request.
/// </summary>
public sealed class UssdActions(
    ContentCatalog catalog, IContactStore contacts, IMessageStore messages, IAlertStore alerts, OutboxSignal outbox,
    Outbox.ContactReplyRoute replyRoute, IOptions<DialogOptions> dialog, IOptions<SafetyOptions> safety,
    TimeProvider time, ILogger<UssdActions> logger, Telemetry.HealthBotTelemetry telemetry)
{
    public const string Rule = "ussd-help-now";

    /// <summary>
    /// The urgent referral of the dialog engine, in the language, with the facility and number filled in.
    /// </summary>
    public string Referral(string language) =>
        new DialogReplies(catalog, dialog.Value).Urgent(ChannelProfile.For(UssdChannel.Name), language, null, [])
            .Replies[0].Text;

    /// <summary>What happened, for the screen: <see cref="UssdOutcome.OptedOut"/> when nothing may be sent.</summary>
    public async Task<UssdOutcome> RunAsync(UssdAction action, AtUssdRequest request, CancellationToken ct)
    {
        if (action.Kind == UssdActionKind.SendSms)
        {
            return await SendSmsAsync(action, request, ct);
        }

        await AlertAsync(action, request, ct);
        return UssdOutcome.Done;
    }

    private async Task<UssdOutcome> SendSmsAsync(UssdAction action, AtUssdRequest request, CancellationToken ct)
    {
        if (action.TopicId is null ||
            catalog.Current.Find(action.TopicId, action.Language) is not { IsPublished: true } item)
        {
            return UssdOutcome.Done;
        }

        var contact = await contacts.GetOrCreateAsync(ChannelNames.Sms, request.PhoneNumber, ct);
        if (contact.Consent == Consent.OptedOut)
        {
            // Only their own START brings them back (README, campaigns): a menu choice is not that.
            logger.LogInformation("USSD: contact {ContactId} asked for topic {Topic} by SMS but stopped SMS; " +
                                  "nothing sent", contact.Id, item.Id);
            return UssdOutcome.OptedOut;
        }

        // Consent is left as it is (not even rewritten: a STOP arriving meanwhile must win). Like a question sent by
        // SMS, the request earns this answer, recorded in their SMS conversation, not a campaign subscription (only
        // JOIN, START or a staff import with consent make an implicit contact opted in).

        if (contact.Language != action.Language)
        {
            await contacts.SetLanguageAsync(contact.Id, action.Language, ct);
        }

        // Shaped for the sender the outbox will use: a row that answers no message goes through the provider of the
        // person's last SMS when it can send (SenderRoutes), whose limits may differ from the chosen sender's.
        var (_, profile) = await replyRoute.ForAsync(contact.Id, ChannelNames.Sms, ct);
        var parts = ReplyComposer.Compose(item.Sms, profile,
            dialog.Value.FoldAccentsForSms && action.Language != "hi", action.Language);
        var queued = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var draft = new OutboundDraft(parts[i], ReplyKind.Answer, action.Language, item.Id, item.Version, 10);
            queued += await messages.EnqueueAsync(contact.Id, ChannelNames.Sms, draft,
                $"ussd:{request.SessionId}:{item.Id}:{i}", ct) is null ? 0 : 1;
        }

        outbox.Set();
        logger.LogInformation("USSD: topic {Topic} queued by SMS for contact {ContactId} ({Parts} parts, {Queued} new)",
            item.Id, contact.Id, parts.Count, queued);
        return UssdOutcome.Done;
    }

    /// <summary>
    /// Recorded as a message of the person on the USSD channel, completed at once with the alert. Should the dialog
    /// worker have taken the message first (it polls for unanswered messages), its completion wins and has no alert:
    /// then the alert is raised on a second record.
    /// </summary>
    private async Task AlertAsync(UssdAction action, AtUssdRequest request, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var text = $"USSD: {UssdLabels.For(action.Language).HelpNow}";
            var id = $"ussd:{request.SessionId}:help" + (attempt == 0 ? string.Empty : ":again");
            var record = await messages.RecordInboundAsync(
                new InboundMessage(UssdChannel.Name, request.PhoneNumber, text, id, time.GetUtcNow())
                {
                    Provider = AfricasTalkingProvider.Name,
                }, ct);
            if (record.Duplicate)
            {
                return;
            }

            telemetry.Inbound(UssdChannel.Name);
            var settings = safety.Value;
            var alert = new AlertDraft(Rule, action.TopicId, time.GetUtcNow() - settings.AlertDedupWindow,
                settings.OnCallNumbers, settings.AlertSmsBudget);
            await messages.CompleteInboundAsync(record.MessageId, action.Language, [], ct, alert);
            await contacts.SetLanguageAsync(record.ContactId, action.Language, ct);
            outbox.Set();
            logger.LogWarning("USSD: contact {ContactId} chose \"I need help now\" (message {MessageId})",
                record.ContactId, record.MessageId);
            if ((await alerts.OpenAsync(500, ct)).Any(a => a.ContactId == record.ContactId))
            {
                return;
            }
        }
    }
}

public enum UssdOutcome
{
    Done,

    /// <summary>The person stopped SMS: nothing was queued, and the screen says how to restart.</summary>
    OptedOut,
}
