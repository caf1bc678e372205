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
    private volatile IReadOnlyList<TriageRuleSet> ruleSets = [];

    public RuleTriage(ContentCatalog catalog)
    {
        catalog.Reloaded += Build;
        Build(catalog.Current);
    }

    public TriageResult Assess(NormalizedText text, string language)
    {
        var sets = ruleSets;
        // The message's own language and English (mixed in everywhere) lend their asking and "now" words to every
        // rule set: "que faire en cas de convulsions" must read as a question to the English rule too.
        var helpers = sets.Where(s => s.Language == "en" || s.Language == language).ToList();
        var ownNegations = sets.Where(s => s.Language == language).SelectMany(h => h.Negations).ToList();
        foreach (var set in sets.OrderBy(s => s.Language == language ? 0 : 1))
        {
            var stems = TriageRuleSet.StemsOf(text.Clean, set.Language);
            // Negations come only from the rule set's own language and the message's: English "no" is Portuguese "in the".
            var negations = set.Negations.Union(ownNegations).ToHashSet(StringComparer.Ordinal);
            var present = set.SignIndex.Find(stems, negations);
            if (present.Count == 0)
            {
                continue;
            }

            var fired = set.Rules.FirstOrDefault(rule =>
                rule.Signs.Any(present.Contains) && (rule.Context.Count == 0 || rule.Context.Any(present.Contains)));
            if (fired is null)
            {
                continue;
            }

            // Asking versus happening now depends on the message, not the rule: decided once per rule set.
            var asking = helpers.Append(set).Any(h => h.AskingIndex.Find(stems, null).Count > 0);
            var now = helpers.Append(set).Any(h => h.NowIndex.Find(stems, null).Count > 0);
            if (asking && !now)
            {
                continue;
            }

            return new TriageResult(true, fired.TopicId, $"{set.Language}:{fired.Name}");
        }

        return TriageResult.None;
    }

    private void Build(ContentLibrary library)
    {
        var errors = new List<ContentError>();
        ruleSets = library.Triage.Select(t => TriageRuleSet.Parse(t.Key, t.Value, errors)).ToList();
    }
}
