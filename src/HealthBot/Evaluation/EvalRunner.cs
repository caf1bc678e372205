using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Evaluation;

/// <summary>What the pipeline did with one evaluation row.</summary>
public sealed record EvalResult(
    EvalRow Row, bool Urgent, string? AnsweredTopic, string? AnswerLanguage, bool Declined, IReadOnlyList<Candidate> Candidates, string Route, string? FallbackReason = null)
{
    /// <summary>Staff were alerted: by the rules' emergency (<see cref="Urgent"/>) or by the learned second opinion.</summary>
    public bool Alerted { get; init; }

    public bool TopicCorrect => Row.Topic != "none" && AnsweredTopic == Row.Topic;

    public bool LanguageCorrect => AnswerLanguage == Row.Language;

    /// <summary>An out-of-scope row is declined; an emergency that no topic fits only needs the urgent referral.</summary>
    public bool NoneCorrect => Row.Topic == "none" && (Row.Urgent ? Urgent : Declined);
}

/// <summary>
/// Runs each row as the first message of a new SMS contact with no known language, through the full stored
/// pipeline (keywords, triage, language, retrieval, phrasing), exactly as a webhook message would be handled.
/// Rows of a conversation file are one contact per conversation, turn by turn, so its memory is used.
/// </summary>
public sealed class EvalRunner(IMessageStore messages, IContactStore contacts, DialogProcessor processor, TimeProvider time)
{
    public async Task<IReadOnlyList<EvalResult>> RunAsync(IReadOnlyList<EvalRow> rows, Action<int>? progress, CancellationToken ct)
    {
        var results = new List<EvalResult>(rows.Count);
        var run = Guid.NewGuid().ToString("N")[..8];
        var conversations = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            // Phone-like and unique per run: a conversation's turns share one address, other rows have their own.
            var key = row.Conversation is { } conv ? conversations.TryGetValue(conv, out var n) ? n : conversations[conv] = row.Line : row.Line;
            var address = $"+eval{run}{key:D6}";
            var record = await messages.RecordInboundAsync(new InboundMessage(ChannelNames.Sms, address, row.Text, null, time.GetUtcNow()), ct);
            var contact = await contacts.FindAsync(ChannelNames.Sms, address, ct) ?? throw new InvalidOperationException("contact not stored");
            var outcome = await processor.ProcessAsync(new PendingInbound(record.MessageId, contact, row.Text, time.GetUtcNow()), ct);
            results.Add(ToResult(row, outcome!));
            progress?.Invoke(results.Count);
        }

        return results;
    }

    private static EvalResult ToResult(EvalRow row, DialogOutcome outcome)
    {
        var answer = outcome.Replies.FirstOrDefault(r => r.ContentId is not null);
        // Anything but a health answer: a refusal, or a short reply to small talk, a greeting or a stray keyword.
        var declined = answer is null && outcome.Replies.Any(r => r.Kind is ReplyKind.OutOfScope or ReplyKind.NotUnderstood or ReplyKind.Referral
            or ReplyKind.SmallTalk or ReplyKind.Greeting or ReplyKind.Help or ReplyKind.StopCheck);
        var language = outcome.Replies.FirstOrDefault()?.Language;
        return new EvalResult(row, outcome.Trace.Urgent, answer?.ContentId, language, declined, outcome.Trace.Candidates, outcome.Trace.Route, outcome.Trace.FallbackReason)
        {
            Alerted = outcome.Trace.Urgent || outcome.Alert is not null,
        };
    }
}
