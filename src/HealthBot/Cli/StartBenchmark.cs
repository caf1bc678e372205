using System.Diagnostics;
using System.Globalization;
using HealthBot.Channels.Twilio;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot bench start [--runs 5] [--messages 20000] [--concurrency 32] [-- SETTINGS...]</c>: how long a real
/// <c>healthbot serve</c> (a child process, Twilio pointed at a counting local peer, as <c>bench webhooks</c> runs it)
/// takes to answer its first 200 on <c>/healthz</c> (the process is alive) and on <c>/readyz</c> (ready to answer),
/// <c>--runs</c> times on a fresh data directory and as often on an existing one; then, on the existing one, the
/// resident memory 10 s after the start and after <c>--messages</c> webhooks were answered (#16).
/// </summary>
public static class StartBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Math.Max(1, BenchArgs.Int(args, "--runs", 5));
        var messages = BenchArgs.Int(args, "--messages", 20_000);
        var concurrency = Math.Max(1, BenchArgs.Int(args, "--concurrency", 32));
        var extra = Array.IndexOf(args, "--") is var d and >= 0 ? args[(d + 1)..] : [];
        var root = Directory.CreateTempSubdirectory("healthbot-bench-start-").FullName;
        await using var peer = await LocalTwilioPeer.StartAsync();
        try
        {
            var existing = Path.Combine(root, "existing");
            await StartsAsync("fresh", runs, i => Path.Combine(root, $"fresh-{i}"), peer, extra);
            Directory.Move(Path.Combine(root, "fresh-0"), existing);
            await StartsAsync("existing", runs, _ => existing, peer, extra);
            return await MemoryAsync(existing, messages, concurrency, peer, extra) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task StartsAsync(
        string label, int runs, Func<int, string> directory, LocalTwilioPeer peer, string[] extra)
    {
        var healthz = new List<double>();
        var readyz = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var (server, http) = Start(directory(i), peer, extra, 4);
            using (server)
            using (http)
            {
                var clock = Stopwatch.StartNew();
                healthz.Add(await server.WaitReadyAsync(http, "/healthz", clock) * 1000);
                readyz.Add(await server.WaitReadyAsync(http, "/readyz", clock) * 1000);
            }
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCH start data={label} runs={runs} healthz_ms_median={BenchArgs.Median(healthz):0} " +
            $"healthz_ms_min={healthz.Min():0} readyz_ms_median={BenchArgs.Median(readyz):0} " +
            $"readyz_ms_min={readyz.Min():0} load1={LoadAverage()}"));
    }

    private static async Task<bool> MemoryAsync(
        string directory, int messages, int concurrency, LocalTwilioPeer peer, string[] extra)
    {
        var (server, http) = Start(directory, peer, extra, concurrency);
        using (server)
        using (http)
        {
            var clock = Stopwatch.StartNew();
            await server.WaitReadyAsync(http, "/readyz", clock);
            await Task.Delay(TimeSpan.FromSeconds(10));
            var idle = server.Read();
            var before = peer.Received.Count;
            var load = new WebhookLoad(http, WebhookBenchmark.Token, WebhookBenchmark.Sid, concurrency);
            // Senders numbered past any earlier run's, so each gets exactly one new reply.
            await load.SendAsync(1_000_000, messages);
            var drained = await WebhookBenchmark.WaitForRepliesAsync(peer, before + messages);
            await Task.Delay(TimeSpan.FromSeconds(10));
            var after = server.Read();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"BENCH start idle_rss_mb={Mb(idle.Rss):0} rss_after_{messages}_mb={Mb(after.Rss):0} " +
                $"peak_rss_mb={Mb(after.PeakRss):0} replies={(drained ? "all" : "MISSING")} load1={LoadAverage()}"));
            return drained;
        }
    }

    private static (BenchProcess Server, HttpClient Http) Start(
        string directory, LocalTwilioPeer peer, string[] extra, int concurrency)
    {
        Directory.CreateDirectory(directory);
        var baseUrl = $"http://127.0.0.1:{BenchArgs.FreeLoopbackPort()}";
        var server = BenchProcess.Start(
            "healthbot", directory, ["serve", "--urls", baseUrl, .. extra], WebhookBenchmark.Environment(peer));
        return (server, WebhookLoad.Client(baseUrl, concurrency));
    }

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
