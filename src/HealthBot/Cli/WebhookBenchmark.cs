using System.Diagnostics;
using System.Globalization;
using HealthBot.Channels.Twilio;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot bench webhooks [--warmup 10000] [--messages 10000] [--rounds 3] [--concurrency 32] [--baseline
/// insert|accept|both|none]</c>. Runs a real <c>healthbot serve</c> as a child process in a private working directory
/// (its content root, holding the default <c>data/</c> folder, as deployed) with Twilio pointed at a counting
/// <see cref="LocalTwilioPeer"/>; warms it up, then measures back-to-back rounds: webhook intake rate and p50/p99,
/// the end-to-end rate at which replies reach the peer, server CPU and bytes written per message, and memory. The
/// accept-only baselines (<see cref="AcceptOnlyServer"/>) run the same rounds in the same run, and the medians are
/// printed as ratios: on a shared, busy machine only figures from one run compare.
/// </summary>
public static class WebhookBenchmark
{
    internal const string Token = "bench-token";
    internal const string Sid = "ACbench0000000000000000000000000";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = new Settings(
            BenchArgs.Int(args, "--warmup", 10_000),
            BenchArgs.Int(args, "--messages", BenchArgs.Int(args, "--n", 10_000)),
            Math.Max(1, BenchArgs.Int(args, "--rounds", 3)), Math.Max(1, BenchArgs.Int(args, "--concurrency", 32)));
        var baselines = BenchArgs.Text(args, "--baseline", "both") switch
        {
            "insert" => new[] { "accept-insert" },
            "accept" => ["accept-only"],
            "none" => [],
            _ => ["accept-insert", "accept-only"],
        };
        var root = Path.Combine(Path.GetTempPath(), "healthbot-bench", Guid.NewGuid().ToString("N"));
        await using var peer = await LocalTwilioPeer.StartAsync();
        try
        {
            var healthBot = await MeasureAsync("healthbot", root, settings, peer);
            var results = new List<ServerResult> { healthBot };
            foreach (var baseline in baselines)
            {
                results.Add(await MeasureAsync(baseline, root, settings, null));
            }

            foreach (var baseline in results.Skip(1))
            {
                PrintRatio(healthBot, baseline);
            }

            return healthBot.RepliesExact ? 0 : 1;
        }
        finally
        {
            if (args.Contains("--keep"))
            {
                Console.Error.WriteLine($"kept the servers' directories in {root}");
            }
            else
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<ServerResult> MeasureAsync(
        string name, string root, Settings settings, LocalTwilioPeer? peer)
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        var port = BenchArgs.FreeLoopbackPort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var clock = Stopwatch.StartNew();
        using var server = BenchProcess.Start(name, directory, Arguments(name, port, baseUrl), Environment(peer));
        using var http = WebhookLoad.Client(baseUrl, settings.Concurrency);
        var startSeconds = await server.WaitReadyAsync(http, "/healthz", clock);
        if (peer is not null)
        {
            await server.WaitReadyAsync(http, "/readyz", clock);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // let start-up work settle before calling the memory idle
        var idle = server.Read();
        var load = new WebhookLoad(http, Token, Sid, settings.Concurrency);
        var repliesAtStart = peer?.Received.Count ?? 0;
        if (settings.Warmup > 0)
        {
            await RoundAsync($"{name} warm-up", server, load, peer, 0, settings.Warmup);
        }

        var rounds = new List<RoundResult>();
        for (var r = 0; r < settings.Rounds; r++)
        {
            var first = settings.Warmup + r * settings.Messages;
            var round = await RoundAsync($"{name} round {r + 1}", server, load, peer, first, settings.Messages);
            rounds.Add(round);
            Console.Out.WriteLine(Invariant(
                $"BENCH webhooks server={name} round={r + 1} messages={settings.Messages} ",
                $"concurrency={settings.Concurrency} intake_per_s={round.IntakePerSecond:0} ",
                $"replies_per_s={round.RepliesPerSecond:0} p50_ms={round.P50:0.00} p99_ms={round.P99:0.00} ",
                $"cpu_ms_per_msg={round.CpuMsPerMessage:0.000} kb_written_per_msg={round.KbPerMessage:0.0}"));
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var end = server.Read();
        var total = settings.Warmup + settings.Rounds * settings.Messages;
        var exact = peer is null || CheckReplies(peer, repliesAtStart, total);
        var result = new ServerResult(name, startSeconds, idle.Rss, end.Rss, end.PeakRss, rounds, exact);
        Console.Out.WriteLine(Invariant(
            $"BENCH webhooks server={name} start_to_healthz_s={startSeconds:0.00} idle_rss_mb={Mb(idle.Rss):0} ",
            $"rss_after_mb={Mb(end.Rss):0} peak_rss_mb={Mb(end.PeakRss):0} ",
            $"median_intake_per_s={result.Median(r => r.IntakePerSecond):0} ",
            $"median_cpu_ms_per_msg={result.Median(r => r.CpuMsPerMessage):0.000} ",
            $"median_kb_written_per_msg={result.Median(r => r.KbPerMessage):0.0}",
            $"{(peer is null ? string.Empty : $" replies={(exact ? "exactly-one-each" : "WRONG")}")}",
            $" cpus={System.Environment.ProcessorCount}"));
        return result;
    }

    /// <summary>Sends one round, then (with a peer) waits until every reply of it arrived.</summary>
    private static async Task<RoundResult> RoundAsync(
        string label, BenchProcess server, WebhookLoad load, LocalTwilioPeer? peer, int first, int count)
    {
        var before = server.Read();
        var repliesBefore = peer?.Received.Count ?? 0;
        var sentBefore = load.Sent;
        using var progress = new CancellationTokenSource();
        var reporter = ReportProgressAsync(label, () => load.Sent - sentBefore,
            () => (peer?.Received.Count ?? 0) - repliesBefore, count, peer is not null, progress.Token);
        var clock = Stopwatch.StartNew();
        var latencies = await load.SendAsync(first, count);
        var intakeSeconds = clock.Elapsed.TotalSeconds;
        var repliesSeconds = double.NaN;
        if (peer is not null)
        {
            var drained = await WaitForRepliesAsync(peer, repliesBefore + count);
            repliesSeconds = drained ? clock.Elapsed.TotalSeconds : double.NaN;
        }

        var after = server.Read();
        await progress.CancelAsync();
        await reporter;
        return new RoundResult(count / intakeSeconds, count / repliesSeconds, BenchArgs.Percentile(latencies, 0.50),
            BenchArgs.Percentile(latencies, 0.99), (after.Cpu - before.Cpu).TotalMilliseconds / count,
            (after.WriteBytes - before.WriteBytes) / 1024.0 / count);
    }

    /// <summary>Waits for <paramref name="target"/> replies; gives up when none arrived for 60 s.</summary>
    internal static async Task<bool> WaitForRepliesAsync(LocalTwilioPeer peer, int target)
    {
        var last = peer.Received.Count;
        var quiet = Stopwatch.StartNew();
        while (peer.Received.Count < target)
        {
            await Task.Delay(5);
            if (peer.Received.Count != last)
            {
                last = peer.Received.Count;
                quiet.Restart();
            }
            else if (quiet.Elapsed > TimeSpan.FromSeconds(60))
            {
                return false;
            }
        }

        return true;
    }

    private static bool CheckReplies(LocalTwilioPeer peer, int skip, int total)
    {
        var counts = peer.Received.Skip(skip).GroupBy(m => m.To).ToDictionary(g => g.Key, g => g.Count());
        var missing = Enumerable.Range(0, total).Count(i => !counts.ContainsKey(WebhookLoad.Sender(i)));
        var duplicated = counts.Values.Count(c => c > 1);
        if (missing > 0 || duplicated > 0)
        {
            Console.Error.WriteLine($"replies: {missing} senders got none, {duplicated} got more than one");
        }

        return missing == 0 && duplicated == 0;
    }

    private static async Task ReportProgressAsync(
        string label, Func<int> sent, Func<int> replied, int count, bool replies, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                Console.Error.WriteLine(Invariant(
                    $"[{label}] {sent():N0}/{count:N0} sent{(replies ? $", {replied():N0} replied" : string.Empty)}"));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void PrintRatio(ServerResult healthBot, ServerResult baseline)
    {
        double Ratio(Func<RoundResult, double> figure) => healthBot.Median(figure) / baseline.Median(figure);
        Console.Out.WriteLine(Invariant(
            $"BENCH ratio healthbot/{baseline.Name} intake={Ratio(r => r.IntakePerSecond):0.00} ",
            $"p99={Ratio(r => r.P99):0.00} cpu_per_msg={Ratio(r => r.CpuMsPerMessage):0.00} ",
            $"written_per_msg={Ratio(r => r.KbPerMessage):0.00} ",
            $"idle_rss={healthBot.IdleRss / (double)baseline.IdleRss:0.00} ",
            $"start={healthBot.StartSeconds / baseline.StartSeconds:0.00}"));
    }

    private static string[] Arguments(string name, int port, string baseUrl) => name switch
    {
        "healthbot" => ["serve", "--urls", baseUrl],
        "accept-insert" => ["bench", "accept-server", "--port", $"{port}", "--token", Token],
        _ => ["bench", "accept-server", "--port", $"{port}", "--token", Token, "--no-insert"],
    };

    /// <summary>HealthBot as deployed: data in <c>data/</c> under its content root; Twilio is the local peer.</summary>
    internal static Dictionary<string, string> Environment(LocalTwilioPeer? peer) => peer is null ? [] : new()
    {
        ["Twilio__AccountSid"] = Sid,
        ["Twilio__AuthToken"] = Token,
        ["Twilio__ApiBaseUrl"] = peer.BaseUrl,
        ["Twilio__SmsFrom"] = "+15550001111",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private static string Invariant(params FormattableString[] parts) =>
        string.Concat(parts.Select(p => p.ToString(CultureInfo.InvariantCulture)));

    private sealed record Settings(int Warmup, int Messages, int Rounds, int Concurrency);

    private sealed record RoundResult(
        double IntakePerSecond,
        double RepliesPerSecond,
        double P50,
        double P99,
        double CpuMsPerMessage,
        double KbPerMessage);

    private sealed record ServerResult(
        string Name,
        double StartSeconds,
        long IdleRss,
        long RssAfter,
        long PeakRss,
        List<RoundResult> Rounds,
        bool RepliesExact)
    {
        public double Median(Func<RoundResult, double> figure) => BenchArgs.Median(Rounds.Select(figure));
    }
}
