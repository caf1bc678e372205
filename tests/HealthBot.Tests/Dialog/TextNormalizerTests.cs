using HealthBot.Dialog;

namespace HealthBot.Tests.Dialog;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Fièvre  chez mon BÉBÉ", "fievre chez mon bebe")]
    [InlineData("  how\tto\r\nwash   hands ", "how to wash hands")]
    [InlineData("\u202Ehello\u200F\u200B world\u0000", "hello world")]
    [InlineData("criança não", "crianca nao")]
    [InlineData("बुखार है", "बुखार है")]
    [InlineData("\uD800lone surrogate\uDC00", "lone surrogate")]
    public void Folded_text_is_lower_case_without_latin_accents_or_invisible_characters(string raw, string folded)
    {
        Assert.Equal(folded, TextNormalizer.Normalize(raw).Folded);
    }

    [Fact]
    public void Devanagari_vowel_signs_stay_inside_words()
    {
        Assert.Equal(["मलेरिया", "के", "लक्षण"], TextNormalizer.Normalize("मलेरिया के लक्षण?").Tokens);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀🙏🏽")]
    [InlineData("?!...")]
    public void Messages_without_words_have_no_tokens(string raw)
    {
        Assert.False(TextNormalizer.Normalize(raw).HasWords);
    }

    [Fact]
    public void Ten_thousand_emoji_are_cut_to_the_maximum_length_without_splitting_a_pair()
    {
        var clean = TextNormalizer.Normalize(string.Concat(Enumerable.Repeat("😀", 10_000))).Clean;

        Assert.True(clean.Length <= TextNormalizer.MaxLength + 1);
        Assert.False(char.IsHighSurrogate(clean[^1]));
    }
}
