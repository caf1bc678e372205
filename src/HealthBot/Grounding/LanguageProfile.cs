namespace HealthBot.Grounding;

/// <summary>
/// Word and character-trigram counts of one language, learned from its curated content plus a seed list of
/// everyday words (function words, SMS shorthand, romanized Hindi) that short messages are made of.
/// </summary>
internal sealed class LanguageProfile
{
    private readonly Dictionary<string, double> words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> grams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> sounds = new(StringComparer.Ordinal);
    private double wordTotal;
    private double gramTotal;
    private double soundTotal;

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

    /// <summary>
    /// Remembers the language's words by their stems (<see cref="Stemmer.MatchStem"/>: for Hindi, one sound key
    /// whichever script and spelling), so that a form or spelling the content never wrote ("bukhaar", "jukaam",
    /// "nimeenda") is still read as one of its words rather than by its letters alone.
    /// </summary>
    public void AddSounds(IEnumerable<string> tokens, double weight)
    {
        foreach (var key in tokens.Select(Sound).Where(k => k.Length >= MinSound))
        {
            sounds[key] = sounds.GetValueOrDefault(key) + weight;
            soundTotal += weight;
        }
    }

    public bool KnowsStem(string token) => Sound(token) is { Length: >= MinSound } key && sounds.ContainsKey(key);

    /// <summary>The log-likelihood of a word by its stem; null when no word of the language has that stem.</summary>
    public double? SoundLogLikelihood(string token, int vocabulary)
    {
        var key = Sound(token);
        return key.Length >= MinSound && sounds.TryGetValue(key, out var count)
            ? Math.Log((count + 0.5) / (soundTotal + 0.5 * vocabulary))
            : null;
    }

    /// <summary>Shorter stems ("kt", "dor") are shared by too many unrelated words to say anything.</summary>
    private const int MinSound = 4;

    private string Sound(string token) => Stemmer.MatchStem(token, Language);

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
