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
        foreach (var c in text)
        {
            builder.Append(Replacements.TryGetValue(c, out var r) ? r : c.ToString());
        }

        return builder.ToString();
    }

    /// <summary>
    /// <see cref="Apply"/>, then drops accents that GSM-7 cannot carry (ã→a, ç→c, ê→e) while keeping those it can
    /// (é, è, à, ñ…). Used for Latin-script languages, where people read unaccented text easily; Devanagari is left alone.
    /// </summary>
    public static string FoldToGsm(string text)
    {
        var smart = Apply(text);
        var builder = new StringBuilder(smart.Length);
        foreach (var c in smart)
        {
            if (GsmCharset.Septets(c) > 0 || c > '\u024F')
            {
                builder.Append(c);
                continue;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var baseChars = decomposed.Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark).ToArray();
            var folded = new string(baseChars);
            builder.Append(folded.Length > 0 && GsmCharset.CanEncode(folded) ? folded : c.ToString());
        }

        return builder.ToString();
    }
}
