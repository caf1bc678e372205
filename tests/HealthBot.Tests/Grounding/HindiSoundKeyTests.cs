using HealthBot.Grounding;

namespace HealthBot.Tests.Grounding;

/// <summary>
/// Hindi typed in Latin letters meets the Devanagari content: one retrieval stem for both scripts and for the usual
/// spelling variants, while words that only look alike stay apart.
/// </summary>
public sealed class HindiSoundKeyTests
{
    [Theory]
    [InlineData("pilana", "पिलाना")]
    [InlineData("doodh", "दूध")]
    [InlineData("dudh", "दूध")]
    [InlineData("bukhar", "बुखार")]
    [InlineData("kamzori", "कमजोरी")]
    [InlineData("kamjori", "कमज़ोरी")]
    [InlineData("dast", "दस्त")]
    [InlineData("bachche", "बच्चे")]
    [InlineData("bacche", "बच्चे")]
    [InlineData("khoon", "खून")]
    [InlineData("khun", "ख़ून")]
    [InlineData("tika", "टीके")]
    [InlineData("navjaat", "नवजात")]
    [InlineData("navjat", "नवजात")]
    [InlineData("pasli", "पसली")]
    public void Romanized_and_Devanagari_spellings_share_one_retrieval_stem(string romanized, string devanagari) =>
        Assert.Equal(Stemmer.MatchStem(devanagari, "hi"), Stemmer.MatchStem(romanized, "hi"));

    [Theory]
    [InlineData("bacche", "bachna")]
    [InlineData("raat", "art")]
    [InlineData("khana", "kaan")]
    public void Words_that_only_look_alike_keep_apart(string one, string other) =>
        Assert.NotEqual(Stemmer.MatchStem(one, "hi"), Stemmer.MatchStem(other, "hi"));

    [Fact]
    public void Emergency_rules_keep_their_own_stems() =>
        Assert.NotEqual(Stemmer.Stem("दूध", "hi"), Stemmer.Stem("doodh", "hi"));
}
