using HealthBot.Dialog;
using HealthBot.Sms;

namespace HealthBot.Tests.Dialog;

public sealed class ReplyComposerTests
{
    [Fact]
    public void Sms_reply_with_typographic_quotes_stays_gsm7()
    {
        var parts = ReplyComposer.Compose("Don’t wait — go “now”…", ChannelProfile.For(ChannelNames.Sms), foldAccents: false);

        Assert.Equal("Don't wait - go \"now\"...", Assert.Single(parts));
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Analyze(parts[0]).Encoding);
    }

    [Fact]
    public void Portuguese_sms_folds_accents_that_would_force_ucs2()
    {
        var text = "Vá à unidade de saúde já se a criança não consegue beber.";

        var folded = Assert.Single(ReplyComposer.Compose(text, ChannelProfile.For(ChannelNames.Sms), foldAccents: true));

        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Analyze(folded).Encoding);
        Assert.Contains("crianca nao", folded, StringComparison.Ordinal);
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.Analyze(text).Encoding);
    }

    [Fact]
    public void Reply_over_twilio_limit_is_split_at_sentence_ends_within_the_limit()
    {
        var sentence = "Sleep under a treated net every night to stop mosquito bites. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 40)); // ~2,500 characters

        var parts = ReplyComposer.Compose(text, ChannelProfile.For(ChannelNames.Sms), foldAccents: true);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, ChannelProfile.TwilioMaxChars));
        Assert.All(parts, p => Assert.EndsWith(".", p, StringComparison.Ordinal));
        Assert.Equal(text.Trim(), string.Join(" ", parts));
    }

    [Fact]
    public void Reply_longer_than_allowed_parts_is_shortened_deliberately()
    {
        var text = string.Concat(Enumerable.Repeat("Wash your hands with soap and water for 20 seconds. ", 100)); // ~5,200 characters

        var parts = ReplyComposer.Compose(text, ChannelProfile.For(ChannelNames.Sms), foldAccents: true);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= ChannelProfile.TwilioMaxChars, $"part of {p.Length} characters"));
        Assert.EndsWith("...", parts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Web_chat_reply_keeps_typography_and_length()
    {
        var text = "Don’t wait — “now”. " + new string('x', 3000);

        Assert.Equal(text.Trim(), Assert.Single(ReplyComposer.Compose(text, ChannelProfile.For(ChannelNames.WebChat), foldAccents: true)));
    }
}
