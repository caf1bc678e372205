using HealthBot.Content;
using HealthBot.Dialog;

namespace HealthBot.Grounding;

/// <summary>
/// Lexical retrieval over published items of one language: weighted terms from titles, keywords and
/// examples (scored like BM25 with IDF), with a trigram fallback for misspelled words.
/// The index is rebuilt whenever the content catalog reloads.
/// </summary>
public sealed class LexicalRetriever : IRetriever
{
    private readonly ContentCatalog catalog;
    private volatile Dictionary<string, LanguageIndex> indexes = [];

    public LexicalRetriever(ContentCatalog catalog, double minConfidence = 0.3)
    {
        this.catalog = catalog;
        MinConfidence = minConfidence;
        catalog.Reloaded += Build;
        Build(catalog.Current);
    }

    public double MinConfidence { get; }

    public RetrievalResult Retrieve(NormalizedText text, string language)
    {
        if (!indexes.TryGetValue(language, out var index) || text.Tokens.Count == 0)
        {
            return RetrievalResult.Nothing;
        }

        var scored = index.Score(text.Tokens);
        var candidates = scored.Take(3).Select(s => new Candidate(s.Item.Id, s.Item.Language, Math.Round(s.Score, 3))).ToList();
        if (scored.Count == 0)
        {
            return new RetrievalResult(null, 0, candidates, OutOfScope: true);
        }

        var best = scored[0];
        return best.Score >= MinConfidence
            ? new RetrievalResult(best.Item, best.Score, candidates, OutOfScope: false)
            : new RetrievalResult(null, best.Score, candidates, OutOfScope: true);
    }

    private void Build(ContentLibrary library) =>
        indexes = library.Items.Where(i => i.IsPublished).GroupBy(i => i.Language)
            .ToDictionary(g => g.Key, g => new LanguageIndex(g.Key, g.ToList()));
}
