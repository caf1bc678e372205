using HealthBot.Content;
using HealthBot.Dialog;

namespace HealthBot.Grounding;

/// <summary>Term weights and IDF for the items of one language.</summary>
internal sealed class LanguageIndex
{
    private readonly List<(ContentItem Item, Dictionary<string, double> Terms)> documents = [];
    private readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);

    public LanguageIndex(IReadOnlyList<ContentItem> items)
    {
        foreach (var item in items)
        {
            var terms = new Dictionary<string, double>(StringComparer.Ordinal);
            AddField(terms, [item.Title], 2.0);
            AddField(terms, item.Keywords, 3.0);
            AddField(terms, item.Examples, 1.5);
            AddField(terms, item.Tags, 1.0);
            AddField(terms, [item.Sms], 0.3);
            documents.Add((item, terms));
        }

        foreach (var term in documents.SelectMany(d => d.Terms.Keys).Distinct())
        {
            var df = documents.Count(d => d.Terms.ContainsKey(term));
            idf[term] = Math.Log(1 + (documents.Count - df + 0.5) / (df + 0.5));
        }
    }

    public List<(ContentItem Item, double Score)> Score(IReadOnlyList<string> queryTokens)
    {
        var terms = queryTokens.Select(Stem).Where(t => t.Length > 1).Distinct().Select(Resolve).Where(t => t.Term is not null).ToList();
        var maxPossible = queryTokens.Select(Stem).Where(t => t.Length > 1).Distinct().Count();
        if (terms.Count == 0 || maxPossible == 0)
        {
            return [];
        }

        var results = new List<(ContentItem, double)>();
        foreach (var (item, weights) in documents)
        {
            double score = 0;
            foreach (var (term, similarity) in terms)
            {
                if (weights.TryGetValue(term!, out var w))
                {
                    // Saturating term weight (BM25-like) scaled by how rare the term is.
                    score += similarity * idf[term!] * (w / (w + 1.5));
                }
            }

            if (score > 0)
            {
                results.Add((item, score / (maxPossible * 1.2)));
            }
        }

        return results.OrderByDescending(r => r.Item2).ToList();
    }

    private (string? Term, double Similarity) Resolve(string token)
    {
        if (idf.ContainsKey(token))
        {
            return (token, 1.0);
        }

        if (token.Length < 4)
        {
            return (null, 0);
        }

        var best = idf.Keys.Select(k => (k, Trigram.Similarity(token, k))).MaxBy(x => x.Item2);
        return best.Item2 >= 0.45 ? (best.k, best.Item2 * 0.8) : (null, 0);
    }

    private static void AddField(Dictionary<string, double> terms, IEnumerable<string> texts, double weight)
    {
        foreach (var text in texts)
        {
            foreach (var token in TextNormalizer.Normalize(text).Tokens.Select(Stem).Where(t => t.Length > 1))
            {
                terms[token] = terms.GetValueOrDefault(token) + weight;
            }
        }
    }

    /// <summary>Light stemming by truncation: enough to join "vaccines"/"vaccination"/"vacciner".</summary>
    internal static string Stem(string token) =>
        token.Length > 6 && token.All(c => c < '\u0900') ? token[..6] : token;
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
