using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Dialog;

/// <summary>
/// Issue #12: the second opinion's safety line used to arrive after "Was this helpful? Reply 1 yes, 2 no", so the
/// question was no longer the last thing read and a "1" seemed to answer the safety line. It now comes before the
/// answer that carries the question, in every language and on every channel.
/// </summary>
public sealed class SafetyLineOrderTests
{
    [Theory]
    [InlineData("en", "web")]
    [InlineData("fr", "web")]
    [InlineData("sw", "sms")]
    [InlineData("pt", "whatsapp")]
    [InlineData("hi", "telegram")]
    public void The_safety_line_comes_before_the_feedback_question(string language, string channel)
    {
        var replies = new DialogReplies(RepositoryContent.Catalog, new DialogOptions());
        var profile = ChannelProfile.For(channel);
        var prompt = RepositoryContent.Catalog.Current.System[language].Get("feedback_prompt")!;
        var answer = new Reply("Sleep under a net every night.\n" + prompt, ReplyKind.Answer, language, "malaria-prevention", 1)
        {
            FeedbackPrompt = true,
        };
        var outcome = new DialogOutcome([answer], language, new DialogTrace("answer-curated", false, [], language));

        var checkedOutcome = replies.WithSecondOpinion(outcome, profile, language, new SecondOpinionResult(0.99, 0.95, true));

        Assert.Equal(ReplyKind.SafetyLine, checkedOutcome.Replies[0].Kind);
        Assert.Same(answer, checkedOutcome.Replies[^1]);
        Assert.EndsWith(prompt, checkedOutcome.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(SecondOpinion.Rule, checkedOutcome.Alert!.Rule);
    }
}
