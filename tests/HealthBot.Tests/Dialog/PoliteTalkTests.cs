using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Dialog;

/// <summary>
/// Issue #12: thanks said with more words gets the short friendly reply, even when one of those words also appears
/// inside a keyword phrase ("clair" in "bouillie claire"); "हैलो" (hello in Devanagari) is a greeting.
/// </summary>
public sealed class PoliteTalkTests : TwilioPeerTests
{
    [Theory]
    [InlineData("+221770320006", "merci beaucoup, c est tres clair")]
    [InlineData("+919800320007", "हैलो")]
    public async Task Thanks_with_words_of_a_keyword_phrase_and_a_devanagari_hello_are_small_talk(
        string from, string text)
    {
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, text));
        await Factory.WaitIdleAsync();

        var contact = (await Factory.Service<IContactStore>().FindAsync("sms", from))!;
        var replies = (await Factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 10))
            .Where(m => m.Direction == "out").ToList();
        Assert.Null(Assert.Single(replies).ContentId);
    }
}
