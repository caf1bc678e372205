using System.Globalization;
using System.Text.RegularExpressions;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Evaluation;

/// <summary>
/// <c>healthbot eval</c> on the second answers round's development set (everyday questions and small talk written by
/// someone who never saw the code): the floors measured when it was added, so a change that loses ground shows.
/// </summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed partial class AnswersDevEvalTests
{
    [Fact]
    public async Task Everyday_questions_and_small_talk_keep_their_measured_accuracy_and_every_emergency()
    {
        var tsv = HealthBotFactory.RepositoryPath(
            "content/triage-examples/answers-dev-2026-12-05.tsv");

        var run = await CliRun.RunAsync("eval", tsv);

        Assert.Equal(0, run.ExitCode);
        var line = EvalLine().Match(run.Stdout);
        Assert.True(line.Success, run.Stdout);
        Assert.True(Figure(line, "topic") >= 0.90, line.Value);
        Assert.True(Figure(line, "none") >= 0.93, line.Value);
        Assert.Equal(1.0, Figure(line, "recall"));
        Assert.True(Figure(line, "language") >= 0.98, line.Value);
    }

    private static double Figure(Match line, string name) =>
        double.Parse(line.Groups[name].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"EVAL rows=\d+ topic_accuracy=(?<topic>[\d.]+) urgent_recall=(?<recall>[\d.]+) " +
        @"urgent_false_alarms=[\d.]+ none_accuracy=(?<none>[\d.]+) language_accuracy=(?<language>[\d.]+)")]
    private static partial Regex EvalLine();
}
