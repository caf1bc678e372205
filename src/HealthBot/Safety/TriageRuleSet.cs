using HealthBot.Content;
using HealthBot.Dialog;
using HealthBot.Grounding;

namespace HealthBot.Safety;

/// <summary>A phrase of the rules as stems and as written, e.g. "baby not moving" → [baby, not, moving].</summary>
internal sealed record TriagePhrase(string Text, IReadOnlyList<string> Stems, IReadOnlyList<string> Words)
{
    /// <summary>Only function words ("my", "she is"): a weak sign of "happening now".</summary>
    public bool Weak { get; init; }
}

/// <summary>
/// One danger-sign rule: any sign, or every concept of one of its <see cref="Combinations"/>, plus (when given) any
/// context phrase, makes an emergency. <paramref name="Topics"/> are the items that may follow the referral (the
/// rule's topic and its <c>topics:</c> line).
/// </summary>
internal sealed record TriageRule(
    string Name,
    string? TopicId,
    IReadOnlyList<TriagePhrase> Signs,
    IReadOnlyList<TriagePhrase> Context,
    IReadOnlyList<string> Topics)
{
    /// <summary>
    /// <c>combine: blood + heavy | pregnant + blood</c>: each concept (a <c>## concept: NAME</c> section) found
    /// anywhere in the message (with <c>~</c>, in one clause).
    /// Concepts (body part, sign, severity, time) generalise better than whole phrases.
    /// </summary>
    public IReadOnlyList<ConceptCombination> Combinations { get; init; } = [];
}

/// <summary>Who a message is about (<c>## affected: NAME</c>) and the topics that fit them, best first.</summary>
internal sealed record AffectedGroup(string Name, IReadOnlyList<string> Topics, PhraseIndex Index);

/// <summary>The danger-sign rules of one language, parsed from content/&lt;lang&gt;/triage.md.</summary>
internal sealed record TriageRuleSet(
    string Language,
    IReadOnlyList<TriageRule> Rules,
    IReadOnlySet<string> Negations,
    IReadOnlyList<TriagePhrase> Asking,
    IReadOnlyList<TriagePhrase> Now,
    IReadOnlyList<TriagePhrase> Calm,
    IReadOnlyList<AffectedGroup> Affected,
    IReadOnlyDictionary<string, TriageConcept>? Concepts = null)
{
    public PhraseIndex SignIndex { get; } = new(Rules.SelectMany(r => r.Signs.Concat(r.Context))
        .Concat(Concepts?.Values.SelectMany(c => c.Words.Concat(c.Except)) ?? []));

    /// <summary>
    /// Exceptions that are a concept's own word in a compound ("blood pressure", "high blood"): a sign matched across a
    /// gap may not end inside one ("too much with high blood pressure" is no "too much blood").
    /// </summary>
    public IReadOnlyList<TriagePhrase> Compounds { get; } = Concepts?.Values.SelectMany(c => c.Except.Where(e =>
        e.Stems.Count > 1 && c.Words.Any(w => w.Stems.Count == 1 && e.Stems.Contains(w.Stems[0])))).ToList() ?? [];

    public PhraseIndex AskingIndex { get; } = new(Asking);

    public PhraseIndex NowIndex { get; } = new(Now);

    public PhraseIndex CalmIndex { get; } = new(Calm, literal: true);

    public static TriageRuleSet Parse(string language, ContentDocument document, List<ContentError> errors)
    {
        var rules = new List<TriageRule>();
        var negations = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<TriagePhrase> asking = [], now = [];
        var calm = Phrases(language, TriageDefaults.Calm.GetValueOrDefault(language));
        var affected = TriageDefaults.Affected.ToDictionary(a => a.Name, a => (Topics: Split(a.Topics), Words: a.Words.GetValueOrDefault(language)));
        var concepts = TriageConcepts.Parse(language, document);
        foreach (var (name, section) in document.Sections)
        {
            var lines = Lines(section.Text);
            if (name.StartsWith("concept:", StringComparison.Ordinal))
            {
                continue;
            }

            if (name.StartsWith("topic:", StringComparison.Ordinal) || name.StartsWith("emergency:", StringComparison.Ordinal))
            {
                var id = name[(name.IndexOf(':') + 1)..].Trim();
                var signs = Phrases(language, lines.GetValueOrDefault("signs"));
                var combinations = TriageConcepts.Combinations(lines.GetValueOrDefault("combine"), concepts,
                    unknown => errors.Add(new ContentError(document.File, section.LineOfKey("combine", unknown),
                        $"rule '{name}' combines an unknown concept '{unknown}'")));
                if (signs.Count == 0 && combinations.Count == 0)
                {
                    errors.Add(new ContentError(
                        document.File, section.Line, $"rule '{name}' has no 'signs:' or 'combine:' line"));
                    continue;
                }

                var topic = name.StartsWith("topic:", StringComparison.Ordinal) ? id : null;
                var topics = Split(lines.GetValueOrDefault("topics") ?? TriageDefaults.RuleTopics.GetValueOrDefault(id));
                rules.Add(new TriageRule(id, topic, signs, Phrases(language, lines.GetValueOrDefault("when")),
                    topic is null ? topics : [topic, .. topics.Where(t => t != topic)])
                {
                    Combinations = combinations,
                });
            }
            else if (name.StartsWith("affected:", StringComparison.Ordinal))
            {
                var group = name[(name.IndexOf(':') + 1)..].Trim();
                var known = affected.GetValueOrDefault(group);
                affected[group] = (lines.TryGetValue("topics", out var t) ? Split(t) : known.Topics ?? [], lines.GetValueOrDefault("words") ?? known.Words);
            }
            else if (name == "negation")
            {
                negations.UnionWith(Phrases(language, lines.GetValueOrDefault("words")).SelectMany(p => p.Stems));
            }
            else if (name is "asking" or "now" or "calm")
            {
                var phrases = Phrases(language, lines.GetValueOrDefault("phrases"));
                if (name == "asking")
                {
                    asking = phrases;
                }
                else if (name == "now")
                {
                    now = phrases;
                }
                else
                {
                    calm = phrases;
                }
            }
            else
            {
                errors.Add(new ContentError(document.File, section.Line,
                    $"unknown section '## {name}' " +
                    "(expected topic:, emergency:, concept:, affected:, negation, asking, now or calm)"));
            }
        }

        var groups = affected.Where(a => a.Value.Topics.Count > 0 && a.Value.Words is not null)
            .Select(a => new AffectedGroup(a.Key, a.Value.Topics, new PhraseIndex(Phrases(language, a.Value.Words)))).ToList();
        var weighed = now.Select(p => p with { Weak = IsWeak(p, language) }).ToList();
        return new TriageRuleSet(language, rules, negations, asking, weighed, calm, groups, concepts);
    }

    public static IReadOnlyList<string> StemsOf(string text, string language) =>
        TextNormalizer.Normalize(text).Tokens.Select(t => Stemmer.Stem(t, language)).ToList();

    private static bool IsWeak(TriagePhrase phrase, string language)
    {
        var function = TextNormalizer.Normalize(LanguageSeeds.FunctionWords.GetValueOrDefault(language) ?? string.Empty).Tokens.ToHashSet();
        return phrase.Words.All(function.Contains);
    }

    internal static List<string> Split(string? alternatives) =>
        (alternatives ?? string.Empty).Split('|').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

    internal static Dictionary<string, string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(':', StringComparison.Ordinal))
            .GroupBy(l => l[..l.IndexOf(':')].Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(l => l[(l.IndexOf(':') + 1)..])));

    internal static List<TriagePhrase> Phrases(string language, string? alternatives) =>
        Split(alternatives).Select(p => (Text: p, Words: TriageSpelling.Fold(TextNormalizer.Normalize(p).Tokens, message: false)))
            .Select(p => new TriagePhrase(p.Text, p.Words.Select(w => Stemmer.Stem(w, language)).ToList(), p.Words))
            .Where(p => p.Stems.Count > 0).ToList();
}
