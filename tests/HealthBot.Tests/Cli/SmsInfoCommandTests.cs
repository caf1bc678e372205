using System.Diagnostics;
using System.Text;

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

    private sealed record Run(int ExitCode, string Stdout, string Stderr);

    private static async Task<Run> RunAsync(params string[] args)
    {
        // The app project is referenced by the test project, so its build output sits next to the tests.
        var app = Path.Combine(AppContext.BaseDirectory, "healthbot.dll");
        Assert.True(File.Exists(app), $"{app} not found; build the solution first");

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"healthbot {string.Join(' ', args)} did not exit within 60 s");
        }

        return new Run(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The dotnet host running these tests (the CLI exports it), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
