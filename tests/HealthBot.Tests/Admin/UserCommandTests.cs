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
