using HealthBot.Content;
using HealthBot.Grounding;

namespace HealthBot.Dialog.Memory;

/// <summary>
/// Splits an item's web answer into sections (a paragraph, or a heading line with the list under it) and finds
/// the one a follow-up asks about. A list is never split from its heading: "Do NOT:" must stay with its bullets.
/// </summary>
internal static class ContentSections
{
    private const int PrefixLength = 4;
    private const double CloseShare = 0.75;
    private const int MaxSections = 3;

    public static IReadOnlyList<string> Split(ContentItem item)
    {
        var sections = new List<List<string>>();
        var heading = false;
        foreach (var raw in item.Web.Split('\n'))
        {
            var line = raw.Trim();
            // The sample-content notice closes every answer; it answers nothing.
            if (line.Length == 0 || line.StartsWith('_') || line.StartsWith("<!--", StringComparison.Ordinal))
            {
                continue;
            }

            // Markdown emphasis would reach an SMS as asterisks.
            line = line.Replace("**", string.Empty, StringComparison.Ordinal);
            var bullet = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal);
            if (bullet && heading)
            {
                sections[^1].Add(line);
                continue;
            }

            sections.Add([line]);
            heading = !bullet && line.TrimEnd().EndsWith(':');
        }

        return sections.Select(s => string.Join('\n', s)).ToList();
    }

    /// <summary>
    /// The sections sharing most of <paramref name="words"/> (rarer words count more): the best and any close to it, in
    /// the item's order; null when no section shares any.
    /// </summary>
    public static string? Best(ContentItem item, IReadOnlyList<string> words, string language)
    {
        var sections = Split(item);
        if (sections.Count < 2 || words.Count == 0)
        {
            return null;
        }

        var stems = words.Select(w => Stemmer.MatchStem(w, language)).Distinct().ToList();
        var sectionStems = sections
            .Select(s => TextNormalizer.Normalize(s).Tokens.Select(t => Stemmer.MatchStem(t, language)).ToList())
            .ToList();
        var scores = sectionStems.Select(section => stems.Where(s => section.Any(t => Matches(t, s)))
                // A word found in every section ("child", "malaria") tells little about which one is asked for.
                .Sum(stem => Math.Log(1.0 + (double)sections.Count / sectionStems.Count(other => other.Any(t => Matches(t, stem))))))
            .ToList();
        var top = scores.Max();
        if (top <= 0)
        {
            return null;
        }

        var chosen = sections.Where((_, i) => scores[i] >= top * CloseShare).Take(MaxSections);
        return string.Join('\n', chosen);
    }

    /// <summary>Whether most of <paramref name="words"/> (more than half) occur in the item (title, keywords or answers).</summary>
    public static bool Covers(ContentItem item, IReadOnlyList<string> words, string language) =>
        Covered(item, words, language) * 2 > words.Count;

    /// <summary>Whether every one of <paramref name="words"/> occurs in the item.</summary>
    public static bool CoversAll(ContentItem item, IReadOnlyList<string> words, string language) =>
        Covered(item, words, language) == words.Count;

    /// <summary>
    /// The keywords of <paramref name="other"/> that <paramref name="words"/> say whole (every word of the phrase)
    /// and no keyword of <paramref name="item"/> says too, each as the message's words: the message names the other
    /// topic. Words that say who is affected ("and for a newborn?") name no topic.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> NamedByOther(
        ContentItem other, ContentItem item, IReadOnlyList<string> words, string language)
    {
        var people = FollowUpCues.PersonStems(language);
        var asked = words.Where(w => !people.Contains(Stemmer.MatchStem(w, language))).ToList();
        var stems = asked.Select(w => Stemmer.MatchStem(w, language)).ToList();
        var own = Named(item, stems, language).SelectMany(k => k).ToHashSet(StringComparer.Ordinal);
        return Named(other, stems, language).Where(k => !k.All(own.Contains))
            .Select(k => (IReadOnlyList<string>)k.Select(s => asked[stems.IndexOf(s)]).ToList()).ToList();
    }

    /// <summary>The item's keywords (and title) said whole in the message, each as the stems that say it.</summary>
    private static List<List<string>> Named(ContentItem item, IReadOnlyList<string> stems, string language)
    {
        var function = TextNormalizer.Normalize(LanguageSeeds.FunctionWords.GetValueOrDefault(language) ?? string.Empty)
            .Tokens.ToHashSet(StringComparer.Ordinal);
        var named = new List<List<string>>();
        foreach (var keyword in item.Keywords.Append(item.Title))
        {
            var parts = TextNormalizer.Normalize(keyword).Tokens.Where(t => !function.Contains(t))
                .Select(t => Stemmer.MatchStem(t, language)).ToList();
            var found = parts.Select(p => stems.FirstOrDefault(s => Matches(s, p))).ToList();
            if (parts.Count > 0 && found.All(f => f is not null))
            {
                named.Add(found.OfType<string>().Distinct().ToList());
            }
        }

        return named;
    }

    private static int Covered(ContentItem item, IReadOnlyList<string> words, string language)
    {
        var text = string.Join(' ', [item.Title, .. item.Keywords, .. item.Examples, item.Sms, item.Web]);
        var stems = TextNormalizer.Normalize(text).Tokens.Select(t => Stemmer.MatchStem(t, language))
            .ToHashSet(StringComparer.Ordinal);
        return words.Select(w => Stemmer.MatchStem(w, language)).Count(w => stems.Any(t => Matches(t, w)));
    }

    private static bool Matches(string word, string stem) =>
        word == stem || (stem.Length >= PrefixLength && word.StartsWith(stem, StringComparison.Ordinal))
        || (word.Length >= PrefixLength && stem.StartsWith(word, StringComparison.Ordinal));
}
