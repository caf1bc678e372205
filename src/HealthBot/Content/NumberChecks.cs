using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static HealthBot.Content.ContentValidator;

namespace HealthBot.Content;

/// <summary>
/// A translation gives the same numbers as English (hours, days, weeks, ages): a changed number is the most
/// dangerous translation mistake and the easiest to check. Compares the multiset of numbers, sms with sms and
/// web with web; "10-14" counts as 10 and 14, and Devanagari digits count as the same numbers.
/// </summary>
internal static partial class NumberChecks
{
    public static void Check(ContentFile translation, ContentFile? english, List<ContentFinding> findings)
    {
        if (translation.Item is not { } item || english?.Item is not { } source)
        {
            return;
        }

        Compare(translation, "sms", item.Sms, source.Sms, findings);
        Compare(translation, "web", item.Web, source.Web, findings);
    }

    /// <summary>The numbers in <paramref name="text"/>, as ASCII digits without leading zeros, sorted.</summary>
    public static List<string> Numbers(string text)
    {
        var numbers = new List<string>();
        foreach (Match match in Digits().Matches(text))
        {
            var ascii = new StringBuilder(match.Length);
            foreach (var c in match.Value)
            {
                ascii.Append((char)('0' + (int)CharUnicodeInfo.GetDecimalDigitValue(c)));
            }

            var trimmed = ascii.ToString().TrimStart('0');
            numbers.Add(trimmed.Length == 0 ? "0" : trimmed);
        }

        numbers.Sort(StringComparer.Ordinal);
        return numbers;
    }

    private static void Compare(ContentFile translation, string section, string text, string englishText, List<ContentFinding> findings)
    {
        var missing = Numbers(englishText);
        var extra = new List<string>();
        foreach (var number in Numbers(text))
        {
            if (!missing.Remove(number))
            {
                extra.Add(number);
            }
        }

        if (missing.Count == 0 && extra.Count == 0)
        {
            return;
        }

        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add($"missing {string.Join(", ", missing)}");
        }

        if (extra.Count > 0)
        {
            parts.Add($"extra {string.Join(", ", extra)}");
        }

        var line = translation.Document.Sections.TryGetValue(section, out var s) ? s.Line : 1;
        findings.Add(Error(translation.Path, line, $"the {section} numbers differ from the English {section}: {string.Join("; ", parts)}"));
    }

    // Latin digits and Devanagari digits (०-९); other scripts' digits are not used in HealthBot content.
    [GeneratedRegex("[0-9\u0966-\u096F]+")]
    private static partial Regex Digits();
}
