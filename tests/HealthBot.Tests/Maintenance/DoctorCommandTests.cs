using System.Security.Cryptography;
using HealthBot.Tests.Content;

namespace HealthBot.Tests.Maintenance;

/// <summary>
/// <c>healthbot doctor</c> as the person on site runs it: the real process, its words and its exit code, on a box
/// that is well and on one with a problem in each area (key, disk, content, provider, public URL).
/// </summary>
public sealed class DoctorCommandTests : IDisposable
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string root = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
    private readonly ContentFixture content = new();
    private readonly DataDirectoryCli cli;

    public DoctorCommandTests() => cli = new DataDirectoryCli(Path.Combine(root, "data"));

    public void Dispose()
    {
        content.Dispose();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_box_that_is_well_exits_0_and_says_so_for_every_check()
    {
        await cli.OkAsync(KeyA, "how do I wash my hands\n", "chat", "--as", "doctor-tester");
        await cli.OkAsync(KeyA, null, "backup");

        var doctor = await cli.RunAsync(KeyA, null, "doctor", "--Content:Directory", content.Directory);

        Assert.True(doctor.ExitCode == 0, doctor.Stdout + doctor.Stderr);
        var lines = doctor.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var check in new[]
                 {
                     "libgomp (model runtime)", "model runtime (llama.cpp)", "OpenSSL", "ICU (languages)", "disk space", "database", "data key",
                     "clock", "last backup", "content", "model", "public URL",
                 })
        {
            Assert.Contains(lines, l => l.StartsWith($"ok       {check}: ", StringComparison.Ordinal));
        }

        Assert.Equal("all is well", lines[^1]);
    }

    [Fact]
    public async Task Each_problem_is_named_with_its_fix_and_the_exit_code_is_1()
    {
        await cli.OkAsync(KeyA, "how do I wash my hands\n", "chat", "--as", "doctor-tester");
        content.Replace("fr", "diarrhoea-ors.md", "Zinc pour l'enfant 10-14 jours", "Zinc pour l'enfant 10-15 jours");

        var doctor = await cli.RunAsync(
            KeyB, null, "doctor", "--Content:Directory", content.Directory,
            "--Storage:MinimumFreeMegabytes", "1000000",
            "--Kannel:StatusUrl", "http://127.0.0.1:9/status.txt",
            "--Twilio:PublicBaseUrl", "http://bot.example.org");

        Assert.Equal(1, doctor.ExitCode);
        var text = doctor.Stdout;
        AssertProblem(text, "data key", "holds a different key", "set HEALTHBOT_DATA_KEY to the key");
        AssertProblem(text, "disk space", "below Storage:MinimumFreeMegabytes=1000000", "delete old files");
        AssertProblem(text, "content", "1 error,", $"healthbot content validate {content.Directory}");
        AssertProblem(text, "kannel", "not answering", "check that kannel runs");
        AssertProblem(text, "public URL", "is not https", "TLS reverse proxy");
        AssertProblem(text, "last backup", "no backup yet", "run: healthbot backup");
        Assert.EndsWith("6 problems: see the fixes above\n", text, StringComparison.Ordinal);
    }

    /// <summary>The problem line, and the fix on the line after it.</summary>
    private static void AssertProblem(string output, string check, string detail, string fix)
    {
        var lines = output.Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith($"PROBLEM  {check}: ", StringComparison.Ordinal));
        Assert.True(index >= 0, $"no problem reported for {check}:\n{output}");
        Assert.Contains(detail, lines[index], StringComparison.Ordinal);
        Assert.StartsWith("         fix: ", lines[index + 1], StringComparison.Ordinal);
        Assert.Contains(fix, lines[index + 1], StringComparison.Ordinal);
    }
}
