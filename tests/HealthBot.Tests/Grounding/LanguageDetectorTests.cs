using HealthBot.Dialog;
using HealthBot.Grounding;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Grounding;

/// <summary>Short, noisy messages in every language: shorthand, no accents, code-mixing, romanized Hindi.</summary>
public sealed class LanguageDetectorTests
{
    private static readonly ContentLanguageDetector Detector = new(RepositoryContent.Catalog);

    [Theory]
    [InlineData("pls hw do i stop my kid coughing", "en")]
    [InlineData("wat 2 do wen baby has runny tummy", "en")]
    [InlineData("mon fils a le palu koi faire", "fr")]
    [InlineData("jsuis enceinte de 3 mois c normal la fatigue", "fr")]
    [InlineData("comment eviter la diarrhee chez les enfants", "fr")]
    [InlineData("sama doom dafa tang, il a la fievre depuis hier", "fr")]
    [InlineData("mtoto wangu ana homa kali sana", "sw")]
    [InlineData("nikiwa na presha nile nini", "sw")]
    [InlineData("mtoto ana fever na anatapika", "sw")]
    [InlineData("manze nimechoka sana siku hizi", "sw")]
    [InlineData("como evitar a malaria nas criancas", "pt")]
    [InlineData("meu bebe esta com diarreia oq eu faco", "pt")]
    [InlineData("vc sabe onde fazer teste de hiv de graca", "pt")]
    [InlineData("bacche ko dast ho rahe hai kya karu", "hi")]
    [InlineData("mujhe sugar ki bimari hai kya khana chahiye", "hi")]
    [InlineData("BP high hai kya kare", "hi")]
    [InlineData("मुझे बुखार है", "hi")]
    [InlineData("टीबी की जांच कहाँ होती है", "hi")]
    public void Detects_the_language_of_a_new_contact(string text, string expected)
    {
        Assert.Equal(expected, Detector.Detect(TextNormalizer.Normalize(text), prior: null).Language);
    }

    /// <summary>
    /// English health words are borrowed into every language's messages: the grammar words around them say the
    /// language ("ki", "ka", "rehta", "iko").
    /// </summary>
    [Theory]
    [InlineData("suger ki problem", "hi")]
    [InlineData("medicine ka side effect", "hi")]
    [InlineData("headache rehta", "hi")]
    [InlineData("report iko normal", "sw")]
    public void Borrowed_English_words_leave_the_language_to_the_grammar_words(string text, string expected)
    {
        Assert.Equal(expected, Detector.Detect(TextNormalizer.Normalize(text), prior: null).Language);
    }

    /// <summary>
    /// A spelling no content wrote is still read as a word of its language by its stem: romanized Hindi as each
    /// person spells it ("jukam" for जुकाम, "h" for "hai"), another form of a Swahili verb ("nimeenda").
    /// </summary>
    [Theory]
    [InlineData("jukam h", "hi")]
    [InlineData("nimeenda hospital", "sw")]
    public void Unwritten_spellings_are_read_by_their_stems(string text, string expected)
    {
        var guess = Detector.Detect(TextNormalizer.Normalize(text), prior: null);

        Assert.Equal(expected, guess.Language);
        Assert.True(guess.Confidence > 0, "a word of one language is evidence, not the deployment's default");
    }

    /// <summary>English SMS shorthand ("n" for and, "v" for very) is English, not French's "n'".</summary>
    [Theory]
    [InlineData("1wk old breathing v fast n grunting")]
    [InlineData("sugar high")]
    [InlineData("painful urination")]
    public void English_content_words_alone_stay_english(string text)
    {
        Assert.Equal("en", Detector.Detect(TextNormalizer.Normalize(text), prior: null).Language);
    }

    [Theory]
    [InlineData("malaria", "sw")]
    [InlineData("HIV test", "fr")]
    [InlineData("ORS", "pt")]
    [InlineData("ok", "hi")]
    public void Words_shared_by_all_languages_keep_the_contacts_language(string text, string prior)
    {
        Assert.Equal(prior, Detector.Detect(TextNormalizer.Normalize(text), prior).Language);
    }

    /// <summary>
    /// A new contact's "malaria?" is no evidence of a language: the caller falls back to the default.
    /// </summary>
    [Theory]
    [InlineData("malaria?")]
    [InlineData("HIV test")]
    [InlineData("ORS")]
    public void Words_shared_by_all_languages_are_no_evidence_for_a_new_contact(string text)
    {
        Assert.Equal(0.0, Detector.Detect(TextNormalizer.Normalize(text), prior: null).Confidence);
    }

    [Theory]
    [InlineData("comment faire pour eviter le paludisme chez mon bebe", "sw", "fr")]
    [InlineData("how do i know if my child has pneumonia", "fr", "en")]
    [InlineData("mtoto wangu anaharisha nifanye nini", "en", "sw")]
    public void A_message_clearly_in_another_language_switches(string text, string prior, string expected)
    {
        Assert.Equal(expected, Detector.Detect(TextNormalizer.Normalize(text), prior).Language);
    }
}
