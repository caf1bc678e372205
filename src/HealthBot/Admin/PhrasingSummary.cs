using System.Globalization;
using HealthBot.Data;

namespace HealthBot.Admin;

/// <summary>Answers from content phrased by the model versus sent as the curated fallback, with the fallback reasons.</summary>
public sealed record PhrasingSummary(int Model, int Fallback, IReadOnlyList<(string Reason, int Count)> Reasons)
{
    public static PhrasingSummary Empty { get; } = new(0, 0, []);

    public int Total => Model + Fallback;

    public static PhrasingSummary From(IReadOnlyList<PhrasingCount> counts) => new(
        counts.Where(c => c.ModelUsed).Sum(c => c.Answers),
        counts.Where(c => !c.ModelUsed).Sum(c => c.Answers),
        counts.Where(c => !c.ModelUsed).GroupBy(c => c.FallbackReason ?? "unknown", StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(c => c.Answers))).OrderByDescending(r => r.Item2).ThenBy(r => r.Key, StringComparer.Ordinal).ToList());

    /// <summary>A whole percentage, or a dash when there is nothing to divide by (a rate of nothing is not 0 %).</summary>
    public static string Percent(int part, int total) =>
        total == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100.0 * part / total):0}%");
}
