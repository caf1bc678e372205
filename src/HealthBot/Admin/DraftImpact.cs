using HealthBot.Evaluation;

namespace HealthBot.Admin;

/// <summary>A test question the draft answers differently: what the bot does now and with the draft.</summary>
public sealed record ImpactRow(EvalRow Row, string Before, string After);

/// <summary>
/// What a draft changes in the test questions (the eval with the draft overlaid versus the published content), for the
/// draft's <paramref name="Revision"/>. <paramref name="Running"/> until the background run ends.
/// </summary>
public sealed record DraftImpact(
    string Revision, bool Running, IReadOnlyList<ImpactRow> Changed, EvalMetrics? Before, EvalMetrics? After,
    string? Problem = null)
{
    public static DraftImpact Pending(string revision) => new(revision, true, [], null, null);

    public static DraftImpact Failed(string revision, string problem) => new(revision, false, [], null, null, problem);

    public static DraftImpact From(string revision, IReadOnlyList<EvalResult> before, IReadOnlyList<EvalResult> after)
    {
        var changed = before.Zip(after)
            .Where(p => Describe(p.First) != Describe(p.Second))
            .Select(p => new ImpactRow(p.First.Row, Describe(p.First), Describe(p.Second)))
            .ToList();
        return new DraftImpact(revision, false, changed, EvalMetrics.From(before), EvalMetrics.From(after));
    }

    /// <summary>The topic a question is answered with (or declined, or nothing), and URGENT when triage fired.</summary>
    public static string Describe(EvalResult result) =>
        (result.AnsweredTopic ?? (result.Declined ? "declined" : "-")) + (result.Urgent ? " URGENT" : "");

    public static string Describe(EvalRow row) => row.Topic + (row.Urgent ? " URGENT" : "");
}
