using System.Diagnostics;

namespace HealthBot.Tests.Admin;

/// <summary><c>healthbot user add EMAIL --role admin</c> with the password on stdin, as an operator creates the first admin.</summary>
public sealed class UserCommandTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task The_first_admin_is_created_from_the_command_line_with_a_hashed_password()
    {
        var (exitCode, stdout) = await RunAsync("correct horse battery staple\n", "user", "add", "first@ngo.example", "--role", "admin");

        Assert.Equal(0, exitCode);
        Assert.Contains("first@ngo.example", stdout, StringComparison.Ordinal);
        var (shortExit, _) = await RunAsync("short\n", "user", "add", "second@ngo.example", "--role", "admin");
        Assert.Equal(2, shortExit);
        var (roleExit, _) = await RunAsync("correct horse battery staple\n", "user", "add", "third@ngo.example", "--role", "king");
        Assert.Equal(2, roleExit);
    }

    [Fact]
    public async Task Adding_an_existing_address_fails_and_set_password_changes_it_explicitly()
    {
        Assert.Equal(0, (await RunAsync("correct horse battery staple\n", "user", "add", "ops@ngo.example", "--role", "admin")).ExitCode);

        var (again, _, error) = await RunFullAsync("a different long passphrase\n", "user", "add", "OPS@ngo.example", "--role", "viewer");

        Assert.NotEqual(0, again);
        Assert.Contains("ops@ngo.example already exists", error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("set-password", error, StringComparison.Ordinal);
        var (reset, stdout, _) = await RunFullAsync("a different long passphrase\n", "user", "set-password", "ops@ngo.example");
        Assert.Equal(0, reset);
        Assert.Contains("new password", stdout, StringComparison.Ordinal);
        var (unknown, _, unknownError) = await RunFullAsync("a different long passphrase\n", "user", "set-password", "nobody@ngo.example");
        Assert.Equal(2, unknown);
        Assert.Contains("no account", unknownError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_README_quick_start_command_creates_an_admin_who_signs_in_at_the_workspace_it_names()
    {
        var readme = File.ReadAllText(HealthBot.Tests.Infrastructure.HealthBotFactory.RepositoryPath("README.md"));
        var quickStart = readme[readme.IndexOf("## Quick start", StringComparison.Ordinal)..
            readme.IndexOf("## Commands", StringComparison.Ordinal)];
        Assert.Contains("http://localhost:5080/admin", quickStart, StringComparison.Ordinal);
        var line = quickStart.Split('\n').Single(l => l.Contains(" user add ", StringComparison.Ordinal));
        var password = line.Split('\'')[1];
        var args = line[(line.IndexOf(" -- ", StringComparison.Ordinal) + 4)..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(0, (await RunAsync(password + "\n", args)).ExitCode);

        await using var app = new HealthBot.Tests.Infrastructure.HealthBotFactory(dataDirectory: dataDirectory,
            settings: new Dictionary<string, string?> { ["Storage:Provider"] = "sqlite" });
        var client = app.Client();
        var signIn = await client.PostAsync("/admin/login", await AdminHttp.FormAsync(client, "/admin/login",
            new() { ["Email"] = args[2], ["Password"] = password }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("data-testid=\"dashboard\"", await client.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/users\"", await client.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Stdout)> RunAsync(string stdin, params string[] args)
    {
        var (exitCode, stdout, _) = await RunFullAsync(stdin, args);
        return (exitCode, stdout);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunFullAsync(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "healthbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DataDirectory"] = dataDirectory;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
