namespace HealthBot.Safety;

/// <summary>
/// Happening now, or asking? Each language's <c>## asking</c> phrases weigh 1 against an emergency and its calm
/// phrases ("a little", "last year", "is that normal", "how to prevent") 2; its <c>## now</c> phrases weigh 2 for it,
/// or 1 when made only of function words ("my", "she is"): a person's own possessive alone does not outweigh a
/// question. A phrase inside a longer one found, of any kind and any language, is not counted again: "jana"
/// (yesterday) in "mwaka jana" (last year), Hinglish "hui" in French "aujourd'hui", "help" in "how can I help".
/// Forms of one word found by one language ("मेरी", "मेरा" after stemming) count once. Messages with nothing
/// against are emergencies, and so is a tie with asking words only ("my son is having a seizure, what should I
/// do"); a tie with a calm word is not ("my son had one last year, is that normal"). A calm or asking phrase right after a
/// negation ("c pas normal") does not weigh against.
/// </summary>
internal static class TriageWeighing
{
    private const int Asking = 1;
    private const int Calm = 2;
    private const int Now = 2;
    private const int WeakNow = 1;

    /// <param name="signs">
    /// The danger signs found: a calm word inside one does not weigh ("kidogo", a little, in "anapumua kidogo tu",
    /// breathing only a little).
    /// </param>
    public static bool HappeningNow(
        TriageWords words, IReadOnlyList<TriageRuleSet> helpers, IReadOnlySet<string>? negations = null,
        IEnumerable<TriagePhrase>? signs = null)
    {
        var found = (signs ?? []).Select(s => (Phrase: s, Kind: Kind.Sign)).ToList();
        foreach (var helper in helpers.Distinct())
        {
            // "not normal", "pas normal", "sio kawaida" say the opposite of "normal": negated, they do not weigh.
            Add(found, words.Find(helper, helper.CalmIndex, negations), Kind.Calm);
            Add(found, words.Find(helper, helper.AskingIndex, negations), Kind.Asking);
            Add(found, words.Find(helper, helper.NowIndex, null), Kind.Now);
        }

        var against = 0;
        var forNow = 0;
        var calm = false;
        // A sign covers calm and asking words in it, never a "now" word ("help", "now") that weighs for it.
        var counted = found.Where(f => f.Kind != Kind.Sign &&
            !found.Any(o => (o.Kind != Kind.Sign || f.Kind != Kind.Now) && Covers(o, f)));
        foreach (var (phrase, kind) in counted)
        {
            switch (kind)
            {
                case Kind.Calm: against += Calm; calm = true; break;
                case Kind.Asking: against += Asking; break;
                default: forNow += phrase.Weak ? WeakNow : Now; break;
            }
        }

        return against == 0 || forNow > against || (forNow == against && !calm);
    }

    private enum Kind { Calm, Asking, Now, Sign }

    private static void Add(List<(TriagePhrase, Kind)> found, HashSet<TriagePhrase> phrases, Kind kind) =>
        found.AddRange(phrases.GroupBy(p => string.Join(' ', p.Stems)).Select(g => (g.First(), kind)));

    /// <summary>
    /// <paramref name="outer"/> contains the words of <paramref name="inner"/> and is longer; or, with the same words,
    /// is calm where the inner is asking ("last year" is in both lists: it weighs once, as calm).
    /// </summary>
    private static bool Covers((TriagePhrase Phrase, Kind Kind) outer, (TriagePhrase Phrase, Kind Kind) inner) =>
        !ReferenceEquals(outer.Phrase, inner.Phrase) && inner.Phrase.Words.All(outer.Phrase.Words.Contains) &&
        (outer.Phrase.Words.Count > inner.Phrase.Words.Count || (outer.Kind == Kind.Calm && inner.Kind == Kind.Asking));
}
