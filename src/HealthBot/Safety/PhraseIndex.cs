namespace HealthBot.Safety;

/// <summary>
/// Finds which rule phrases occur in a message without trying every phrase at every position: phrases are
/// indexed by their first word, exactly for short words and by prefix for words of 4+ letters (a rule word
/// matches any message word that starts with it). Rule files can hold thousands of phrases (Hindi has
/// Devanagari and romanized forms of each), and every message is checked against every language.
/// Checked against a message in another language (<c>strict</c>), a rule word shorter than the prefix length must be
/// the very word written: stemming "aider" to "aid" must not make French rules fire on the English "aid".
/// </summary>
internal sealed class PhraseIndex
{
    private const int NegationWindow = 3;
    private const int PrefixLength = 4;

    /// <summary>Rule words of this many letters (after stemming) also match a misspelling one edit away.</summary>
    private const int FuzzyLength = 6;

    /// <summary>
    /// "and", "but" in the five languages (Swahili "na" is also "with"; Hindi "na" as negation is checked first).
    /// </summary>
    internal static bool IsClauseBreak(string word) => ClauseBreaks.Contains(word);

    private static readonly HashSet<string> ClauseBreaks = new(StringComparer.Ordinal)
    {
        "and", "but", "et", "mais", "na", "lakini", "e", "mas", "aur", "lekin", "और", "लेकिन", TriageSpelling.ClauseBreak,
    };
    private readonly Dictionary<string, List<TriagePhrase>> exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TriagePhrase>> prefix = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<TriagePhrase>> fuzzy = [];
    private readonly HashSet<string> words = new(StringComparer.Ordinal);
    private readonly bool literal;
    private readonly int maxGap;

    /// <param name="literal">
    /// Each phrase word must be the very word as written (after folding), side by side: for phrases that weigh AGAINST an emergency, a
    /// loose match is a missed emergency ("a snake bit" is not "a bit", French "prévenu" is not "prévenir").
    /// </param>
    public PhraseIndex(IEnumerable<TriagePhrase> phrases, bool literal = false)
    {
        this.literal = literal;
        maxGap = literal ? 0 : 2;
        foreach (var phrase in phrases.Distinct())
        {
            words.UnionWith(phrase.Words);
            var first = phrase.Stems[0];
            var map = first.Length >= PrefixLength && !literal ? prefix : exact;
            if (!map.TryGetValue(first, out var list))
            {
                map[first] = list = [];
            }

            list.Add(phrase);
            var written = phrase.Words[0];
            if (!literal && written.Length >= FuzzyLength)
            {
                if (!fuzzy.TryGetValue(written[0], out var near))
                {
                    fuzzy[written[0]] = near = [];
                }

                near.Add(phrase);
            }
        }
    }

    /// <summary>The words of the phrases, as written (folded).</summary>
    public IReadOnlySet<string> Words => words;

    /// <summary>The phrases that occur in the message; with <paramref name="negations"/>, only occurrences not negated.</summary>
    /// <param name="stems">The message's words stemmed in the rules' language.</param>
    /// <param name="words">The message's words as written (same positions).</param>
    /// <param name="strict">The message is in another language: short rule words must match whole words.</param>
    /// <param name="known">Words spelt right (in the content or the rules): never read as a misspelling of another.</param>
    /// <param name="compounds">
    /// Spans of the message that are one compound ("blood pressure"): a phrase matched with words skipped may not end
    /// or start inside one that reaches beyond it.
    /// </param>
    public HashSet<TriagePhrase> Find(
        IReadOnlyList<string> stems, IReadOnlyList<string> words, IReadOnlySet<string>? negations, bool strict = false,
        IReadOnlySet<string>? known = null, IReadOnlyList<(int Start, int End)>? compounds = null)
    {
        var found = new HashSet<TriagePhrase>();
        var message = new Message(stems, words, strict, literal) { Known = known };
        for (var start = 0; start < stems.Count; start++)
        {
            if (Negated(stems, start, negations))
            {
                continue;
            }

            foreach (var phrase in Candidates(message, start))
            {
                if (!found.Contains(phrase) && message.Matches(start, phrase, 0)
                    && MatchesFrom(message, start, phrase, maxGap) is { } end
                    && (end - start + 1 == phrase.Stems.Count || !Crosses(compounds, start, end)))
                {
                    found.Add(phrase);
                }
            }
        }

        return found;
    }

    private IEnumerable<TriagePhrase> Candidates(Message message, int at)
    {
        var word = message.Stems[at];
        if (exact.TryGetValue(word, out var same))
        {
            foreach (var phrase in same)
            {
                yield return phrase;
            }
        }

        for (var length = PrefixLength; !literal && length <= word.Length; length++)
        {
            if (prefix.TryGetValue(word[..length], out var starting))
            {
                foreach (var phrase in starting)
                {
                    yield return phrase;
                }
            }
        }

        var written = message.Words[at];
        if (!literal && written.Length > 0 && fuzzy.TryGetValue(written[0], out var near))
        {
            foreach (var phrase in near.Where(p => message.Near(at, p, 0)))
            {
                yield return phrase;
            }
        }
    }

    private static bool Crosses(IReadOnlyList<(int Start, int End)>? compounds, int start, int end) =>
        compounds?.Any(c => c.Start <= end && c.End >= start && (c.Start < start || c.End > end)) == true;

    /// <summary>
    /// The phrase's remaining words in order, each with at most <paramref name="maxGap"/> other words before it: the
    /// position of its last word, or null.
    /// </summary>
    private static int? MatchesFrom(Message message, int start, TriagePhrase phrase, int maxGap)
    {
        var position = start;
        for (var matched = 1; matched < phrase.Stems.Count; matched++)
        {
            var next = -1;
            for (var i = position + 1; i < message.Stems.Count && i <= position + maxGap + 1; i++)
            {
                if (message.Matches(i, phrase, matched))
                {
                    next = i;
                    break;
                }
            }

            if (next < 0)
            {
                return null;
            }

            position = next;
        }

        return position;
    }

    internal static bool WordMatches(string word, string pattern) =>
        word == pattern || (pattern.Length >= PrefixLength && word.StartsWith(pattern, StringComparison.Ordinal));

    private sealed record Message(IReadOnlyList<string> Stems, IReadOnlyList<string> Words, bool Strict, bool Literal)
    {
        public IReadOnlySet<string>? Known { get; init; }

        public bool Matches(int at, TriagePhrase phrase, int index) =>
            Literal ? Words[at] == phrase.Words[index]
            : Strict && phrase.Stems[index].Length < PrefixLength ? Words[at] == phrase.Words[index]
            : WordMatches(Stems[at], phrase.Stems[index]) || Near(at, phrase, index);

        /// <summary>
        /// A misspelling of a long rule word ("convlsion", "unconcious", "brething"): one letter added, dropped,
        /// changed or swapped, the first three letters right (Swahili "kupimia", to measure, is one letter from
        /// "kuzimia", to faint), the message in the rule's language (another language's words
        /// are often one letter from a danger word: Swahili "chumbani" and the Portuguese rat poison "chumbinho"),
        /// and the message word not a word the content or rules spell.
        /// </summary>
        /// The whole rule word is compared ("unrestricted" starts one letter from "unresp", not from "unresponsive").
        public bool Near(int at, TriagePhrase phrase, int index) =>
            !Literal && !Strict && phrase.Words[index] is { Length: >= FuzzyLength } pattern
            && Words[at].Length >= FuzzyLength && Words[at][..3] == pattern[..3] && Known?.Contains(Words[at]) != true
            && !WordMatches(Stems[at], phrase.Stems[index]) && Spelling.NearPrefix(Words[at], pattern);
    }

    private static bool Negated(IReadOnlyList<string> stems, int start, IReadOnlySet<string>? negations)
    {
        if (negations is null)
        {
            return false;
        }

        // Looking back from the sign, a negation counts until a word that starts a new clause: "qui part pas et je
        // vois flou" still sees blurred vision.
        for (var i = start - 1; i >= Math.Max(0, start - NegationWindow); i--)
        {
            if (negations.Contains(stems[i]))
            {
                return true;
            }

            if (ClauseBreaks.Contains(stems[i]))
            {
                return false;
            }
        }

        return false;
    }
}
