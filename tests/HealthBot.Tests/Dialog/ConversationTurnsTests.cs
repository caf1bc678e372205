using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Dialog;

/// <summary>
/// Issue #12, conversations as people have them: an emergency is not dropped because a follow-up says nothing the
/// rules know; who the conversation is about carries over; a greeting or a thanks is answered in the person's words.
/// </summary>
public sealed class ConversationTurnsTests : TwilioPeerTests
{
    [Fact]
    public async Task An_emergency_stays_an_emergency_when_the_follow_up_is_about_something_else_weakly()
    {
        var replies = await Factory.ConverseAsync("+254700310001",
            "a snake just bit my brother on the leg", "we are far from the road it will take two hours to get there");

        Assert.Equal(2, replies.Count(r => r.Kind == ReplyKind.Urgent));
    }

    [Theory]
    [InlineData("+254700310051", "a viper got my husband on the foot in the field", "the bitten foot is getting fat now")]
    [InlineData("+221770310052", "une vipere a pique mon mari au pied", "le pied pique devient gros maintenant")]
    [InlineData("+254700310053", "nyoka amemgonga mume wangu mguuni", "mguu aliogongwa unazidi kunenepa")]
    [InlineData("+258840310054", "uma jararaca picou meu marido no pe", "o pe mordido ta ficando gordo")]
    [InlineData("+919800310055", "pati ko khet me saanp ne das liya", "jahan kaata wahan pair mota ho raha hai")]
    public async Task A_snakebite_second_turn_about_the_swelling_limb_is_still_an_emergency(
        string from, string first, string second)
    {
        var replies = await Factory.ConverseAsync(from, first, second);

        Assert.Equal(2, replies.Count(r => r.Kind == ReplyKind.Urgent));
    }

    [Fact]
    public async Task Breathing_signs_after_a_question_about_a_childs_illness_are_an_emergency_without_naming_the_child_again()
    {
        var replies = await Factory.ConverseAsync("+254700310002",
            "my son has diarrhoea how do i make ORS", "now he is breathing very fast");

        Assert.Contains(replies, r => r.Kind == ReplyKind.Urgent);
    }

    [Fact]
    public async Task The_same_breathing_words_with_no_child_in_the_conversation_are_not_read_as_a_child_emergency()
    {
        var replies = await Factory.ConverseAsync(
            "+254700310003", "how do i lower my blood pressure", "now she is breathing very fast");

        Assert.DoesNotContain(replies, r => r.Kind == ReplyKind.Urgent);
    }

    [Theory]
    [InlineData("+254700310004", "habari", "sw")]
    [InlineData("+919800310005", "namaste", "hi")]
    [InlineData("+221770310006", "bonsoir", "fr")]
    public async Task A_greeting_of_one_language_is_answered_in_it(string from, string text, string language)
    {
        var replies = await Factory.ConverseAsync(from, text);

        Assert.Equal(language, Assert.Single(replies).Language);
    }

    [Theory]
    [InlineData("+254700310011", "hi")]
    [InlineData("+254700310012", "Hello")]
    [InlineData("+254700310013", "hi doc")]
    public async Task A_greeting_every_language_uses_is_answered_in_the_deployments_language(string from, string text)
    {
        // "hi" is also a Hinglish greeting (and the letter model took it for Hindi): nothing says Hindi here.
        var replies = await Factory.ConverseAsync(from, text);

        Assert.Equal("en", Assert.Single(replies).Language);
    }

    [Theory]
    [InlineData("+221770310007", "merci beaucoup tonton")]
    [InlineData("+258840310008", "valeu mesmo irmao")]
    public async Task Thanks_with_a_word_the_lexicon_lacks_is_still_thanks(string from, string text)
    {
        var replies = await Factory.ConverseAsync(from, text);

        Assert.Equal(ReplyKind.SmallTalk, Assert.Single(replies).Kind);
    }
}
