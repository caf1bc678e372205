using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Dialog.Memory;

/// <summary>
/// Issue #12, follow-ups as people send them: an emergency is not left because a vague follow-up matches some item
/// weakly; the second opinion's possible emergency is remembered, so the follow-up reaches staff on the same alert;
/// a follow-up that names another topic moves to it; an age alone raises no alert.
/// </summary>
public sealed class FollowUpTurnsTests : TwilioPeerTests
{
    [Fact]
    public async Task A_vague_follow_up_of_a_convulsion_keeps_the_referral()
    {
        var replies = await Factory.ConverseAsync("+254700320001",
            "my son is having a fit, body stiff and shaking", "still going on what do i do");

        Assert.Equal(2, replies.Count(r => r.Kind == ReplyKind.Urgent));
    }

    [Fact]
    public async Task A_follow_up_of_a_possible_emergency_reaches_staff_on_the_same_alert()
    {
        const string from = "+221770320002";
        var replies = await Factory.ConverseAsync(from, "mon bebe de 6 mois tousse depuis hier",
            "maintenant il respire tres vite et sa poitrine rentre", "il ne tete plus bien, on va ou?");

        var alert = Assert.Single(await Factory.Service<IAlertStore>().OpenAsync(10));
        Assert.Equal(SecondOpinion.Rule, alert.Rule);
        Assert.Equal(1, alert.FollowUps);
        Assert.Equal(2, replies.Count(r => r.Kind == ReplyKind.SafetyLine));
        Assert.All(replies, r => Assert.Equal("fr", r.Language));
    }

    [Fact]
    public async Task A_follow_up_naming_another_topic_is_answered_from_it()
    {
        var replies = await Factory.ConverseAsync("+258840320003",
            "quais vacinas o bebe toma as 6 semanas?", "e a do sarampo, quando e?");

        Assert.Equal("measles", replies.Last(r => r.ContentId is not null).ContentId);
    }

    [Fact]
    public async Task Who_the_follow_up_is_for_is_no_new_topic()
    {
        // "mtoto mchanga" (a newborn) is a keyword of the newborn's danger signs, but it says who, not what.
        var replies = await Factory.ConverseAsync("+254700320004",
            "mtoto anaharisha tangu jana nimpe nini", "na kwa mtoto mchanga je?");

        Assert.Equal("diarrhoea-ors", replies.Last(r => r.ContentId is not null).ContentId);
    }

    [Fact]
    public async Task An_age_alone_raises_no_alert()
    {
        await Factory.ConverseAsync(
            "+221770320005", "je peux donner de l eau a mon bebe quand il fait chaud?", "il a 5 mois");

        Assert.Empty(await Factory.Service<IAlertStore>().OpenAsync(10));
    }
}
