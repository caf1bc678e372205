namespace HealthBot.Grounding;

/// <summary>
/// Word and character-trigram counts of one language, learned from its curated content plus a seed list of
/// everyday words (function words, SMS shorthand, romanized Hindi) that short messages are made of.
/// </summary>
internal sealed class LanguageProfile
{
    private readonly Dictionary<string, double> words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> grams = new(StringComparer.Ordinal);
    private double wordTotal;
    private double gramTotal;

    public LanguageProfile(string language) => Language = language;

    public string Language { get; }

    public void Add(IEnumerable<string> tokens, double weight)
    {
        foreach (var token in tokens)
        {
            words[token] = words.GetValueOrDefault(token) + weight;
            wordTotal += weight;
            foreach (var gram in Trigrams(token))
            {
                grams[gram] = grams.GetValueOrDefault(gram) + weight;
                gramTotal += weight;
            }
        }
    }

    public bool Knows(string token) => words.ContainsKey(token);

    /// <summary>Log-likelihood of a token: its word probability when known, else its trigrams' (a smoothed backoff).</summary>
    public double LogLikelihood(string token, int vocabulary)
    {
        if (words.TryGetValue(token, out var count))
        {
            return Math.Log((count + 0.5) / (wordTotal + 0.5 * vocabulary));
        }

        var grams3 = Trigrams(token).ToList();
        var sum = grams3.Sum(g => Math.Log((grams.GetValueOrDefault(g) + 0.1) / (gramTotal + 0.1 * 20000)));
        // Unknown words count less than known ones: a misspelling should not outvote three clear words.
        return Math.Log(0.5 / (wordTotal + 0.5 * vocabulary)) + 0.35 * sum / Math.Max(1, grams3.Count);
    }

    internal static IEnumerable<string> Trigrams(string token)
    {
        var padded = $"<{token}>";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            yield return padded.Substring(i, 3);
        }
    }
}
