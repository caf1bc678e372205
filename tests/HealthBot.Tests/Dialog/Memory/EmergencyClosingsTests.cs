using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Dialog.Memory;
using HealthBot.Tests.Infrastructure;
using HealthBot.Safety;
using Microsoft.Extensions.Options;

namespace HealthBot.Tests.Dialog.Memory;

/// <summary>
/// After an emergency referral, a closing ("ok we r going", "sawa tunaenda", "ta bom vamos") gets a short friendly
/// reply in the person's language with the one-line safety reminder: not the referral again, not a new follow-up on
/// the staff alert. A message that adds anything (a symptom, a question) keeps the emergency.
/// </summary>
public sealed class EmergencyClosingsTests : TwilioPeerTests
{
    [Theory]
    [InlineData("en", "ok we r going")]
    [InlineData("en", "we are on the way to the hospital now, thanks")]
    [InlineData("en", "reached the clinic thank u")]
    [InlineData("fr", "ok on y va")]
    [InlineData("fr", "merci nous sommes arrives a l hopital")]
    [InlineData("fr", "d accord on l emmene maintenant")]
    [InlineData("sw", "sawa tunaenda")]
    [InlineData("sw", "asante tumefika hospitali")]
    [InlineData("sw", "sawa tuko njiani")]
    [InlineData("pt", "ta bom vamos")]
    [InlineData("pt", "obrigada, chegamos ao hospital")]
    [InlineData("pt", "ok estamos a caminho")]
    [InlineData("hi", "theek hai ja rahe hain")]
    [InlineData("hi", "ok hum hospital pahunch gaye, shukriya")]
    [InlineData("hi", "ठीक है अभी अस्पताल ले जा रहे हैं")]
    public void Acknowledging_going_or_arriving_is_a_closing(string language, string text)
    {
        Assert.True(EmergencyClosings.Is(TextNormalizer.Normalize(text), language));
    }

    [Theory]
    [InlineData("en", "ok we are going but his leg is swelling")]
    [InlineData("en", "we are far from the road it will take two hours to get there")]
    [InlineData("en", "ok going, what do we do on the way?")]
    [InlineData("fr", "ok on y va mais il vomit")]
    [InlineData("sw", "sawa tunaenda lakini ana degedege tena")]
    [InlineData("pt", "ta bom vamos, ele ta com febre 40")]
    [InlineData("hi", "theek hai ja rahe hain, haath sooj raha hai")]
    [InlineData("hi", "ok jaa rahe hain, kya pani de sakte hain")]
    public void A_symptom_a_detail_or_a_question_is_no_closing(string language, string text)
    {
        Assert.False(EmergencyClosings.Is(TextNormalizer.Normalize(text), language));
    }

    [Theory]
    [InlineData("+254700330001", "en", "my son was bitten by a snake", "ok we r going")]
    [InlineData("+221770330002", "fr", "mon fils de 2 ans fait des convulsions", "ok on y va")]
    [InlineData("+254700330003", "sw", "mtoto wangu wa miaka 2 ana degedege", "sawa tunaenda")]
    [InlineData("+258840330004", "pt", "o menino de 1 ano ta com convulsao agora", "ta bom vamos")]
    [InlineData("+919800330005", "hi", "bacche ko jhatke aa rahe hain", "theek hai ja rahe hain")]
    public async Task A_closing_after_a_referral_gets_a_short_reply_with_the_reminder_and_no_new_alert(
        string from, string language, string emergency, string closing)
    {
        var replies = await Factory.ConverseAsync(from, emergency, closing);

        var last = replies.Last();
        var number = Factory.Service<IOptions<DialogOptions>>().Value.EmergencyNumber;
        Assert.Single(replies, r => r.Kind == ReplyKind.Urgent);
        Assert.Equal(ReplyKind.SmallTalk, last.Kind);
        Assert.Equal(language, last.Language);
        Assert.Contains(number, last.Body, StringComparison.Ordinal);
        Assert.Equal(0, Assert.Single(await Factory.Service<IAlertStore>().OpenAsync(10)).FollowUps);
    }

    [Fact]
    public async Task A_closing_that_adds_a_symptom_keeps_the_emergency_on_the_same_alert()
    {
        var replies = await Factory.ConverseAsync("+919800330006",
            "papa ko saanp ne kaat liya", "theek hai ja rahe hain, haath sooj raha hai");

        Assert.Equal(2, replies.Count(r => r.Kind == ReplyKind.Urgent));
        Assert.Equal(1, Assert.Single(await Factory.Service<IAlertStore>().OpenAsync(10)).FollowUps);
    }
}
