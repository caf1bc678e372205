using HealthBot.Content;
using HealthBot.Dialog;
using HealthBot.Grounding;

namespace HealthBot.Safety;

/// <summary>
/// Emergency triage from the danger-sign rules staff keep in content/&lt;lang&gt;/triage.md. Every language's rules
/// are tried (people mix languages), each with its own negation words plus the message's; another language's short
/// rule words must match whole words. Whether it is happening now is weighed (<see cref="TriageWeighing"/>). Who is
/// affected picks the topic after the referral. Recall comes first: when in doubt, it is an emergency.
/// </summary>
public sealed class RuleTriage : ITriage
{
    private volatile IReadOnlyList<TriageRuleSet> ruleSets = [];
    private volatile IReadOnlySet<string> known = new HashSet<string>();
    private volatile TriageMixing mixing = TriageMixing.Empty;

    public RuleTriage(ContentCatalog catalog)
    {
        catalog.Follow(Build);
    }

    public TriageResult Assess(NormalizedText text, string language, string? contextTopic = null)
    {
        var sets = ruleSets;
        var words = new TriageWords(text, language, known, mixing);
        var mixed = mixing.Languages(words.Tokens, language);
        // The message's own language and English (mixed in everywhere) lend their asking and "now" words to every
        // rule set: "que faire en cas de convulsions" must read as a question to the English rule too.
        var helpers = sets.Where(s => s.Language == "en" || s.Language == language).ToList();
        var ownNegations = sets.Where(s => s.Language == language).SelectMany(h => h.Negations).ToList();
        foreach (var set in sets.OrderBy(s => s.Language == language ? 0 : 1))
        {
            // Negations come only from the rule set's own language and the message's: English "no" is Portuguese "in the".
            var negations = set.Negations.Union(ownNegations).ToHashSet(StringComparer.Ordinal);
            var present = words.Find(set, set.SignIndex, negations);
            if (present.Count == 0)
            {
                continue;
            }

            // Concepts combine loose words ("temp", "pain"): in the message's own language, and in another whose
            // rule words the message uses (Sheng, Hinglish), never merely on words that look alike.
            var combine = set.Language == language || mixed.Contains(set.Language);
            var clauses = new Lazy<IReadOnlyList<HashSet<TriagePhrase>>>(
                () => words.FindByClause(set, set.SignIndex, negations));
            var fired = set.Rules.FirstOrDefault(rule => Said(rule, set, present, combine, clauses) &&
                (rule.Context.Count == 0 || rule.Context.Any(present.Contains) || SamePerson(rule, contextTopic, set)));
            // Asking versus happening now depends on the message, not the rule: decided once per rule set.
            var signs = set.Rules.SelectMany(r => r.Signs).Where(present.Contains);
            if (fired is null || !TriageWeighing.HappeningNow(words, [.. helpers, set], ownNegations.ToHashSet(), signs))
            {
                continue;
            }

            var (topics, saysWho) = Topics(fired, words, [.. helpers, set], sets);
            return new TriageResult(true, topics.Count > 0 ? topics[0] : fired.TopicId, $"{set.Language}:{fired.Name}")
            {
                Topics = topics,
                RuleTopics = fired.Topics,
                SaysWho = saysWho,
                Why = Why(fired, set, present),
            };
        }

        return TriageResult.None;
    }

    /// <summary>
    /// The topics to follow the referral, fitted to who is affected: the rule's candidates that fit them; for a rule
    /// about a person the message puts second (pregnancy signs in "bleeding days after birth"), that person's topics;
    /// else the rule's topic. Groups come in order of precedence: a newborn before a child.
    /// </summary>
    private static (IReadOnlyList<string> Topics, bool SaysWho) Topics(TriageRule fired, TriageWords words, IReadOnlyList<TriageRuleSet> helpers, IReadOnlyList<TriageRuleSet> all)
    {
        // An emergency rule with one topic of its own ("self-poisoning" → mental-health) says what follows it.
        IReadOnlyList<string> own = fired.TopicId is { } t ? [t] : fired.Topics.Count == 1 ? fired.Topics : [];
        var groups = all.SelectMany(s => s.Affected).GroupBy(g => g.Name).Select(g => g.First()).ToList();
        var mentioned = helpers.SelectMany(h => h.Affected.Where(g => words.Find(h, g.Index, null).Count > 0)).Select(g => g.Name).ToHashSet();
        var affected = groups.FindIndex(g => mentioned.Contains(g.Name));
        if (affected < 0)
        {
            return (own, false);
        }

        var group = groups[affected];
        var fitting = fired.Topics.Where(group.Topics.Contains).ToList();
        if (fitting.Count > 0)
        {
            return (fitting, true);
        }

        // The rule's own "when:" already says who: only a person of higher precedence overrides it.
        var ruleGroup = fired.TopicId is { } topic ? groups.FindIndex(g => g.Topics.Contains(topic)) : -1;
        return (ruleGroup > affected ? group.Topics : own, true);
    }

    private static bool Said(TriageRule rule, TriageRuleSet set, HashSet<TriagePhrase> present, bool combine,
        Lazy<IReadOnlyList<HashSet<TriagePhrase>>> clauses) =>
        rule.Signs.Any(present.Contains) || combine && rule.Combinations.Any(c => AllSaid(c, set, present) &&
            (!c.OneClause || clauses.Value.Any(clause => AllSaid(c, set, clause))));

    private static bool AllSaid(ConceptCombination combination, TriageRuleSet set, HashSet<TriagePhrase> present) =>
        combination.All(concept => TriageConcepts.Said(set, concept, present) is not null);

    /// <summary>For <c>chat --explain</c>: the sign or the concepts that fired, and the context.</summary>
    private static string Why(TriageRule rule, TriageRuleSet set, HashSet<TriagePhrase> present)
    {
        var sign = rule.Signs.FirstOrDefault(present.Contains) is { } phrase
            ? $"sign '{phrase.Text}'"
            : $"concepts {TriageConcepts.Explain(rule, set, present)}";
        return rule.Context.FirstOrDefault(present.Contains) is { } context ? $"{sign}; when '{context.Text}'" : sign;
    }

    /// <summary>The remembered topic is about the person the rule's "when:" asks for (a child, a pregnancy…).</summary>
    private static bool SamePerson(TriageRule rule, string? contextTopic, TriageRuleSet set) =>
        contextTopic is not null && rule.TopicId is { } topic &&
        set.Affected.Any(g => g.Topics.Contains(topic) && g.Topics.Contains(contextTopic));

    private void Build(ContentLibrary library)
    {
        var built = ContentBuilds.Get(library, nameof(RuleTriage), Rules);
        known = built.Known;
        mixing = built.Mixing;
        ruleSets = built.Sets;
    }

    private static BuiltRules Rules(ContentLibrary library)
    {
        var errors = new List<ContentError>();
        var sets = library.Triage.Select(t => TriageRuleSet.Parse(t.Key, t.Value, errors)).ToList();
        var mixing = new TriageMixing(
            sets.ToDictionary(
                s => s.Language, s => (IReadOnlySet<string>)s.SignIndex.Words.ToHashSet(StringComparer.Ordinal)),
            sets.ToDictionary(
                s => s.Language, s => KnownWords(library.Items.Where(i => i.Language == s.Language), [s])));
        return new BuiltRules(sets, KnownWords(library.Items, sets), mixing);
    }

    private sealed record BuiltRules(
        IReadOnlyList<TriageRuleSet> Sets, IReadOnlySet<string> Known, TriageMixing Mixing);

    /// <summary>Every word the content and the rules spell: such a word is never read as a misspelling.</summary>
    private static IReadOnlySet<string> KnownWords(IEnumerable<ContentItem> items, IEnumerable<TriageRuleSet> sets)
    {
        var texts = items.SelectMany(i => new[] { i.Title, i.Sms, i.Web }.Concat(i.Examples).Concat(i.Keywords));
        var words = texts.SelectMany(t => TextNormalizer.Normalize(t).Tokens).ToHashSet(StringComparer.Ordinal);
        words.UnionWith(sets.SelectMany(s => s.SignIndex.Words));
        return words;
    }
}

/// <summary>A message's words, stemmed once per rule language and matched strictly against other languages' rules.</summary>
internal sealed class TriageWords(NormalizedText text, string language, IReadOnlySet<string>? known = null, TriageMixing? mixing = null)
{
    private readonly Dictionary<string, IReadOnlyList<string>> stems = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> tokens = WithCompounds(
        TriageSpelling.Fold(TriageSpelling.Words(text.Folded), message: true), mixing ?? TriageMixing.Empty);

    /// <summary>The message's words, folded, with its age words and the other form of its compounds at the end.</summary>
    public IReadOnlyList<string> Tokens => tokens;

    public HashSet<TriagePhrase> Find(TriageRuleSet set, PhraseIndex index, IReadOnlySet<string>? negations)
    {
        var stemmed = Stems(set);
        return index.Find(stemmed, tokens, negations, strict: set.Language != language, known, Compounds(set, stemmed));
    }

    /// <summary>The phrases found in each clause of the message (split at commas, "and", "but").</summary>
    public IReadOnlyList<HashSet<TriagePhrase>> FindByClause(
        TriageRuleSet set, PhraseIndex index, IReadOnlySet<string>? negations)
    {
        var stemmed = Stems(set);
        var clauses = new List<HashSet<TriagePhrase>>();
        for (int i = 0, from = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && !PhraseIndex.IsClauseBreak(stemmed[i]) && !PhraseIndex.IsClauseBreak(tokens[i]))
            {
                continue;
            }

            if (i > from)
            {
                var clause = Enumerable.Range(from, i - from).ToList();
                clauses.Add(index.Find(clause.ConvertAll(j => stemmed[j]), clause.ConvertAll(j => tokens[j]),
                    negations, strict: set.Language != language, known));
            }

            from = i + 1;
        }

        return clauses;
    }

    private IReadOnlyList<string> Stems(TriageRuleSet set)
    {
        if (!stems.TryGetValue(set.Language, out var stemmed))
        {
            stems[set.Language] = stemmed = tokens.Select(t => Stemmer.Stem(t, set.Language)).ToList();
        }

        return stemmed;
    }

    /// <summary>Where the rule set's compounds ("blood pressure") stand in the message, word for word.</summary>
    private static List<(int Start, int End)> Compounds(TriageRuleSet set, IReadOnlyList<string> stemmed)
    {
        var spans = new List<(int, int)>();
        foreach (var compound in set.Compounds)
        {
            var length = compound.Stems.Count;
            for (var i = 0; i + length <= stemmed.Count; i++)
            {
                if (Enumerable.Range(0, length).All(j => PhraseIndex.WordMatches(stemmed[i + j], compound.Stems[j])))
                {
                    spans.Add((i, i + length - 1));
                }
            }
        }

        return spans;
    }

    private static IReadOnlyList<string> WithCompounds(IReadOnlyList<string> folded, TriageMixing mixing) =>
        [.. folded, .. mixing.Compounds(folded)];
}
