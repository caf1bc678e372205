namespace HealthBot.Safety;

/// <summary>
/// Happening now, or asking? Each language's <c>## asking</c> phrases weigh 1 against an emergency and its calm
/// phrases ("a little", "last year", "is that normal", "how to prevent") 2; its <c>## now</c> phrases weigh 2 for it,
/// or 1 when made only of function words ("my", "she is"): a person's own possessive alone does not outweigh a
/// question. A phrase inside a longer one found ("normal" in "is that normal") is not counted again. Ties and
/// messages with nothing against are emergencies: recall comes first.
/// </summary>
internal static class TriageWeighing
{
    private const int Asking = 1;
    private const int Calm = 2;
    private const int Now = 2;
    private const int WeakNow = 1;

    public static bool HappeningNow(TriageWords words, IReadOnlyList<TriageRuleSet> helpers)
    {
        var against = 0;
        var forNow = 0;
        foreach (var helper in helpers.Distinct())
        {
            var calm = Longest(words.Find(helper, helper.CalmIndex, null));
            var asking = Longest(words.Find(helper, helper.AskingIndex, null)).Where(a => !calm.Any(c => Within(a, c))).ToList();
            against += asking.Count * Asking + calm.Count * Calm;
            forNow += Longest(words.Find(helper, helper.NowIndex, null)).Sum(p => p.Weak ? WeakNow : Now);
        }

        return against == 0 || forNow >= against;
    }

    /// <summary>The phrases found, leaving out those inside a longer one found.</summary>
    private static List<TriagePhrase> Longest(HashSet<TriagePhrase> found) =>
        found.Where(p => !found.Any(o => !ReferenceEquals(o, p) && o.Stems.Count > p.Stems.Count && Within(p, o))).ToList();

    private static bool Within(TriagePhrase inner, TriagePhrase outer) =>
        inner.Stems.All(s => outer.Stems.Contains(s));
}
