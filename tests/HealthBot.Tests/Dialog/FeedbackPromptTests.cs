using HealthBot.Content;
using HealthBot.Dialog;
using HealthBot.Sms;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace HealthBot.Tests.Dialog;

/// <summary>Where "Was this helpful?" goes and how replies to it are read, without a host.</summary>
public sealed class FeedbackPromptTests
{
    private static readonly ChannelProfile Sms = ChannelProfile.For(ChannelNames.Sms);

    [Theory]
    [InlineData(160, false)] // a full single segment: the prompt would make it two
    [InlineData(100, true)]
    [InlineData(153 * 2 + 10, true)] // room left in the last of three segments
    [InlineData(153 * 3, false)]
    public void Sms_prompt_goes_in_the_same_message_only_without_an_extra_segment(int length, bool expected)
    {
        var answer = new string('a', length);

        var replies = Feedback(new FeedbackOptions()).WithPrompt([Answer(answer)], Sms, "en");

        var text = Assert.Single(replies).Text;
        Assert.Equal(expected, replies[0].FeedbackPrompt);
        Assert.Equal(expected, text.EndsWith("Was this helpful? Reply 1 yes, 2 no", StringComparison.Ordinal));
        Assert.Equal(SmsSegments.Analyze(answer).Segments, SmsSegments.Analyze(text).Segments);
    }

    [Theory]
    [InlineData("fr", "Cette réponse vous a aidé ? Répondez 1 oui, 2 non")]
    [InlineData("pt", "Esta resposta ajudou? Responda 1 sim, 2 nao")]
    [InlineData("sw", "Je, jibu hili limekusaidia? Tuma 1 ndiyo, 2 hapana")]
    public void The_prompt_is_in_the_contacts_language_and_stays_gsm7(string language, string expected)
    {
        var text = Assert.Single(Feedback(new FeedbackOptions()).WithPrompt([Answer("Short answer.")], Sms, language)).Text;

        Assert.EndsWith(expected, text, StringComparison.Ordinal);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Analyze(text).Encoding);
    }

    [Fact]
    public void Off_means_no_prompt_and_sms_off_keeps_it_to_web_chat()
    {
        var web = ChannelProfile.For(ChannelNames.WebChat);
        var smsOff = Feedback(new FeedbackOptions { Sms = SmsFeedback.Off });

        Assert.False(Feedback(new FeedbackOptions { Mode = FeedbackMode.Off }).WithPrompt([Answer("Short.")], web, "en")[0].FeedbackPrompt);
        Assert.False(smsOff.WithPrompt([Answer("Short.")], Sms, "en")[0].FeedbackPrompt);
        Assert.EndsWith("\n\nWas this helpful? Reply 1 yes, 2 no", smsOff.WithPrompt([Answer("Short.")], web, "en")[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("Yes!", true)]
    [InlineData("oui merci", true)]
    [InlineData("Ndiyo asante sana", true)]
    [InlineData("sim", true)]
    [InlineData("haan", true)]
    [InlineData("2", false)]
    [InlineData("No", false)]
    [InlineData("non", false)]
    [InlineData("hapana", false)]
    [InlineData("Não", false)]
    [InlineData("nahi", false)]
    [InlineData("नहीं", false)]
    [InlineData("2 no", false)]
    [InlineData("no pain now", null)]
    [InlineData("1 2", null)]
    [InlineData("how can i prevent malaria", null)]
    public void Replies_are_read_leniently_but_not_longer_messages(string text, bool? expected) =>
        Assert.Equal(expected, FeedbackWords.Parse(TextNormalizer.Normalize(text)));

    [Fact]
    public void Weak_matches_and_rejected_model_answers_are_flagged()
    {
        var settings = new DialogOptions();
        var curated = new PhrasedAnswer("text", false, "model-off");

        Assert.Equal(AnswerFlags.LowConfidence, AnswerFlags.For(new RetrievalResult(null, 0.12, [], false), curated, settings));
        Assert.Null(AnswerFlags.For(new RetrievalResult(null, 0.5, [], false), curated, settings));
        Assert.Equal(AnswerFlags.ModelRejected, AnswerFlags.For(new RetrievalResult(null, 0.5, [], false), curated with { FallbackReason = "check-number" }, settings));
    }

    private static Reply Answer(string text) => new(text, ReplyKind.Answer, "en", "malaria-prevention", 1);

    private static AnswerFeedback Feedback(FeedbackOptions feedback) =>
        new(RepositoryContent.Catalog, new NoStore(), new NoHandoff(), Options.Create(new DialogOptions { Feedback = feedback }), TimeProvider.System);

    private sealed class NoStore : IAnswerFeedbackStore
    {
        public Task<FeedbackPrompt?> OpenPromptAsync(long contactId, DateTimeOffset since, long? replyId, CancellationToken ct = default) => Task.FromResult<FeedbackPrompt?>(null);

        public Task RecordAsync(long promptId, bool helpful, long? replyId, CancellationToken ct = default) => Task.CompletedTask;
    }
}
