using HealthBot.Content;
using HealthBot.Dialog;

namespace HealthBot.Grounding;

/// <summary>
/// The retrieval index of one language. An item is scored two ways and the two are blended:
/// its weighted fields (title, keywords, examples, tags, SMS text) as a bag of stems with IDF, and its single
/// closest example question. Both are normalised by how much of the query's information they explain, so
/// unknown words (a football club, a recipe) lower the confidence and off-topic questions are declined.
/// Inverted lists keep a query's cost proportional to the items that share its words, not to all items.
/// </summary>
internal sealed class LanguageIndex
{
    /// <summary>
    /// Term-weight saturation (BM25's k): high enough that a word central to an item (in its title and many
    /// keywords) counts clearly more than the same word mentioned once in passing.
    /// </summary>
    private const double Saturation = 4.0;

    /// <summary>How much of a rare word's information an unknown word is taken to carry.</summary>
    private const double UnknownWordShare = 0.6;

    /// <summary>
    /// An off-topic word (price, football) is strong evidence that the question is about something else.
    /// </summary>
    private const double OffTopicShare = 1.5;

    /// <summary>
    /// How much more a distinctive word counts: one that only one item has in its title or keywords (HIV, P2,
    /// caganeira). Such a word names the topic; common words around it ("last night", "take") must not outvote it.
    /// </summary>
    private const double DistinctiveBoost = 2.0;

    /// <summary>A field weight reached only by a title or keyword mention (examples and tags weigh 1).</summary>
    private const double KeywordWeight = 3.0;

    private readonly List<ContentItem> items = [];
    private readonly Dictionary<string, List<(int Item, double Weight)>> fieldPostings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> examplePostings = new(StringComparer.Ordinal);
    private readonly List<(int Item, double Information)> examples = [];
    private readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);
    private readonly QueryVocabulary vocabulary;
    private readonly double maxIdf;

    public LanguageIndex(string language, IReadOnlyList<ContentItem> contentItems)
    {
        vocabulary = new QueryVocabulary(language);
        var exampleTerms = new List<HashSet<string>>();
        foreach (var item in contentItems)
        {
            var index = items.Count;
            items.Add(item);
            var terms = new Dictionary<string, double>(StringComparer.Ordinal);
            AddField(terms, [item.Title], 3.0);
            AddField(terms, item.Keywords, 3.0);
            AddField(terms, item.Examples, 1.0);
            AddField(terms, item.Tags, 1.0);
            AddField(terms, [item.Sms], 0.4);
            foreach (var (term, weight) in terms)
            {
                Postings(fieldPostings, term).Add((index, weight));
            }

            var itemExamples = item.Examples.Select(e => vocabulary.Stems(e).ToHashSet(StringComparer.Ordinal))
                .Where(e => e.Count > 0);
            foreach (var example in itemExamples)
            {
                foreach (var term in example)
                {
                    Postings(examplePostings, term).Add(examples.Count);
                }

                examples.Add((index, 0));
                exampleTerms.Add(example);
            }
        }

        foreach (var (term, postings) in fieldPostings)
        {
            idf[term] = Math.Log(1 + (items.Count - postings.Count + 0.5) / (postings.Count + 0.5));
        }

        maxIdf = idf.Count == 0 ? 1 : idf.Values.Max();
        for (var e = 0; e < examples.Count; e++)
        {
            examples[e] = (examples[e].Item, exampleTerms[e].Sum(t => vocabulary.Weight(t) * idf[t]));
        }

        vocabulary.Learn(idf.Keys);
    }

    public int Count => items.Count;

    /// <param name="queryTokens">The normalized words of the question.</param>
    /// <param name="offTopic">Whether a word of a subject the bot does not cover (price, sport) is asked.</param>
    /// <param name="anchored">
    /// The items one of the query's own words names exactly in a title or keyword (not a misspelling or function word).
    /// </param>
    public List<(ContentItem Item, double Score)> Score(
        IReadOnlyList<string> queryTokens, out bool offTopic, out HashSet<string> anchored)
    {
        var query = queryTokens.Select(vocabulary.Stem).Where(t => t.Length > 1).Distinct()
            .Select(t => vocabulary.Resolve(t, idf.ContainsKey)).ToList();
        offTopic = query.Any(q => q.OffTopic);
        var information = query.Sum(q =>
            q.Weight * (q.Term is not null ? idf[q.Term] : (q.OffTopic ? OffTopicShare : UnknownWordShare) * maxIdf));
        anchored = [];
        if (information <= 0 || query.All(q => q.Term is null))
        {
            return [];
        }

        var fields = new Dictionary<int, double>();
        var shared = new Dictionary<int, (double Shared, double Matched)>();
        foreach (var q in query.Where(q => q.Term is not null).DistinctBy(q => q.Term))
        {
            var contribution = q.Weight * q.Similarity * idf[q.Term!];
            var postings = fieldPostings[q.Term!];
            var distinctive = q.Similarity == 1.0 && postings.Count == 1;
            foreach (var (item, weight) in postings)
            {
                if (q.Similarity == 1.0 && q.Weight == 1.0 && weight >= KeywordWeight)
                {
                    anchored.Add(items[item].Id);
                }

                var boost = distinctive && weight >= KeywordWeight ? DistinctiveBoost : 1.0;
                fields[item] = fields.GetValueOrDefault(item) + boost * contribution * (weight / (weight + Saturation));
            }

            foreach (var example in examplePostings.GetValueOrDefault(q.Term!) ?? [])
            {
                var (s, m) = shared.GetValueOrDefault(example);
                shared[example] = (s + contribution, m + vocabulary.Weight(q.Term!) * idf[q.Term!]);
            }
        }

        // Closest example: shared information over the query's plus half of the example's unmatched information.
        var closest = new Dictionary<int, double>();
        foreach (var (example, (s, m)) in shared)
        {
            var (item, exampleInformation) = examples[example];
            var similarity = s / (information + 0.5 * Math.Max(0, exampleInformation - m));
            closest[item] = Math.Max(closest.GetValueOrDefault(item), similarity);
        }

        return fields
            .Select(f => (items[f.Key], 0.6 * (f.Value / information) + 0.4 * closest.GetValueOrDefault(f.Key)))
            .OrderByDescending(r => r.Item2).ToList();
    }

    private void AddField(Dictionary<string, double> terms, IEnumerable<string> texts, double weight)
    {
        foreach (var stem in texts.SelectMany(vocabulary.Stems))
        {
            terms[stem] = terms.GetValueOrDefault(stem) + weight;
        }
    }

    private static List<T> Postings<T>(Dictionary<string, List<T>> postings, string term)
    {
        if (!postings.TryGetValue(term, out var list))
        {
            postings[term] = list = [];
        }

        return list;
    }

}
