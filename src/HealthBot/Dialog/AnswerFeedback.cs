using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Sms;
using Microsoft.Extensions.Options;

namespace HealthBot.Dialog;

/// <summary>An answer that asked "Was this helpful?" and may still get its reply.</summary>
public sealed record FeedbackPrompt(long Id, long MessageId, string ContentId, int? ContentVersion, string Language);

/// <summary>Where prompts and replies are kept; the prompt row itself is written with the answer's message.</summary>
public interface IAnswerFeedbackStore
{
    /// <summary>
    /// The prompt a message from the contact would answer: on the contact's latest outbound message, asked since
    /// <paramref name="since"/> and not answered yet, or answered by <paramref name="replyId"/> itself (processed again after a crash).
    /// </summary>
    Task<FeedbackPrompt?> OpenPromptAsync(long contactId, DateTimeOffset since, long? replyId, CancellationToken ct = default);

    Task RecordAsync(long promptId, bool helpful, long? replyId, CancellationToken ct = default);
}

/// <summary>Asks for feedback after answers from content, and turns a "1" or "2" shortly after into feedback.</summary>
public sealed class AnswerFeedback(
    ContentCatalog catalog, IAnswerFeedbackStore store, IHandoffState handoff, IOptions<DialogOptions> options, TimeProvider time)
{
    private readonly FeedbackOptions settings = options.Value.Feedback;
    private readonly DialogReplies say = new(catalog, options.Value);

    /// <summary>
    /// Records a reply to the contact's open prompt and thanks them (unless a responder has the conversation: then only
    /// the recording); null when the message is anything else.
    /// </summary>
    public async Task<DialogOutcome?> TryRecordAsync(Contact contact, NormalizedText text, ChannelProfile profile, long? messageId, CancellationToken ct)
    {
        if (FeedbackWords.Parse(text) is not { } helpful
            || await store.OpenPromptAsync(contact.Id, time.GetUtcNow() - settings.ReplyWindow, messageId, ct) is not { } prompt)
        {
            return null;
        }

        await store.RecordAsync(prompt.Id, helpful, messageId, ct);
        if (await handoff.IsHumanHandlingAsync(contact.Id, ct))
        {
            return new DialogOutcome([], prompt.Language, new DialogTrace("feedback-human-handling", false, [], prompt.Language));
        }

        return helpful
            ? say.System(profile, prompt.Language, ReplyKind.Feedback, "feedback_yes", "feedback-yes")
            : say.System(profile, prompt.Language, ReplyKind.Feedback, "feedback_no", "feedback-no");
    }

    /// <summary>
    /// The answer with the question at the end of its last message. By SMS only when the message still has the same
    /// number of segments (the prompt must not cost a segment), and never past the channel's length limit.
    /// </summary>
    public IReadOnlyList<Reply> WithPrompt(IReadOnlyList<Reply> replies, ChannelProfile profile, string language)
    {
        if (settings.Mode == FeedbackMode.Off || (profile.SmsCost && settings.Sms == SmsFeedback.Off) || replies.Count == 0)
        {
            return replies;
        }

        var last = replies[^1];
        var prompt = say.Compose(profile, language, say.Text(language, "feedback_prompt"), last.Kind, null, null).First().Text;
        var text = last.Text + (profile.SmsCost ? "\n" : "\n\n") + prompt;
        if (text.Length > profile.MaxChars || (profile.SmsCost && SmsSegments.Analyze(text).Segments > SmsSegments.Analyze(last.Text).Segments))
        {
            return replies;
        }

        return [.. replies.Take(replies.Count - 1), last with { Text = text, FeedbackPrompt = true }];
    }
}
