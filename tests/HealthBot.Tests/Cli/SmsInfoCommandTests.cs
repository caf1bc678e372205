using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Cli;

/// <summary>
/// <c>healthbot sms-info "TEXT"</c> as an operator runs it: the built app in a child process, so argument handling,
/// exit codes and the exact stdout line are what is checked, not a method call.
/// </summary>
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
    public async Task Prints_exactly_one_line_with_encoding_segments_and_units(string text, string line)
    {
        var run = await RunAsync("sms-info", text);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(line + "\n", run.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, run.Stderr);
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
