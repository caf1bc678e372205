using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Admin;

/// <summary>A conversation in the inbox's flagged list, with every reason it is there (newest first).</summary>
public sealed record FlaggedConversation(long ContactId, IReadOnlyList<string> Reasons, DateTimeOffset At);

/// <summary>Why a conversation is flagged, in words staff understand (translated through <see cref="UiText"/>).</summary>
public static class InboxFlags
{
    public static string Label(string reason) => reason switch
    {
        ReplyKind.OutOfScope => "Declined: not a topic the bot covers",
        ReplyKind.NotUnderstood => "Not understood",
        ReplyKind.Referral => "Referred to a health worker",
        AnswerFlags.LowConfidence => "Low confidence: weak match with the content",
        AnswerFlags.ModelRejected => "Model answer failed the check: curated text sent",
        AnswerFlags.NegativeFeedback => "Negative feedback: the answer did not help",
        _ => reason,
    };

    /// <summary>One row per contact, newest first, leaving out contacts already listed under alerts.</summary>
    public static IReadOnlyList<FlaggedConversation> Merge(
        IEnumerable<(long ContactId, string Kind, DateTimeOffset At)> declined, IEnumerable<ConversationFlag> flags, IReadOnlySet<long> alerted, int limit) =>
        declined.Select(d => new ConversationFlag(d.ContactId, d.Kind, d.At)).Concat(flags)
            .Where(f => !alerted.Contains(f.ContactId))
            .GroupBy(f => f.ContactId)
            .Select(g => new FlaggedConversation(g.Key, g.OrderByDescending(f => f.At).Select(f => f.Reason).Distinct(StringComparer.Ordinal).ToList(), g.Max(f => f.At)))
            .OrderByDescending(f => f.At).Take(limit).ToList();
}
