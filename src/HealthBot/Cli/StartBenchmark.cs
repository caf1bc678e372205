using System.Diagnostics;
using System.Globalization;
using HealthBot.Channels.Twilio;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot bench start [--runs 5] [--messages 20000] [--concurrency 32] [--server DIR]
/// [-- SETTINGS...]</c>: how long a real
/// <c>healthbot serve</c> (a child process, Twilio pointed at a counting local peer, as <c>bench webhooks</c> runs it)
/// takes to answer its first 200 on <c>/healthz</c> (the process is alive) and on <c>/readyz</c> (ready to answer),
/// <c>--runs</c> times on a fresh data directory and as often on an existing one, with the CPU time it used until
/// <c>/healthz</c> answered (steadier than wall time on a busy machine); then, on the existing one, the resident
/// memory 10 s after the start and after <c>--messages</c> webhooks were answered. <c>--server DIR</c> starts the
/// <c>healthbot.dll</c> of another build (a before/after comparison with one harness) (#16).
/// </summary>
public static class StartBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Math.Max(1, BenchArgs.Int(args, "--runs", 5));
        var messages = BenchArgs.Int(args, "--messages", 20_000);
        var concurrency = Math.Max(1, BenchArgs.Int(args, "--concurrency", 32));
        var dashes = Array.IndexOf(args, "--");
        var extra = dashes >= 0 ? args[(dashes + 1)..] : [];
        var build = BenchArgs.Text(args[..(dashes >= 0 ? dashes : args.Length)], "--server", AppContext.BaseDirectory);
        var root = Directory.CreateTempSubdirectory("healthbot-bench-start-").FullName;
        await using var peer = await LocalTwilioPeer.StartAsync();
        try
        {
            var existing = Path.Combine(root, "existing");
            var server = new Server(Path.GetFullPath(build), extra);
            await StartsAsync("fresh", runs, i => Path.Combine(root, $"fresh-{i}"), peer, server);
            Directory.Move(Path.Combine(root, "fresh-0"), existing);
            await StartsAsync("existing", runs, _ => existing, peer, server);
            return await MemoryAsync(existing, messages, concurrency, peer, server) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task StartsAsync(
        string label, int runs, Func<int, string> directory, LocalTwilioPeer peer, Server server)
    {
        var healthz = new List<double>();
        var readyz = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var (process, http) = Start(directory(i), peer, server, 4);
            using (process)
            using (http)
            {
                var clock = Stopwatch.StartNew();
                healthz.Add(await process.WaitReadyAsync(http, "/healthz", clock) * 1000);
                cpu.Add(process.Read().Cpu.TotalMilliseconds); // steadier than wall time on a busy, shared machine
                readyz.Add(await process.WaitReadyAsync(http, "/readyz", clock) * 1000);
            }
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCH start data={label} runs={runs} healthz_ms_median={BenchArgs.Median(healthz):0} " +
            $"healthz_ms_min={healthz.Min():0} readyz_ms_median={BenchArgs.Median(readyz):0} " +
            $"readyz_ms_min={readyz.Min():0} healthz_cpu_ms_median={BenchArgs.Median(cpu):0} " +
            $"healthz_cpu_ms_min={cpu.Min():0} load1={LoadAverage()}"));
    }

    private static async Task<bool> MemoryAsync(
        string directory, int messages, int concurrency, LocalTwilioPeer peer, Server server)
    {
        var (process, http) = Start(directory, peer, server, concurrency);
        using (process)
        using (http)
        {
            var clock = Stopwatch.StartNew();
            await process.WaitReadyAsync(http, "/readyz", clock);
            await Task.Delay(TimeSpan.FromSeconds(10));
            var idle = process.Read();
            var before = peer.Received.Count;
            var load = new WebhookLoad(http, WebhookBenchmark.Token, WebhookBenchmark.Sid, concurrency);
            // Senders numbered past any earlier run's, so each gets exactly one new reply.
            await load.SendAsync(1_000_000, messages);
            var drained = await WebhookBenchmark.WaitForRepliesAsync(peer, before + messages);
            await Task.Delay(TimeSpan.FromSeconds(10));
            var after = process.Read();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"BENCH start idle_rss_mb={Mb(idle.Rss):0} rss_after_{messages}_mb={Mb(after.Rss):0} " +
                $"peak_rss_mb={Mb(after.PeakRss):0} replies={(drained ? "all" : "MISSING")} load1={LoadAverage()}"));
            return drained;
        }
    }

    private static (BenchProcess Server, HttpClient Http) Start(
        string directory, LocalTwilioPeer peer, Server server, int concurrency)
    {
        Directory.CreateDirectory(directory);
        var baseUrl = $"http://127.0.0.1:{BenchArgs.FreeLoopbackPort()}";
        var process = BenchProcess.Start("healthbot", directory, ["serve", "--urls", baseUrl, .. server.Settings],
            WebhookBenchmark.Environment(peer), Path.Combine(server.Build, "healthbot.dll"));
        return (process, WebhookLoad.Client(baseUrl, concurrency));
    }

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>Which build to start (its folder) and the settings given to it.</summary>
    private sealed record Server(string Build, string[] Settings);
}
