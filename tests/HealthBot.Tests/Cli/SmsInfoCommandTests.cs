using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Cli;

/// <summary>
/// <c>healthbot sms-info "TEXT"</c> as an operator runs it: the built app in a child process, so argument handling,
/// exit codes and the exact stdout line are what is checked, not a method call.
/// </summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class SmsInfoCommandTests
{
    public static TheoryData<string, string> Lines => new()
    {
        { "Drink clean water", "encoding=GSM-7 segments=1 units=17" },
        { "ORS costs 5 €", "encoding=GSM-7 segments=1 units=14" },
        { new string('a', 161), "encoding=GSM-7 segments=2 units=161" },
        { "Dê água potável", "encoding=UCS-2 segments=1 units=15" },
        { "Drink 💧", "encoding=UCS-2 segments=1 units=8" },
        { "बच्चे को ओआरएस घोल दें।", "encoding=UCS-2 segments=1 units=23" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Prints_one_line_with_encoding_segments_and_units_when_sending_changes_nothing(
        string text, string line)
    {
        var run = await RunAsync("sms-info", text);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(line + "\n", run.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, run.Stderr);
    }

    /// <summary>
    /// The editor's case from #15: French with a cedilla and a curly apostrophe is UCS-2 as typed, but leaves folded
    /// as GSM-7; the first line stays as it was, a second says what is sent. "Dê" (pt: give) would read "De", so a
    /// text holding it is sent with its accents and the command prints no second line (see the first theory).
    /// </summary>
    [Fact]
    public async Task A_second_line_gives_the_text_as_it_would_be_sent_when_folding_changes_it()
    {
        const string clash = "Leçon : lavez-vous les mains à l’eau, c’est sûr ? Non : c’est simple.";
        var run = await RunAsync("sms-info", clash);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "encoding=UCS-2 segments=1 units=69\n" +
            "as sent: encoding=UCS-2 segments=1 units=69 " +
            "text=Leçon : lavez-vous les mains à l'eau, c'est sûr ? Non : c'est simple.\n",
            run.Stdout.ReplaceLineEndings("\n"));

        run = await RunAsync("sms-info", "Leçon : lavez-vous les mains à l’eau, c’est simple.");
        Assert.Equal(
            "encoding=UCS-2 segments=1 units=51\n" +
            "as sent: encoding=GSM-7 segments=1 units=51 text=Lecon : lavez-vous les mains à l'eau, c'est simple.\n",
            run.Stdout.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData]
    [InlineData("Drink", "water")]
    public async Task Without_exactly_one_argument_it_prints_usage_on_stderr_and_exits_2(params string[] args)
    {
        var run = await RunAsync(["sms-info", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("usage: healthbot sms-info", run.Stderr, StringComparison.Ordinal);
    }

    private static Task<CliRun.Result> RunAsync(params string[] args) => CliRun.RunAsync(args);
}
