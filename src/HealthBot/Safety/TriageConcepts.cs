using HealthBot.Content;

namespace HealthBot.Safety;

/// <summary>
/// The concepts of one language's rules (<c>## concept: NAME</c> with <c>words:</c>): a body part, a sign, a severity,
/// a time, a person. A rule's <c>combine: a + b | c + d</c> fires when every concept of one combination is said
/// anywhere in the message ("blood" + "a lot" in "blood all over the floor"), so everyday words combine without
/// each whole phrase being listed.
/// </summary>
internal static class TriageConcepts
{
    public static Dictionary<string, TriageConcept> Parse(string language, ContentDocument document)
    {
        var concepts = new Dictionary<string, TriageConcept>(StringComparer.Ordinal);
        var sections = document.Sections.Where(s => s.Key.StartsWith("concept:", StringComparison.Ordinal));
        foreach (var (name, section) in sections)
        {
            var lines = TriageRuleSet.Lines(section.Text);
            concepts[name[(name.IndexOf(':') + 1)..].Trim()] = new TriageConcept(
                TriageRuleSet.Phrases(language, lines.GetValueOrDefault("words")),
                TriageRuleSet.Phrases(language, lines.GetValueOrDefault("except")));
        }

        return concepts;
    }

    /// <summary>The word of <paramref name="concept"/> said, unless one of its exceptions is said.</summary>
    public static TriagePhrase? Said(TriageRuleSet set, string concept, IReadOnlySet<TriagePhrase> present) =>
        set.Concepts?.GetValueOrDefault(concept) is { } known && !known.Except.Any(present.Contains)
            ? known.Words.FirstOrDefault(present.Contains)
            : null;

    /// <summary>The rule's <c>combine:</c> alternatives as lists of concept names; unknown ones reported.</summary>
    public static IReadOnlyList<ConceptCombination> Combinations(
        string? line, IReadOnlyDictionary<string, TriageConcept> concepts, Action<string> unknown)
    {
        var combinations = new List<ConceptCombination>();
        foreach (var alternative in TriageRuleSet.Split(line))
        {
            // "weak ~ very": both in one clause ("very weak"), not "the milk is weak, she cries a lot".
            var oneClause = alternative.Contains('~', StringComparison.Ordinal);
            var names = alternative.Split('+', '~').Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
            var missing = names.Where(n => !concepts.ContainsKey(n)).ToList();
            missing.ForEach(unknown);
            if (missing.Count == 0 && names.Count > 0)
            {
                combinations.Add(new ConceptCombination(names, oneClause));
            }
        }

        return combinations;
    }

    /// <summary>The first combination of <paramref name="rule"/> whose every concept is said, with its words.</summary>
    public static string? Explain(TriageRule rule, TriageRuleSet set, IReadOnlySet<TriagePhrase> present)
    {
        foreach (var combination in rule.Combinations)
        {
            var said = combination.Select(c => (Concept: c, Phrase: Said(set, c, present))).ToList();
            if (said.All(s => s.Phrase is not null))
            {
                return string.Join(" + ", said.Select(s => $"{s.Concept} '{s.Phrase!.Text}'"));
            }
        }

        return null;
    }
}

/// <summary>
/// A concept's words, and the phrases that take it back: "blood" is not bleeding in "blood pressure" or "blood test"
/// (<c>except:</c>), so "high blood pressure, how much salt is too much" is no "blood + a lot".
/// </summary>
internal sealed record TriageConcept(IReadOnlyList<TriagePhrase> Words, IReadOnlyList<TriagePhrase> Except);

/// <summary>
/// The concept names of one <c>combine:</c> alternative; <see cref="OneClause"/> when joined by <c>~</c>.
/// </summary>
internal sealed class ConceptCombination(IEnumerable<string> names, bool oneClause) : List<string>(names)
{
    /// <summary>Every concept must be said in one clause (between commas, "and", "but"), not anywhere.</summary>
    public bool OneClause { get; } = oneClause;
}
