using System.Diagnostics;
using System.Text;

namespace HealthBot.Tests.Infrastructure;

/// <summary>Runs the built <c>healthbot</c> as an operator would: a child process, its exit code, stdout and stderr.</summary>
public static class CliRun
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>
    /// Runs <c>healthbot serve</c> on a free loopback port with a private data directory and the given settings
    /// (as environment variables, e.g. <c>Admin__TimeZone</c>), for a start the settings should refuse.
    /// </summary>
    public static async Task<Result> ServeAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var data = Directory.CreateTempSubdirectory("healthbot-serve-");
        try
        {
            var environment = new Dictionary<string, string?>(settings) { ["Storage__DataDirectory"] = data.FullName };
            var url = $"http://127.0.0.1:{HealthBotFactory.FreeLoopbackPort()}";
            return await RunAsync(null, environment, TimeSpan.FromMinutes(1), "serve", "--urls", url);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    /// <summary>As <see cref="RunAsync"/>, typing <paramref name="input"/> at the command's standard input (then end of input).</summary>
    public static Task<Result> RunWithInputAsync(string? input, params string[] args) =>
        RunAsync(input, new Dictionary<string, string?>(), TimeSpan.FromMinutes(3), args);

    /// <summary>
    /// As <see cref="RunWithInputAsync"/>, with environment variables set (null: removed) and a time limit, after which the
    /// process is killed and <see cref="TimeoutException"/> thrown (e.g. a server that should have refused to start).
    /// </summary>
    public static async Task<Result> RunAsync(
        string? input, IReadOnlyDictionary<string, string?> environment, TimeSpan limit, params string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "healthbot.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
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

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"healthbot {string.Join(' ', args)} did not exit within {limit.TotalSeconds:0} s");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
