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

    public async Task<bool> ReplyAsync(string actor, long contactId, string text)
    {
        var conversation = await messages.ConversationAsync(contactId, 0, 1);
        var first = conversation.FirstOrDefault(m => m.Direction == "in") ?? conversation.FirstOrDefault();
        if (first is null || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        await handoffs.SilenceUntilAsync(contactId, actor, time.GetUtcNow() + options.Value.HandoffSilence);
        var draft = new OutboundDraft(text.Trim(), HumanKind, first.Language ?? "en", null, null, Priority: 20);
        await messages.EnqueueAsync(contactId, first.Channel, draft, $"human:{Guid.NewGuid():N}");
        outbox.Set();
        await audit.AuditAsync(actor, "inbox.reply", $"contact #{contactId}", $"{text.Trim().Length} characters");
        return true;
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
