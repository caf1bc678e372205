using HealthBot.Dialog;

namespace HealthBot.Safety;

/// <summary>
/// A logistic regression over hashed features of the text the rules see (folded by <see cref="TriageSpelling"/>):
/// character 3–5-grams, word unigrams and bigrams, and unigrams joined with the language, so one shared model learns
/// from all five languages yet keeps each one's words apart. Training is deterministic: a fixed feature hash
/// (FNV-1a, not string.GetHashCode, which changes per process), rows in an order fixed by their text, fixed epochs.
/// </summary>
public sealed class SecondOpinionModel
{
    private const int Bits = 18;
    private const int Mask = (1 << Bits) - 1;
    // Chosen with `healthbot bench second-opinion` (5-fold cross-validation on the training examples only).
    private const int Epochs = 20;
    private const float Rate = 2f;
    private const float Decay = 0.2f;
    private const float L2 = 1e-5f;

    private readonly float[] weights = new float[1 << Bits];
    private float bias;

    private SecondOpinionModel()
    {
    }

    /// <summary>The number of rows the model learnt from.</summary>
    public int Rows { get; private init; }

    public static SecondOpinionModel Train(IReadOnlyList<TriageExample> examples)
    {
        var model = new SecondOpinionModel { Rows = examples.Count };
        // A shuffle fixed by the text: the same rows always train the same model, and languages are interleaved.
        var rows = examples
            .Select(e => (Features: Features(e.Text, e.Language), Label: e.Urgent ? 1f : 0f, Key: Hash(e.Text, e.Language.Length)))
            .OrderBy(r => r.Key).ToList();
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            var rate = Rate / (1 + Decay * epoch);
            foreach (var (features, label, _) in rows)
            {
                var error = label - model.Probability(features);
                var scale = features.Length == 0 ? 0 : 1f / MathF.Sqrt(features.Length);
                model.bias += rate * error;
                foreach (var f in features)
                {
                    model.weights[f] += rate * (error * scale - L2 * model.weights[f]);
                }
            }
        }

        return model;
    }

    /// <summary>The probability that the message describes an emergency happening now.</summary>
    public double Score(string text, string language) => Probability(Features(text, language));

    private float Probability(int[] features)
    {
        var scale = features.Length == 0 ? 0 : 1f / MathF.Sqrt(features.Length);
        var sum = bias;
        foreach (var f in features)
        {
            sum += weights[f] * scale;
        }

        return 1f / (1f + MathF.Exp(-sum));
    }

    /// <summary>The distinct hashed features of a message: the same folding the danger-sign rules use.</summary>
    internal static int[] Features(string text, string language)
    {
        var folded = TextNormalizer.Normalize(text).Folded;
        var words = TriageSpelling.Fold(TriageSpelling.Words(folded), message: true);
        var own = (int)Hash(language, 1);
        var features = new HashSet<int> { own & Mask };
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == TriageSpelling.ClauseBreak)
            {
                continue;
            }

            var word = Hash(words[i], 2);
            features.Add((int)(word & Mask));
            features.Add((int)(Hash(words[i], own) & Mask));
            if (i + 1 < words.Count && words[i + 1] != TriageSpelling.ClauseBreak)
            {
                features.Add((int)(Hash(words[i + 1], (int)word) & Mask));
            }
        }

        var joined = " " + string.Join(' ', words.Where(w => w != TriageSpelling.ClauseBreak)) + " ";
        for (var n = 3; n <= 5; n++)
        {
            for (var i = 0; i + n <= joined.Length; i++)
            {
                features.Add((int)(Hash(joined.AsSpan(i, n), n) & Mask));
            }
        }

        return [.. features];
    }

    /// <summary>
    /// FNV-1a over the characters, started from a salt: the kind of feature (n-gram length, word), the language for a
    /// language's own word, the first word's hash for a bigram.
    /// </summary>
    private static uint Hash(ReadOnlySpan<char> text, int salt)
    {
        var hash = (2166136261u ^ (uint)salt) * 16777619u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
