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

    private async Task<(int ExitCode, string Stdout)> RunAsync(string stdin, params string[] args)
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
        await stderr;
        return (process.ExitCode, await stdout);
    }
}
