namespace HealthBot.Safety;

/// <summary>
/// Words the rules spell one way and people another, and messages that mix languages. Compounds: "snake bite" also
/// says "snakebite" and "snakebite" also says "snake bite" (the other form is added at the end of the message, after a
/// clause break, like the age words). Mixed languages: a Sheng, Hinglish or Camfranglais message that uses another
/// language's rule words ("damu inatoka a lot", "bachche ki breathing fast") is also combined with that language's
/// concepts, when such a word is not also a word of the message's own language (a false friend).
/// </summary>
/// <param name="ruleWords">Each language's rule words, as written (folded).</param>
/// <param name="knownWords">Each language's words: its content's and its rules'.</param>
internal sealed class TriageMixing(
    IReadOnlyDictionary<string, IReadOnlySet<string>> ruleWords,
    IReadOnlyDictionary<string, IReadOnlySet<string>> knownWords)
{
    /// <summary>Each part of a compound has at least this many letters ("snake|bite", never "with|out").</summary>
    private const int PartLength = 4;

    /// <summary>A word counts as another language's only from this many letters: short words are shared.</summary>
    private const int EvidenceLength = 4;

    private readonly HashSet<string> vocabulary = ruleWords.Values.SelectMany(w => w).ToHashSet(StringComparer.Ordinal);

    public static TriageMixing Empty { get; } = new(
        new Dictionary<string, IReadOnlySet<string>>(), new Dictionary<string, IReadOnlySet<string>>());

    /// <summary>The other form of each compound in <paramref name="tokens"/>: joined pairs and split words.</summary>
    public IReadOnlyList<string> Compounds(IReadOnlyList<string> tokens)
    {
        var extra = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i];
            if (i + 1 < tokens.Count && vocabulary.Contains(word + tokens[i + 1]))
            {
                extra.AddRange([TriageSpelling.ClauseBreak, word + tokens[i + 1]]);
            }

            for (var cut = PartLength; cut <= word.Length - PartLength; cut++)
            {
                if (vocabulary.Contains(word[..cut]) && vocabulary.Contains(word[cut..]))
                {
                    extra.AddRange([TriageSpelling.ClauseBreak, word[..cut], word[cut..]]);
                    break;
                }
            }
        }

        return extra;
    }

    /// <summary>
    /// The languages other than <paramref name="language"/> whose rule words the message uses (words of 4+ letters
    /// that the message's own language does not also spell, in its content or its rules).
    /// </summary>
    public IReadOnlySet<string> Languages(IReadOnlyList<string> tokens, string language)
    {
        var own = knownWords.GetValueOrDefault(language) ?? new HashSet<string>();
        var mixed = new HashSet<string>(StringComparer.Ordinal);
        var evidence = tokens.Where(t => t.Length >= EvidenceLength && !own.Contains(t) && !t.Any(char.IsDigit) &&
            t is not (TriageAges.Newborn or TriageAges.Child or TriageAges.Past or TriageAges.Pregnant));
        foreach (var token in evidence)
        {
            mixed.UnionWith(ruleWords.Where(w => w.Key != language && w.Value.Contains(token)).Select(w => w.Key));
        }

        return mixed;
    }
}
