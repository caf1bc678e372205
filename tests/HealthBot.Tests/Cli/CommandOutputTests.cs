using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Cli;

/// <summary>
/// <c>chat</c> and <c>eval</c> as run on a server whose settings log at Information (as appsettings.sample.json does):
/// the conversation and the report on stdout, the progress line on stderr, and no log line in either unless asked.
/// </summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class CommandOutputTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Chat_shows_the_conversation_without_log_lines_unless_verbose()
    {
        var run = await RunAsync("how can i prevent malaria\n\n", "chat");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Matches(@"^HealthBot chat — \d+ content items loaded\. ", lines[0]);
        Assert.StartsWith("bot> Protect your family from malaria", lines[1], StringComparison.Ordinal);
        Assert.All(lines[1..], l => Assert.DoesNotContain("info:", l, StringComparison.Ordinal));
        Assert.Equal(string.Empty, run.Stderr);

        // A fresh database, so that its migrations are logged.
        var verbose = await RunAsync("how can i prevent malaria\n\n", "chat", "--verbose",
            $"--Storage:DataDirectory={Path.Combine(data, "verbose")}");

        Assert.Equal(0, verbose.ExitCode);
        Assert.DoesNotContain("info:", verbose.Stdout, StringComparison.Ordinal);
        Assert.Contains("Applied database migration", verbose.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_prints_only_its_progress_line_on_stderr_and_counts_rows_in_words()
    {
        var one = Path.Combine(data, "one.tsv");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(
            one, "lang\ttopic\turgent\ttext\nen\tmalaria-prevention\tno\thow can i prevent malaria\n");

        var run = await RunAsync(null, "eval", one);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("\r1/1 row" + Environment.NewLine, run.Stderr);
        Assert.Contains("EVAL rows=1 ", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", run.Stdout, StringComparison.Ordinal);
    }

    private Task<CliRun.Result> RunAsync(string? input, params string[] args) => CliRun.RunAsync(input,
        new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Information",
            ["Storage__DataDirectory"] = data,
            ["Content__Directory"] = HealthBotFactory.ContentDirectory,
        },
        TimeSpan.FromMinutes(3), args);
}
