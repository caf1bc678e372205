using System.Diagnostics;
using System.Globalization;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot bench idle [--seconds 60] [-- SETTINGS...]</c>: what a real <c>healthbot serve</c> writes while nothing
/// happens, on a fresh data directory (the job server on, as deployed): bytes written per minute
/// (<c>/proc/PID/io</c> write_bytes) and how much each SQLite WAL grew. An SD card wears with every write (#16).
/// </summary>
public static class IdleBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Array.IndexOf(args, "--seconds") is var s and >= 0 && s + 1 < args.Length
            && int.TryParse(args[s + 1], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 60;
        var extra = Array.IndexOf(args, "--") is var d and >= 0 ? args[(d + 1)..] : [];
        var root = Directory.CreateTempSubdirectory("healthbot-bench-idle-").FullName;
        try
        {
            var baseUrl = $"http://127.0.0.1:{BenchArgs.FreeLoopbackPort()}";
            using var server = BenchProcess.Start(
                "healthbot", root, ["serve", "--urls", baseUrl, .. extra],
                new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            await server.WaitReadyAsync(http, "/healthz", Stopwatch.StartNew());
            await Task.Delay(TimeSpan.FromSeconds(15)); // start-up (migrations, the first planning look) settles
            var (before, walsBefore) = (server.Read(), Wals(root));
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var (after, walsAfter) = (server.Read(), Wals(root));
            var perMinute = 60.0 / seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"IDLE seconds={seconds} write_kb_per_min={(after.WriteBytes - before.WriteBytes) / 1024.0 * perMinute:0.#} " +
                $"cpu_ms_per_min={(after.Cpu - before.Cpu).TotalMilliseconds * perMinute:0}"));
            foreach (var (file, size) in walsAfter)
            {
                var growth = size - walsBefore.GetValueOrDefault(file);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {file}: grew {growth / 1024.0 * perMinute:0.#} KB per minute (now {size / 1024.0:0} KB)"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Dictionary<string, long> Wals(string root) =>
        Directory.EnumerateFiles(root, "*.db-wal", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetFileName(f), f => new FileInfo(f).Length);
}
