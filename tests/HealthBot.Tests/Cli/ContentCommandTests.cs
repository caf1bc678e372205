using System.Diagnostics;
using HealthBot.Tests.Content;

namespace HealthBot.Tests.Cli;

/// <summary>The real <c>healthbot content …</c> commands, run as a child process as staff and CI run them.</summary>
public sealed class ContentCommandTests : IDisposable
{
    private readonly ContentFixture content = new();
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        content.Dispose();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Validate_exits_0_on_good_content()
    {
        var (exitCode, output) = await RunAsync("content", "validate", content.Directory);

        Assert.Equal(0, exitCode);
        Assert.Equal(["checked 15 files in 5 languages: 0 errors, 0 warnings"], output);
    }

    [Fact]
    public async Task Validate_checks_the_second_opinions_example_files_with_file_and_line()
    {
        var examples = Path.Combine(content.Directory, "triage-examples");
        Directory.CreateDirectory(examples);
        var file = Path.Combine(examples, "extra.tsv");
        File.WriteAllLines(file,
        [
            "# written by a volunteer", "lang\ttopic\turgent\ttext", "en\tsnakebite\tyes\ta snake bit my son",
            "en\tsnakebite\tmaybe\tsnake in the house", "sw\tnone\tno", "xx\tnone\tno\tbonjour",
        ]);

        var (exitCode, output) = await RunAsync("content", "validate", content.Directory);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                $"{file}:4: want a language code, urgent yes|no and a text, got 'en', 'maybe'",
                $"{file}:5: 3 columns, the header has 4",
                $"{file}:6: unknown language 'xx' (expected one of en, fr, sw, pt, hi)",
                "checked 15 files in 5 languages: 3 errors, 0 warnings",
            ],
            output);
    }

    [Fact]
    public async Task Validate_exits_1_and_prints_file_and_line_on_bad_content()
    {
        content.Replace("fr", "diarrhoea-ors.md", "Zinc pour l'enfant 10-14 jours", "Zinc pour l'enfant 10-15 jours");
        File.Delete(content.Path("pt", "handwashing.md"));

        var (exitCode, output) = await RunAsync("content", "validate", content.Directory);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                $"{content.Path("fr", "diarrhoea-ors.md")}:{content.LineStartingWith("fr", "diarrhoea-ors.md", "## sms")}: the sms numbers differ from the English sms: missing 14; extra 15",
                $"{content.Path("pt", "handwashing.md")}:0: missing translation of handwashing",
                "checked 14 files in 5 languages: 2 errors, 0 warnings",
            ],
            output);
    }

    [Fact]
    public async Task Import_twice_records_each_version_once()
    {
        var first = await RunAsync("content", "import", content.Directory);
        var second = await RunAsync("content", "import", content.Directory);

        Assert.Equal(["imported 10 new versions, 0 unchanged, 0 errors"], first.Output);
        Assert.Equal(["imported 0 new versions, 10 unchanged, 0 errors"], second.Output);
        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
    }

    [Fact]
    public async Task Import_of_changed_text_with_the_same_version_exits_1()
    {
        await RunAsync("content", "import", content.Directory);
        content.Replace("sw", "handwashing.md", "sekunde 20", "sekunde 30");

        var (exitCode, output) = await RunAsync("content", "import", content.Directory);

        Assert.Equal(1, exitCode);
        Assert.Equal(2, output.Length);
        Assert.StartsWith($"{content.Path("sw", "handwashing.md")}:{content.LineStartingWith("sw", "handwashing.md", "version:")}: changed without a new version", output[0]);
        Assert.Equal("imported 0 new versions, 9 unchanged, 1 error", output[1]);
    }

    private async Task<(int ExitCode, string[] Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "healthbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DataDirectory"] = dataDirectory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
        Assert.True((await stderr).Length == 0, $"stderr: {await stderr}");
        return (process.ExitCode, (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
