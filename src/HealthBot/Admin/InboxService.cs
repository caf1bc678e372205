using HealthBot.Admin.Inbox;
using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin;

/// <summary>
/// A responder's actions on a conversation. Replies go through the outbox like the bot's, so consent, retries and the
/// channel's sender apply; the audit trail records who replied to which contact id, never the text or the number.
/// </summary>
public sealed class InboxService(
    IMessageStore messages,
    SqlInboxStore inbox,
    StaffReplyShaper shaper,
    SqlHandoffStore handoffs,
    SqlStaffStore audit,
    OutboxSignal outbox,
    InboundSignal inbound,
    IOptions<AdminOptions> options,
    TimeProvider time)
{
    public const string HumanKind = ReplyKind.Human;

    public async Task TakeOverAsync(string actor, long contactId)
    {
        await handoffs.OpenAsync(contactId, actor);
        await audit.AuditAsync(actor, "inbox.take_over", $"contact #{contactId}");
    }

    /// <summary>
    /// Queues a staff reply shaped for the provider that will send it (<see cref="StaffReplyShaper"/>): split into the
    /// messages that provider takes, or, when it cannot fit, nothing queued and the shape returned to say why. Null:
    /// no conversation or no text.
    /// </summary>
    public async Task<StaffReply?> ReplyAsync(string actor, long contactId, string text)
    {
        // The person's latest message, not their first: they may have changed language since (StaffReplyTarget).
        var target = await StaffReplyTarget.ForAsync(messages, inbox, contactId);
        if (target is null || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var (channel, language) = target;
        var reply = await shaper.ShapeAsync(contactId, channel, text, language);
        if (reply.TooLong)
        {
            return reply;
        }

        await handoffs.SilenceUntilAsync(contactId, actor, time.GetUtcNow() + options.Value.HandoffSilence);
        var key = $"human:{Guid.NewGuid():N}";
        for (var i = 0; i < reply.Parts.Count; i++)
        {
            // Parts in order: the outbox takes rows of one contact by priority, then by id.
            var draft = new OutboundDraft(reply.Parts[i], HumanKind, language, null, null, Priority: 20);
            await messages.EnqueueAsync(contactId, channel, draft, i == 0 ? key : $"{key}:{i}");
        }

        outbox.Set();
        await audit.AuditAsync(actor, "inbox.reply", $"contact #{contactId}",
            $"{text.Trim().Length} characters" + (reply.Parts.Count > 1 ? $", {reply.Parts.Count} messages" : ""));
        return reply;
    }

    /// <summary>
    /// Hands the conversation back. A message still being handled is waited for (a few seconds at most) so that it is
    /// counted; unanswered messages block the hand-back unless <paramref name="botAnswers"/>, when the bot answers them.
    /// </summary>
    public async Task<HandBackResult> ResolveAsync(string actor, long contactId, bool botAnswers = false)
    {
        var result = await handoffs.HandBackAsync(contactId, botAnswers);
        for (var wait = 0; result.Pending > 0 && wait < 50; wait++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time);
            result = await handoffs.HandBackAsync(contactId, botAnswers);
        }

        if (!result.Resolved)
        {
            return result;
        }

        if (result.Requeued > 0)
        {
            inbound.Set();
        }

        await audit.AuditAsync(actor, "inbox.resolve", $"contact #{contactId}", result.Requeued > 0 ? $"bot answers {result.Requeued} messages" : null);
        return result;
    }
}
