using System.Diagnostics;
using System.Text;

namespace HealthBot.Tests.Campaigns;

/// <summary><c>healthbot campaign …</c> as staff type it, as a child process on a private database.</summary>
public sealed class CampaignCommandTests : IDisposable
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
    public async Task Staff_import_contacts_then_create_preview_pause_and_report_a_pregnancy_campaign()
    {
        Directory.CreateDirectory(data);
        var csv = Path.Combine(data, "mothers.csv");
        await File.WriteAllTextAsync(csv, "phone,consent,language,due_date\n+254700300001,yes,sw,2027-03-15\n+254700300002,no,en,2027-04-01\n+254700300003,yes,fr,1/5/2027\n");
        var definition = Path.Combine(data, "pregnancy.json");
        await File.WriteAllTextAsync(definition, CampaignJson.Pregnancy());

        var import = await RunAsync("campaign", "import", csv, "--group", "pregnancy");
        Assert.Equal(1, import.ExitCode);
        Assert.Equal(
            "rejected line 3: no consent (the consent column must say yes)\nimported 2 contacts, rejected 1 row\n",
            import.Stdout);

        Assert.Equal("audience: 2 contacts\n", (await RunAsync("campaign", "preview", definition)).Stdout);
        Assert.Equal("created campaign 1\n", (await RunAsync("campaign", "create", definition)).Stdout);
        var again = await RunAsync("campaign", "create", definition);
        Assert.Equal((1, "healthbot campaign: name: a campaign called 'pregnancy-weekly' exists already\n"), (again.ExitCode, again.Stderr));
        Assert.Equal("campaign 1 pregnancy-weekly: paused\n", (await RunAsync("campaign", "pause", "pregnancy-weekly")).Stdout);
        Assert.Equal("1\tpaused\tpregnancy-weekly\trelative\n", (await RunAsync("campaign", "list")).Stdout);
        Assert.StartsWith("campaign 1 pregnancy-weekly (paused): targeted=0 queued=0 sent=0", (await RunAsync("campaign", "report", "1")).Stdout, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync("campaign", "frobnicate")).ExitCode);

        // Issue #15: the definition is shown as written, accents and scripts included, not as \u escapes.
        var shown = (await RunAsync("campaign", "show", "1")).Stdout;
        Assert.DoesNotContain("\\u00", shown, StringComparison.Ordinal);
        Assert.Contains("mangez des haricots et des légumes verts", shown, StringComparison.Ordinal);
        Assert.Contains("सप्ताह", shown, StringComparison.Ordinal);
    }

    private sealed record Run(int ExitCode, string Stdout, string Stderr);

    private async Task<Run> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "healthbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DataDirectory"] = data;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await stdout, await stderr);
    }
}
