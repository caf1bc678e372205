using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Dialog;

/// <summary>
/// Issue #12: after an emergency, a question about putting off care or how to get there ("can we treat him at home
/// first, the clinic is far", "ORS first or go straight there?", "do we go to the police first?") is answered with
/// the referral again, in every language, also when the emergency was told in the words the outside tester found
/// missed (not answering a voice, cloths soaked, money for a child's silence). The same question with no
/// emergency before it is answered as usual.
/// </summary>
public sealed class DelayQuestionsTests : TwilioPeerTests
{
    [Theory]
    [InlineData("+254700320001", "my father collapsed and is not answering when we call him",
        "can we treat him at home first, the clinic is far?")]
    [InlineData("+254700320002", "my son has watery diarrhoea and vomiting, he cannot stand up",
        "should we give ORS first or go straight there?")]
    [InlineData("+254700320003", "she gave birth this morning and soaked 3 pads in an hour",
        "can it wait until my husband comes back tonight?")]
    [InlineData("+254700320004", "the tenant gives my 8 year old money so she does not tell, he takes her to his room",
        "what do I tell her and where do we go? do we have to go to the police first?")]
    [InlineData("+221770320005", "mon pere est tombe et ne repond plus quand on l appelle",
        "on peut le soigner a la maison d abord? le centre est loin")]
    [InlineData("+221770320006", "diarrhee comme de l eau et il vomit, il ne peut plus se lever",
        "on donne le SRO d abord ou on y va directement?")]
    [InlineData("+254700320007", "tumemkuta babu chini, hajibu tukimuita",
        "tunaweza kumtibu nyumbani kwanza? kituo kiko mbali")]
    [InlineData("+254700320008", "amejifungua leo, kanga 3 zimeloa damu ndani ya saa moja",
        "tusubiri mume wangu arudi usiku?")]
    [InlineData("+258840320009",
        "o inquilino da dinheiro a minha filha para ela nao contar e leva ela para o quarto dele",
        "o que digo a ela e para onde vamos? temos que ir a policia primeiro?")]
    [InlineData("+258840320010", "diarreia aquosa muito e vomitos, nao consegue ficar de pe",
        "damos o soro primeiro ou vamos direto?")]
    [InlineData("+919800320011", "papa zameen par gir gaye, awaaz dene par jawab nahi de rahe",
        "kya pehle ghar par ilaaj kar sakte hain? hospital door hai")]
    [InlineData("+919800320012", "delivery ke baad ek ghante me 3 kapde bhar gaye khoon se",
        "kya pati ke aane tak ruk sakte hain? wo raat ko aayenge")]
    public async Task A_question_about_delaying_care_after_an_emergency_repeats_the_referral(
        string from, string emergency, string followUp)
    {
        var replies = await Factory.ConverseAsync(from, emergency, followUp);

        Assert.Equal(2, replies.Count(r => r.Kind == ReplyKind.Urgent));
    }

    [Theory]
    [InlineData("+254700320021", "should we give ORS first or go straight to the clinic?")]
    [InlineData("+258840320022", "damos o soro primeiro ou vamos direto?")]
    public async Task The_same_question_without_an_emergency_before_it_brings_no_referral(string from, string text)
    {
        var replies = await Factory.ConverseAsync(from, text);

        Assert.DoesNotContain(replies, r => r.Kind == ReplyKind.Urgent);
    }
}
