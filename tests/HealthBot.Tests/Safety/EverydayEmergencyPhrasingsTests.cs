using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Safety;

/// <summary>
/// Hindi (Devanagari and Hinglish), Portuguese, French and English emergencies from the clinical list said the everyday way: by a
/// relative, indirectly ("better off without me", "I am a burden"), with household poisons named by what they kill,
/// with ages in short ("3 sem", "2 sal ka"), and with a question after the sign ("shall we tie a rope?"). Questions
/// about the same subjects stay questions. On the repository's real rule files.
/// </summary>
public sealed class EverydayEmergencyPhrasingsTests
{
    private static readonly RuleTriage Triage = new(RepositoryContent.Catalog);

    [Theory]
    // snakebite: in the field (a place, not a purchase for the field); "das liya"; a question after the bite
    [InlineData("hi", "पापा को खेत में सांप ने काट लिया")]
    [InlineData("hi", "सांप ने भाई के हाथ पर काटा, क्या रस्सी बांध दें?")]
    [InlineData("hi", "chacha ko saanp ne das liya, pair sooj raha hai")]
    // poisoning: household poisons named by what they kill
    [InlineData("hi", "bhai ne keede marne wali dawai pee li ulti kar raha hai")]
    [InlineData("hi", "bacche ne machhar marne wala liquid pi liya")]
    // suicide said indirectly, or of someone else
    [InlineData("hi", "sabko bye, mere bina sab khush rahenge")]
    [InlineData("hi", "मेरे बिना सब खुश रहेंगे, अब और नहीं सहा जाता")]
    [InlineData("hi", "dost ne sabko bye ka msg bheja bola kal tak nahi rahunga, phone band aa raha hai")]
    [InlineData("hi", "wo bol rahi thi ki zindagi me kuch nahi bacha, goliyan jama kar rakhi hain")]
    [InlineData("hi", "main ab aur nahi jee sakta")]
    [InlineData("hi", "mujhe lagta hai main sab par bojh hu, chala jaunga hamesha ke liye")]
    // convulsions with an age in months; sexual violence said as touching
    [InlineData("hi", "3 mahine ki bachi ko daura aa raha hai, aankhe upar")]
    [InlineData("hi", "padosi ne meri 12 saal ki beti ko galat tarah se chhua")]
    [InlineData("pt", "meu irmao disse q ia se matar e saiu de casa com uma corda")]
    [InlineData("pt", "o meu amigo mandou msg a despedir-se e disse que se vai enforcar nao atende o telefone")]
    [InlineData("pt", "seria melhor se eu sumisse. digam a minha mae que a amo")]
    [InlineData("pt", "todos ficariam melhor sem mim")]
    [InlineData("pt", "minha filha de 15 anos disse que um homem a forcou hoje ajudem")]
    [InlineData("pt", "bebe de 3 sem nao quer mamar desde ontem e esta muito quente")]
    // en/fr/pt (development list triage-dev-2026-12-06.tsv): pills by kind with a quantity word; abuse said as
    // "did things to", "forced me", coming to the bed at night; self-harm of someone else; a grandson's age
    [InlineData("en", "my 2yr old swallowed a bunch of his grannys tablets")]
    [InlineData("en", "my stepdad keeps coming into my bed at night and touching me")]
    [InlineData("fr", "le voisin a fait des choses a ma fille de 12 ans elle saigne en bas")]
    [InlineData("fr", "mon oncle m a forcee hier soir j ai dit non")]
    [InlineData("fr", "mon beau pere vient dans mon lit la nuit et me touche")]
    [InlineData("fr", "ma fille a avale plein de cachets de sa grand mere")]
    [InlineData("pt", "minha filha se cortou de proposito nos bracos ta sangrando")]
    [InlineData("pt", "o vizinho fez coisas com a minha filha de 12 anos ela esta a sangrar la em baixo")]
    [InlineData("pt", "guardei meus comprimidos e hoje a noite vou tomar todos")]
    [InlineData("pt", "meu neto de 1 semana nao pega o peito e o corpo ta gelado")]
    [InlineData("pt", "meu padrasto vem pra minha cama de noite e me toca")]
    public void An_everyday_emergency_is_urgent(string language, string text)
    {
        var result = Triage.Assess(TextNormalizer.Normalize(text), language);

        Assert.True(result.Urgent, $"[{language}] not urgent: {text}");
    }

    [Theory]
    [InlineData("hi", "pichle saal bacche ko daura pada tha, phir se na ho iske liye kya karein")]
    [InlineData("hi", "saanp ke kaatne par kya karna chahiye")]
    [InlineData("hi", "pet ke keede marne ki dawai kab deni chahiye bacchon ko")]
    [InlineData("hi", "pet ke keede marne ki dawai kha li bacche ne, kitni deni thi")]
    [InlineData("hi", "khet me kaam karte samay saanp se kaise bachein")]
    [InlineData("hi", "बच्चों को दौरे क्यों पड़ते हैं")]
    [InlineData("hi", "behosh hone ke kya karan hote hain")]
    [InlineData("pt", "ano passado meu filho teve convulsao com febre, pode voltar?")]
    [InlineData("pt", "onde guardar a agua sanitaria longe das criancas")]
    [InlineData("en", "i saw a tv story about suicide how do i talk to my teenager about it")]
    [InlineData("en", "we ate a bunch of mangoes today, is that why the kids have loose stools")]
    [InlineData("fr", "j ai vu un reportage sur le suicide a la tele comment en parler aux jeunes")]
    [InlineData("fr", "combien de temps durent les saignements apres l accouchement")]
    [InlineData("fr", "mon mari a fait une crise il y a 2 ans peut il conduire")]
    [InlineData("pt", "onde uma vitima de violacao pode ter ajuda")]
    [InlineData("pt", "guardei o dinheiro da machamba e hoje a noite vou ao mercado")]
    public void A_question_about_the_same_subjects_is_not(string language, string text)
    {
        var result = Triage.Assess(TextNormalizer.Normalize(text), language);

        Assert.False(result.Urgent, $"[{language}] urgent ({result.Rule}): {text}");
    }
}
