using HealthBot.Sms;
using HealthBot.Tests.Content;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Twilio;

/// <summary>An SMS whose folded text would say another word ("Faça" → "Faca", knife) leaves unfolded.</summary>
public sealed class TwilioAccentTests(TwilioAccentTests.ClashingContent content)
    : TwilioPeerTests(new Dictionary<string, string?> { ["Content:Directory"] = content.Directory }),
        IClassFixture<TwilioAccentTests.ClashingContent>
{
    [Fact]
    public async Task Portuguese_sms_with_faca_is_sent_unfolded_as_ucs2()
    {
        var form = HealthBotFactory.InboundForm("+258840000001", "como preparar o sro");
        await Factory.PostSignedAsync("/webhooks/twilio/sms", form);

        var sent = await Eventually.WaitForAsync(() => Peer.Received.ToList(), r => r.Count >= 1, "the SMS reply");
        await Factory.WaitIdleAsync();
        var body = string.Concat(Peer.Received.Select(r => r.Body));
        Assert.Contains("Faça nova mistura", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Faca", body, StringComparison.Ordinal);
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.Analyze(sent[0].Body).Encoding);
    }

    [Fact]
    public async Task Portuguese_sms_without_such_words_is_still_folded_to_gsm7()
    {
        // The Portuguese help message ("Envie a sua pergunta de saúde…") has accents but no listed word.
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+258840000002", "AJUDA"));

        var sent = await Eventually.WaitForAsync(() => Peer.Received.ToList(), r => r.Count >= 1, "the SMS reply");
        Assert.Contains("Envie a sua pergunta de saude", sent[0].Body, StringComparison.Ordinal);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Analyze(sent[0].Body).Encoding);
    }

    /// <summary>
    /// The shipped Portuguese SMS avoid such words (<c>content validate</c> warns about them), so a copy of the content
    /// puts one back: its ORS answer says "Faça nova mistura" instead of "Prepare nova mistura".
    /// </summary>
    public sealed class ClashingContent : IDisposable
    {
        private readonly ContentFixture fixture = new();

        public ClashingContent() => fixture.Replace(
            "pt", "diarrhoea-ors.md", "Prepare nova mistura todos os dias.", "Faça nova mistura todos os dias.");

        public string Directory => fixture.Directory;

        public void Dispose() => fixture.Dispose();
    }
}
