using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Evaluation;

/// <summary>What the pipeline did with one evaluation row.</summary>
public sealed record EvalResult(
    EvalRow Row, bool Urgent, string? AnsweredTopic, string? AnswerLanguage, bool Declined, IReadOnlyList<Candidate> Candidates, string Route, string? FallbackReason = null)
{
    public bool TopicCorrect => Row.Topic != "none" && AnsweredTopic == Row.Topic;

    public bool LanguageCorrect => AnswerLanguage == Row.Language;
}

/// <summary>
/// Runs each row as the first message of a new SMS contact with no known language, through the full stored
/// pipeline (keywords, triage, language, retrieval, phrasing), exactly as a webhook message would be handled.
/// </summary>
public sealed class EvalRunner(IMessageStore messages, IContactStore contacts, DialogProcessor processor, TimeProvider time)
{
    public async Task<IReadOnlyList<EvalResult>> RunAsync(IReadOnlyList<EvalRow> rows, Action<int>? progress, CancellationToken ct)
    {
        var results = new List<EvalResult>(rows.Count);
        var run = Guid.NewGuid().ToString("N")[..8];
        foreach (var row in rows)
        {
            var address = $"+eval{run}{row.Line:D6}";
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
        return new EvalResult(row, outcome.Trace.Urgent, answer?.ContentId, language, declined, outcome.Trace.Candidates, outcome.Trace.Route, outcome.Trace.FallbackReason);
    }
}
