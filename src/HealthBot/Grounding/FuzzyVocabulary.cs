namespace HealthBot.Grounding;

/// <summary>
/// Finds the known word closest to a misspelled one by character-trigram Jaccard similarity, through an inverted
/// list from trigram to words, so only words sharing a trigram are compared.
/// </summary>
internal sealed class FuzzyVocabulary
{
    private readonly List<(string Word, int Grams)> words = [];
    private readonly Dictionary<string, List<int>> byGram = new(StringComparer.Ordinal);

    public FuzzyVocabulary(IEnumerable<string> vocabulary)
    {
        foreach (var word in vocabulary)
        {
            var grams = Grams(word);
            foreach (var gram in grams)
            {
                if (!byGram.TryGetValue(gram, out var list))
                {
                    byGram[gram] = list = [];
                }

                list.Add(words.Count);
            }

            words.Add((word, grams.Count));
        }
    }

    public (string? Word, double Similarity) Closest(string token)
    {
        var grams = Grams(token);
        var shared = new Dictionary<int, int>();
        foreach (var gram in grams)
        {
            foreach (var word in byGram.GetValueOrDefault(gram) ?? [])
            {
                shared[word] = shared.GetValueOrDefault(word) + 1;
            }
        }

        string? best = null;
        var bestSimilarity = 0.0;
        foreach (var (index, count) in shared)
        {
            var similarity = (double)count / (grams.Count + words[index].Grams - count);
            if (similarity > bestSimilarity || (similarity == bestSimilarity && string.CompareOrdinal(words[index].Word, best) < 0))
            {
                (best, bestSimilarity) = (words[index].Word, similarity);
            }
        }

        return (best, bestSimilarity);
    }

    internal static HashSet<string> Grams(string s)
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
