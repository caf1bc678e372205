using System.Globalization;
using System.Text;

namespace HealthBot.Dialog;

/// <summary>A message after cleaning: <see cref="Clean"/> keeps the user's spelling, <see cref="Folded"/> is for matching.</summary>
public sealed record NormalizedText(string Clean, string Folded, IReadOnlyList<string> Tokens)
{
    public bool HasWords => Tokens.Count > 0;
}

/// <summary>
/// Makes any string safe to process: drops control characters, lone surrogates, zero-width and bidi marks,
/// applies NFC, collapses whitespace; then folds case and Latin accents (Devanagari keeps its vowel signs).
/// </summary>
public static class TextNormalizer
{
    public const int MaxLength = 4000;

    public static NormalizedText Normalize(string? raw)
    {
        var clean = Clean(raw ?? string.Empty);
        var folded = Fold(clean);
        return new NormalizedText(clean, folded, Tokenize(folded));
    }

    public static string Clean(string raw)
    {
        var builder = new StringBuilder(Math.Min(raw.Length, MaxLength));
        var lastWasSpace = true;
        for (var i = 0; i < raw.Length && builder.Length < MaxLength; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                builder.Append(c).Append(raw[++i]);
                lastWasSpace = false;
                continue;
            }

            if (char.IsSurrogate(c) || c == '\uFFFD' || IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
        }

        return builder.ToString().Trim().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Lower case; accents removed from Latin letters only, so "fièvre" matches "fievre"; full-width Latin letters
    /// and digits (typed by phone keyboards set to Chinese or Japanese input) read as their ASCII twins, so "ＳＴＯＰ" is
    /// STOP. Not NFKC: that would also rewrite Devanagari nukta letters the rule files spell precomposed.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = FullWidthToAscii(text).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var previousBase = '\0';
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark && previousBase <= '\u024F')
            {
                continue;
            }

            if (category != UnicodeCategory.NonSpacingMark && category != UnicodeCategory.SpacingCombiningMark)
            {
                previousBase = c;
            }

            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string FullWidthToAscii(string text)
    {
        if (!text.Any(c => c is >= '\uFF01' and <= '\uFF5E' or '\u3000'))
        {
            return text;
        }

        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });
    }

    public static List<string> Tokenize(string folded)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in folded)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\u00AD'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
