using HealthBot.Dialog;

namespace HealthBot.Grounding;

/// <summary>
/// How one language's index reads a question's words: each becomes a known term (exactly, or by a misspelling's
/// closest trigram match), an off-topic word (price, football) or an unknown word, weighted down when it is a function
/// word ("the", "kya"). The same stems are used for the content, so both sides meet.
/// </summary>
internal sealed class QueryVocabulary
{
    private const double FunctionWordWeight = 0.15;

    private readonly string language;
    private readonly HashSet<string> functionWords;
    private readonly HashSet<string> offTopicWords;
    private FuzzyVocabulary fuzzy = new([]);

    public QueryVocabulary(string language)
    {
        this.language = language;
        functionWords = SeedStems(LanguageSeeds.FunctionWords.GetValueOrDefault(language) ?? string.Empty);
        offTopicWords = OffTopicStems();
    }

    /// <summary>Fixes the content's vocabulary, for misspellings to resolve to.</summary>
    public void Learn(IEnumerable<string> terms) => fuzzy = new FuzzyVocabulary(terms);

    public string Stem(string token) => Stemmer.MatchStem(token, language);

    public IEnumerable<string> Stems(string text) =>
        TextNormalizer.Normalize(text).Tokens.Select(Stem).Where(t => t.Length > 1);

    public double Weight(string stem) => functionWords.Contains(stem) ? FunctionWordWeight : 1.0;

    /// <param name="stem">A question's stem.</param>
    /// <param name="known">Whether the content has the stem.</param>
    public QueryTerm Resolve(string stem, Func<string, bool> known)
    {
        var weight = Weight(stem);
        if (offTopicWords.Contains(stem))
        {
            return new QueryTerm(null, 0, weight, OffTopic: true);
        }

        if (known(stem))
        {
            return new QueryTerm(stem, 1.0, weight);
        }

        // A misspelling ("maleria", "diarhea") resolves to the closest known stem by character trigrams.
        var (term, similarity) = stem.Length < 4 ? (null, 0) : fuzzy.Closest(stem);
        return similarity >= 0.45 ? new QueryTerm(term, similarity, weight) : new QueryTerm(null, 0, weight);
    }

    /// <summary>
    /// The stems of the off-topic seeds and of their plurals: "bundles" stems to "bundl", "bundle" to "bundle".
    /// </summary>
    private HashSet<string> OffTopicStems()
    {
        var seeds = LanguageSeeds.OffTopicWords.GetValueOrDefault(language) ?? string.Empty;
        var words = TextNormalizer.Normalize(seeds).Tokens;
        var plurals = language is "en" or "fr" or "pt" ? words.Select(t => Stem(t + "s")) : [];
        return words.Select(Stem).Concat(plurals).ToHashSet(StringComparer.Ordinal);
    }

    private HashSet<string> SeedStems(string seeds) =>
        TextNormalizer.Normalize(seeds).Tokens.Select(Stem).ToHashSet(StringComparer.Ordinal);
}

/// <summary>A question's word as the index reads it: the content term it matches (null: none), and how well.</summary>
internal sealed record QueryTerm(string? Term, double Similarity, double Weight, bool OffTopic = false);
