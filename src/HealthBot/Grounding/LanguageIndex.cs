using HealthBot.Content;
using HealthBot.Dialog;

namespace HealthBot.Grounding;

/// <summary>
/// The retrieval index of one language. An item is scored two ways and the two are blended:
/// its weighted fields (title, keywords, examples, tags, SMS text) as a bag of stems with IDF, and its single
/// closest example question. Both are normalised by how much of the query's information they explain, so
/// unknown words (a football club, a recipe) lower the confidence and off-topic questions are declined.
/// </summary>
internal sealed class LanguageIndex
{
    private const double FunctionWordWeight = 0.15;

    /// <summary>
    /// Term-weight saturation (BM25's k): high enough that a word central to an item (in its title and many
    /// keywords) counts clearly more than the same word mentioned once in passing.
    /// </summary>
    private const double Saturation = 4.0;

    /// <summary>How much of a rare word's information an unknown word is taken to carry.</summary>
    private const double UnknownWordShare = 0.6;
    private readonly List<IndexedItem> items = [];
    private readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);
    private readonly HashSet<string> functionWords;
    private readonly double maxIdf;
    private readonly string language;

    public LanguageIndex(string language, IReadOnlyList<ContentItem> contentItems)
    {
        this.language = language;
        functionWords = TextNormalizer.Normalize(LanguageSeeds.FunctionWords.GetValueOrDefault(language) ?? string.Empty).Tokens
            .Select(t => Stemmer.Stem(t, language)).ToHashSet(StringComparer.Ordinal);
        foreach (var item in contentItems)
        {
            var terms = new Dictionary<string, double>(StringComparer.Ordinal);
            AddField(terms, [item.Title], 3.0);
            AddField(terms, item.Keywords, 3.0);
            AddField(terms, item.Examples, 1.0);
            AddField(terms, item.Tags, 1.0);
            AddField(terms, [item.Sms], 0.4);
            var examples = item.Examples.Select(e => Stems(e).ToHashSet(StringComparer.Ordinal)).Where(e => e.Count > 0).ToList();
            items.Add(new IndexedItem(item, terms, examples));
        }

        foreach (var term in items.SelectMany(d => d.Terms.Keys).Distinct())
        {
            var df = items.Count(d => d.Terms.ContainsKey(term));
            idf[term] = Math.Log(1 + (items.Count - df + 0.5) / (df + 0.5));
        }

        maxIdf = idf.Count == 0 ? 1 : idf.Values.Max();
    }

    public List<(ContentItem Item, double Score)> Score(IReadOnlyList<string> queryTokens)
    {
        var query = queryTokens.Select(Stem).Where(t => t.Length > 1).Distinct().Select(Resolve).ToList();
        var information = query.Sum(q => q.Weight * (q.Term is null ? UnknownWordShare * maxIdf : idf[q.Term]));
        if (information <= 0 || query.All(q => q.Term is null))
        {
            return [];
        }

        var results = new List<(ContentItem, double)>();
        foreach (var item in items)
        {
            var fields = 0.0;
            foreach (var q in query.Where(q => q.Term is not null))
            {
                if (item.Terms.TryGetValue(q.Term!, out var w))
                {
                    fields += q.Weight * q.Similarity * idf[q.Term!] * (w / (w + Saturation));
                }
            }

            var score = 0.6 * (fields / information) + 0.4 * ClosestExample(item, query, information);
            if (score > 0)
            {
                results.Add((item.Item, score));
            }
        }

        return results.OrderByDescending(r => r.Item2).ToList();
    }

    /// <summary>Weighted overlap with the item's closest example question (unmatched example words count half).</summary>
    private double ClosestExample(IndexedItem item, List<QueryTerm> query, double information)
    {
        var best = 0.0;
        foreach (var example in item.Examples)
        {
            var shared = query.Where(q => q.Term is not null && example.Contains(q.Term)).Sum(q => q.Weight * q.Similarity * idf[q.Term!]);
            if (shared <= 0)
            {
                continue;
            }

            var unmatched = example.Where(t => query.All(q => q.Term != t)).Sum(t => Weight(t) * idf.GetValueOrDefault(t, maxIdf));
            best = Math.Max(best, shared / (information + 0.5 * unmatched));
        }

        return best;
    }

    private QueryTerm Resolve(string stem)
    {
        var weight = Weight(stem);
        if (idf.ContainsKey(stem))
        {
            return new QueryTerm(stem, 1.0, weight);
        }

        if (stem.Length < 4)
        {
            return new QueryTerm(null, 0, weight);
        }

        // A misspelling ("maleria", "diarhea") resolves to the closest known stem by character trigrams.
        var (term, similarity) = idf.Keys.Select(k => (k, Trigram.Similarity(stem, k))).MaxBy(x => x.Item2);
        return similarity >= 0.45 ? new QueryTerm(term, similarity, weight) : new QueryTerm(null, 0, weight);
    }

    private double Weight(string stem) => functionWords.Contains(stem) ? FunctionWordWeight : 1.0;

    private void AddField(Dictionary<string, double> terms, IEnumerable<string> texts, double weight)
    {
        foreach (var stem in texts.SelectMany(Stems))
        {
            terms[stem] = terms.GetValueOrDefault(stem) + weight;
        }
    }

    private IEnumerable<string> Stems(string text) => TextNormalizer.Normalize(text).Tokens.Select(Stem).Where(t => t.Length > 1);

    private string Stem(string token) => Stemmer.Stem(token, language);

    private sealed record IndexedItem(ContentItem Item, Dictionary<string, double> Terms, List<HashSet<string>> Examples);

    private sealed record QueryTerm(string? Term, double Similarity, double Weight);
}

internal static class Trigram
{
    public static double Similarity(string a, string b)
    {
        var ta = Grams(a);
        var tb = Grams(b);
        var shared = ta.Intersect(tb).Count();
        return shared == 0 ? 0 : (double)shared / (ta.Count + tb.Count - shared);
    }

    private static HashSet<string> Grams(string s)
    {
        var padded = $" {s} ";
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            set.Add(padded.Substring(i, 3));
        }

        return set;
    }
}
