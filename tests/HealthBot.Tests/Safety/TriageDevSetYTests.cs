using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Safety;

/// <summary>
/// triage-examples/emergencies-y.tsv (issue #12, round 3): 400 emergencies and near misses by a second writer who never
/// saw the rules or code, in other voices: rambling, implied ("locked herself in, left a letter"), mixed-language, short.
/// Rules were tuned on the rows on lines divisible by 3 of the original file (one more line here: the provenance
/// comment) and measured on the rest. Each part and language is held to the level reached: a change that loses an
/// emergency or adds false alarms there fails.
/// </summary>
public sealed class TriageDevSetYTests
{
    private const string File = "content/triage-examples/emergencies-y.tsv";
    private static readonly Lazy<RuleTriage> Triage = new(() => new RuleTriage(RepositoryContent.Catalog));

    [Theory]
    [InlineData("en", true, 1.00, 0.0)]
    // fr and pt give one row each back to the everyday-message guards (a plain goodbye or "merci pour tout" now needs a
    // word of being gone; "ninguem" and "hoje tenho" are not calm words, since people write them in emergencies too).
    [InlineData("fr", true, 0.93, 0.0)]
    [InlineData("sw", true, 1.00, 0.0)]
    [InlineData("pt", true, 0.94, 0.10)]
    [InlineData("hi", true, 1.00, 0.0)]
    [InlineData("en", false, 0.87, 0.25)]
    [InlineData("fr", false, 0.82, 0.25)]
    [InlineData("sw", false, 0.78, 0.10)]
    [InlineData("pt", false, 0.87, 0.20)]
    [InlineData("hi", false, 0.85, 0.30)]
    public void Each_language_keeps_its_recall_and_false_alarms_on_the_second_writers_set(
        string language, bool tuned, double recall, double falseAlarms)
    {
        // The original file's line is one less: this copy starts with a provenance comment.
        var rows = TriageDevSetTests.ReadLines(File)
            .Where(r => r.Language == language && (r.Line - 1) % 3 == 0 == tuned).ToList();
        var urgent = rows.Where(r => r.Urgent).ToList();
        var calm = rows.Where(r => !r.Urgent).ToList();
        var caught = urgent.Count(r => Assess(r.Text, language));
        var alarms = calm.Count(r => Assess(r.Text, language));

        Assert.True(caught >= recall * urgent.Count && alarms <= falseAlarms * calm.Count,
            $"{language} {(tuned ? "tuned" : "measured")}: {caught} of {urgent.Count} emergencies, " +
            $"{alarms} false alarms of {calm.Count}");
    }

    private static bool Assess(string text, string language) =>
        Triage.Value.Assess(TextNormalizer.Normalize(text), language).Urgent;
}
