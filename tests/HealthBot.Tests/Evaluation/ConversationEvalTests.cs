using System.Globalization;
using System.Text.RegularExpressions;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Evaluation;

/// <summary>
/// Issue #12: <c>healthbot eval</c> reads conversation files and runs each conversation as one contact, turn by
/// turn, through the full pipeline; an emergency no topic fits counts as right when the referral went.
/// </summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed partial class ConversationEvalTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("healthbot-eval-tests").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_conversation_file_is_scored_turn_by_turn_with_a_conv_line()
    {
        var run = await EvalAsync(HealthBotFactory.RepositoryPath("tests/HealthBot.Tests/Evaluation/testdata/conversations-dev.tsv"));

        Assert.Equal(0, run.ExitCode);
        var conv = ConvLine().Match(run.Stdout);
        Assert.True(conv.Success, run.Stdout);
        Assert.Equal("10", conv.Groups["conversations"].Value);
        Assert.Equal("28", conv.Groups["turns"].Value);
        // The follow-ups (five languages) and the emergency follow-ups are what this file measures.
        Assert.True(Figure(conv, "topic") >= 0.95, conv.Value);
        Assert.Equal(1.0, Figure(conv, "recall"));
        Assert.Equal(0.0, Figure(conv, "alarms"));
        Assert.Contains("lang   rows  topic", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_emergency_no_topic_fits_is_right_when_the_referral_is_sent()
    {
        var file = Path.Combine(folder, "none-urgent.tsv");
        await File.WriteAllTextAsync(file, "lang\ttopic\turgent\ttext\nen\tnone\tyes\tmy husband drank pesticide and is vomiting\n");

        var run = await EvalAsync(file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("misses: 0", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("urgent_recall=1.000", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("none_accuracy=1.000", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("conv\tturn\tlang\ttopic\turgent\ttext\na\t1\ten\tsnakebite\tyes\tsnake bit me\na\t3\ten\tsnakebite\tyes\twhat now\n",
        ":3: conversation 'a' expected turn 2, got 3")]
    [InlineData("conv\tturn\tlang\ttopic\turgent\ttext\na\t1\ten\tsnakebite\tyes\n", ":2: expected 6 tab-separated columns, found 5")]
    [InlineData("conv\tturn\tlang\ttopic\turgent\ttext\na\tone\ten\tsnakebite\tyes\tsnake\n", ":2: conv must not be empty and turn must be a whole number")]
    public async Task A_malformed_conversation_file_is_rejected_with_its_line(string text, string message)
    {
        var file = Path.Combine(folder, "bad.tsv");
        await File.WriteAllTextAsync(file, text);

        var run = await EvalAsync(file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(file + message, run.Stderr, StringComparison.Ordinal);
    }

    private Task<CliRun.Result> EvalAsync(string file) => CliRun.RunAsync(
        "eval", file, $"--Content:Directory={HealthBotFactory.ContentDirectory}", "--Content:WatchForChanges=false");

    private static double Figure(Match match, string name) => double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"CONV conversations=(?<conversations>\d+) turns=(?<turns>\d+) topic_accuracy=(?<topic>[\d.]+) urgent_recall=(?<recall>[\d.]+) false_alarms=(?<alarms>[\d.]+)")]
    private static partial Regex ConvLine();
}
