using System.Globalization;
using System.Text;

namespace HealthBot.Sms;

/// <summary>
/// Replaces typographic characters that would silently turn a message into UCS-2 (and so cost up to
/// 2.3 times as much) with their GSM-7 look-alikes, in the spirit of Twilio's Smart Encoding
/// (https://www.twilio.com/docs/messaging/services#smart-encoding).
/// </summary>
public static class SmartEncoding
{
    private static readonly Dictionary<char, string> Replacements = new()
    {
        ['\u2018'] = "'", ['\u2019'] = "'", ['\u201A'] = "'", ['\u201B'] = "'", ['\u2032'] = "'", ['\u02BC'] = "'",
        ['\u201C'] = "\"", ['\u201D'] = "\"", ['\u201E'] = "\"", ['\u201F'] = "\"", ['\u2033'] = "\"",
        ['\u00AB'] = "\"", ['\u00BB'] = "\"",
        ['\u2010'] = "-", ['\u2011'] = "-", ['\u2012'] = "-", ['\u2013'] = "-", ['\u2014'] = "-", ['\u2015'] = "-", ['\u2212'] = "-",
        ['\u2026'] = "...", ['\u2022'] = "-", ['\u00B7'] = "-",
        ['\u00A0'] = " ", ['\u2000'] = " ", ['\u2001'] = " ", ['\u2002'] = " ", ['\u2003'] = " ", ['\u2004'] = " ",
        ['\u2005'] = " ", ['\u2006'] = " ", ['\u2007'] = " ", ['\u2008'] = " ", ['\u2009'] = " ", ['\u200A'] = " ",
        ['\u202F'] = " ", ['\u205F'] = " ", ['\u3000'] = " ", ['\t'] = " ",
        ['\u200B'] = "", ['\u200C'] = "", ['\u200D'] = "", ['\u2060'] = "", ['\uFEFF'] = "", ['\u00AD'] = "",
    };

    /// <summary>Typographic punctuation and odd spaces to GSM-7 equivalents; everything else unchanged.</summary>
    public static string Apply(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\u200C' or '\u200D' && JoinsNonGsm(text, i))
            {
                builder.Append(c);
            }
            else if (Replacements.TryGetValue(c, out var r))
            {
                builder.Append(r);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// <see cref="Apply"/>, then drops accents that GSM-7 cannot carry (ã→a, ç→c, ê→e) while keeping those it can
    /// (é, è, à, ñ…), whether the accent was typed precomposed or as a combining mark. Used for Latin-script
    /// languages, where people read unaccented text easily; Devanagari and other scripts are left alone.
    /// A text where folding would turn a word into another (<see cref="AccentClashes"/>: "faça" into "faca",
    /// knife) is not folded at all and goes as UCS-2. <paramref name="language"/> null checks every language's words.
    /// </summary>
    public static string FoldToGsm(string text, string? language = null)
    {
        var smart = Apply(text);
        return AccentClashes.Find(smart, language, FoldGraphemes).Count > 0 ? smart : FoldGraphemes(smart);
    }

    /// <summary>The words of <paramref name="text"/> that folding would turn into others, and what into.</summary>
    public static IReadOnlyList<(string Word, string Folded)> FoldClashes(string text, string? language) =>
        AccentClashes.Find(Apply(text), language, FoldGraphemes);

    private static string FoldGraphemes(string smart)
    {
        var builder = new StringBuilder(smart.Length);
        var graphemes = StringInfo.GetTextElementEnumerator(smart);
        while (graphemes.MoveNext())
        {
            builder.Append(Fold((string)graphemes.Current));
        }

        return builder.ToString();
    }

    /// <summary>
    /// ZWJ and ZWNJ shape emoji sequences (👩‍⚕️) and Indic conjuncts (क्‍ष); removing them there changes what people
    /// see and saves nothing, as the text is UCS-2 anyway. Between GSM characters they show nothing and only cost.
    /// </summary>
    private static bool JoinsNonGsm(string text, int i) =>
        (i > 0 && !BecomesGsm(text[i - 1])) || (i + 1 < text.Length && !BecomesGsm(text[i + 1]));

    private static bool BecomesGsm(char c) => GsmCharset.Septets(c) > 0 || Replacements.ContainsKey(c);

    /// <summary>One grapheme: composed when GSM-7 has the accented letter (e + ◌́ → é), else without its marks.</summary>
    private static string Fold(string grapheme)
    {
        // Already GSM, or not a Latin letter: leave it as written (and never normalize a broken surrogate, which throws).
        if (GsmCharset.CanEncode(grapheme) || grapheme[0] > '\u024F' || grapheme.Any(char.IsSurrogate))
        {
            return grapheme;
        }

        var composed = grapheme.Normalize(NormalizationForm.FormC);
        if (GsmCharset.CanEncode(composed))
        {
            return composed;
        }

        var bare = new string(composed.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c)
            is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)).ToArray());
        return bare.Length > 0 && GsmCharset.CanEncode(bare) ? bare : grapheme;
    }
}
