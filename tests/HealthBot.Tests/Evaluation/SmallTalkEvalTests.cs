using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Evaluation;

/// <summary>
/// <c>healthbot eval</c> on small talk in five languages: each is a "none" row, answered without a health article.
/// </summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class SmallTalkEvalTests
{
    [Fact]
    public async Task Small_talk_rows_are_never_answered_with_a_health_article()
    {
        var tsv = HealthBotFactory.RepositoryPath("tests/HealthBot.Tests/Evaluation/testdata/smalltalk.tsv");

        var run = await CliRun.RunAsync("eval", tsv);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("misses: 0", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(" none_accuracy=1.000 language_accuracy=1.000", run.Stdout, StringComparison.Ordinal);
    }
}
