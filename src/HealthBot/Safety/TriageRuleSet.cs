using HealthBot.Content;
using HealthBot.Dialog;
using HealthBot.Grounding;

namespace HealthBot.Safety;

/// <summary>A phrase of the rules as stems, e.g. "baby not moving" → [baby, not, moving].</summary>
internal sealed record TriagePhrase(string Text, IReadOnlyList<string> Stems);

/// <summary>One danger-sign rule: any sign, plus (when given) any context phrase, makes an emergency.</summary>
internal sealed record TriageRule(string Name, string? TopicId, IReadOnlyList<TriagePhrase> Signs, IReadOnlyList<TriagePhrase> Context);

/// <summary>The danger-sign rules of one language, parsed from content/&lt;lang&gt;/triage.md.</summary>
internal sealed record TriageRuleSet(
    string Language,
    IReadOnlyList<TriageRule> Rules,
    IReadOnlySet<string> Negations,
    IReadOnlyList<TriagePhrase> Asking,
    IReadOnlyList<TriagePhrase> Now)
{
    public PhraseIndex SignIndex { get; } = new(Rules.SelectMany(r => r.Signs.Concat(r.Context)));

    public PhraseIndex AskingIndex { get; } = new(Asking);

    public PhraseIndex NowIndex { get; } = new(Now);

    public static TriageRuleSet Parse(string language, ContentDocument document, List<ContentError> errors)
    {
        var rules = new List<TriageRule>();
        var negations = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<TriagePhrase> asking = [], now = [];
        foreach (var (name, section) in document.Sections)
        {
            var lines = Lines(section.Text);
            if (name.StartsWith("topic:", StringComparison.Ordinal) || name.StartsWith("emergency:", StringComparison.Ordinal))
            {
                var id = name[(name.IndexOf(':') + 1)..].Trim();
                var signs = Phrases(language, lines.GetValueOrDefault("signs"));
                if (signs.Count == 0)
                {
                    errors.Add(new ContentError(document.File, section.Line, $"rule '{name}' has no 'signs:' line"));
                    continue;
                }

                rules.Add(new TriageRule(id, name.StartsWith("topic:", StringComparison.Ordinal) ? id : null, signs, Phrases(language, lines.GetValueOrDefault("when"))));
            }
            else if (name == "negation")
            {
                negations.UnionWith(Phrases(language, lines.GetValueOrDefault("words")).SelectMany(p => p.Stems));
            }
            else if (name == "asking")
            {
                asking = Phrases(language, lines.GetValueOrDefault("phrases"));
            }
            else if (name == "now")
            {
                now = Phrases(language, lines.GetValueOrDefault("phrases"));
            }
            else
            {
                errors.Add(new ContentError(document.File, section.Line, $"unknown section '## {name}' (expected topic:, emergency:, negation, asking or now)"));
            }
        }

        return new TriageRuleSet(language, rules, negations, asking, now);
    }

    public static IReadOnlyList<string> StemsOf(string text, string language) =>
        TextNormalizer.Normalize(text).Tokens.Select(t => Stemmer.Stem(t, language)).ToList();

    private static Dictionary<string, string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(':', StringComparison.Ordinal))
            .GroupBy(l => l[..l.IndexOf(':')].Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(l => l[(l.IndexOf(':') + 1)..])));

    private static List<TriagePhrase> Phrases(string language, string? alternatives) =>
        (alternatives ?? string.Empty).Split('|').Select(p => p.Trim()).Where(p => p.Length > 0)
            .Select(p => new TriagePhrase(p, StemsOf(p, language))).Where(p => p.Stems.Count > 0).ToList();
}
