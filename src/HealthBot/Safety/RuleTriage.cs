using HealthBot.Content;
using HealthBot.Dialog;

namespace HealthBot.Safety;

/// <summary>
/// Emergency triage from the danger-sign rules staff keep in content/&lt;lang&gt;/triage.md. Every language's rules
/// are tried (people mix languages), each with its own negation, asking and "happening now" words plus English
/// ones. A sign that is negated does not count; a message that only asks about danger signs is information
/// unless it also says it is happening now. Recall comes first: when in doubt, it is an emergency.
/// </summary>
public sealed class RuleTriage : ITriage
{
    private const int MaxGap = 2;
    private const int NegationWindow = 3;
    private volatile IReadOnlyList<TriageRuleSet> ruleSets = [];

    public RuleTriage(ContentCatalog catalog)
    {
        catalog.Reloaded += Build;
        Build(catalog.Current);
    }

    public TriageResult Assess(NormalizedText text, string language)
    {
        var sets = ruleSets;
        // The message's own language and English (mixed in everywhere) lend their negation, asking and "now"
        // words to every rule set: "que faire en cas de convulsions" must read as a question to the English rule too.
        var helpers = sets.Where(s => s.Language == "en" || s.Language == language).ToList();
        foreach (var set in sets.OrderBy(s => s.Language == language ? 0 : 1))
        {
            var stems = TriageRuleSet.StemsOf(text.Clean, set.Language);
            // Negations come only from the rule set's own language and the message's: English "no" is Portuguese "in the".
            var negations = set.Negations.Union(sets.Where(s => s.Language == language).SelectMany(h => h.Negations)).ToHashSet(StringComparer.Ordinal);
            foreach (var rule in set.Rules)
            {
                if (!rule.Signs.Any(p => Matches(stems, p, negations)))
                {
                    continue;
                }

                if (rule.Context.Count > 0 && !rule.Context.Any(p => Matches(stems, p, negations)))
                {
                    continue;
                }

                var asking = AnyPhrase(stems, set.Asking, helpers.Where(h => h != set).SelectMany(h => h.Asking).ToList());
                var now = AnyPhrase(stems, set.Now, helpers.Where(h => h != set).SelectMany(h => h.Now).ToList());
                if (asking && !now)
                {
                    continue;
                }

                return new TriageResult(true, rule.TopicId, $"{set.Language}:{rule.Name}");
            }
        }

        return TriageResult.None;
    }

    private static bool AnyPhrase(IReadOnlyList<string> stems, IReadOnlyList<TriagePhrase> own, IReadOnlyList<TriagePhrase>? english) =>
        own.Concat(english ?? []).Any(p => Matches(stems, p, null));

    /// <summary>The phrase's words in order, each starting a message word, with at most <see cref="MaxGap"/> words between.</summary>
    internal static bool Matches(IReadOnlyList<string> stems, TriagePhrase phrase, IReadOnlySet<string>? negations)
    {
        for (var start = 0; start < stems.Count; start++)
        {
            if (!WordMatches(stems[start], phrase.Stems[0]) || Negated(stems, start, negations))
            {
                continue;
            }

            var position = start;
            var matched = 1;
            while (matched < phrase.Stems.Count)
            {
                var next = Enumerable.Range(position + 1, Math.Max(0, Math.Min(MaxGap + 1, stems.Count - position - 1)))
                    .FirstOrDefault(i => WordMatches(stems[i], phrase.Stems[matched]), -1);
                if (next < 0)
                {
                    break;
                }

                position = next;
                matched++;
            }

            if (matched == phrase.Stems.Count)
            {
                return true;
            }
        }

        return false;
    }

    private static bool WordMatches(string word, string pattern) =>
        word == pattern || (pattern.Length >= 4 && word.StartsWith(pattern, StringComparison.Ordinal));

    private static bool Negated(IReadOnlyList<string> stems, int start, IReadOnlySet<string>? negations) =>
        negations is not null && Enumerable.Range(Math.Max(0, start - NegationWindow), start - Math.Max(0, start - NegationWindow)).Any(i => negations.Contains(stems[i]));

    private void Build(ContentLibrary library)
    {
        var errors = new List<ContentError>();
        ruleSets = library.Triage.Select(t => TriageRuleSet.Parse(t.Key, t.Value, errors)).ToList();
    }
}
