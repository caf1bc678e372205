using System.Text.RegularExpressions;

namespace HealthBot.Admin;

/// <summary>
/// Text composed in code outside the pages (the campaign validator's problems, a provider's or the backup's state,
/// audit details) stays English for the command line, the API and the logs; the workspace translates it here. A key
/// with <c>{0}</c>…<c>{9}</c> is a pattern: each placeholder stands for any text, which is translated in turn when
/// it is itself a known phrase ("last backup … (5 h ago)").
/// </summary>
public static partial class UiText
{
    private static readonly Lazy<IReadOnlyList<(Regex Pattern, string Key)>> Patterns = new(BuildPatterns);

    /// <summary>A text built in code, in the page's language (unchanged when no key or pattern knows it).</summary>
    public static string Built(this HttpContext http, string? english) => Built(Language(http), english);

    public static string Built(string language, string? english) => Built(language, english ?? string.Empty, 0);

    /// <summary>Whether a text built in code has a translation (asked by the tests).</summary>
    public static bool Knows(string english) =>
        Table("fr").ContainsKey(english) || Patterns.Value.Any(p => p.Pattern.IsMatch(english));

    private static string Built(string language, string english, int depth)
    {
        if (english.Length == 0 || !Tables.Value.ContainsKey(language))
        {
            return english;
        }

        if (Table(language).TryGetValue(english, out var exact))
        {
            return exact;
        }

        foreach (var (pattern, key) in depth > 2 ? [] : Patterns.Value)
        {
            if (pattern.Match(english) is { Success: true } match)
            {
                return PlaceholderKey().Replace(Get(language, key), p =>
                    Built(language, match.Groups["p" + p.Value[1]].Value, depth + 1));
            }
        }

        return english;
    }

    /// <summary>Every key with a placeholder, the most specific first (longest fixed text).</summary>
    private static List<(Regex, string)> BuildPatterns() =>
        Table("fr").Keys.Where(k => PlaceholderKey().IsMatch(k))
            .OrderByDescending(k => PlaceholderKey().Replace(k, string.Empty).Length)
            .Select(k => (new Regex(
                "^" + string.Concat(PlaceholderKey().Split(k).Select((part, i) => i % 2 == 0
                    ? Regex.Escape(part)
                    : $"(?<p{part}>.+?)")) + "$",
                RegexOptions.Singleline | RegexOptions.CultureInvariant), k))
            .ToList();

    [GeneratedRegex(@"\{([0-9])\}")]
    private static partial Regex PlaceholderKey();
}
