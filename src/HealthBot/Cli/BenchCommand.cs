using System.Diagnostics;
using System.Globalization;
using HealthBot.Channels.Twilio;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot bench webhooks [--n N] [--concurrency C]</c>: starts HealthBot as a child process with a private
/// database and its Twilio REST base pointed at a local peer, sends N signed inbound webhooks over loopback from
/// this process, and reports messages/s, webhook latency p50/p99 and the time until every reply reached the peer.
/// </summary>
public static class BenchCommand
{
    private const string Token = "bench-token";
    private const string Sid = "ACbench0000000000000000000000000";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "dialog")
        {
            return await DialogBenchmark.RunAsync([], IntOption(args, "--n", 5000));
        }

        if (args.Length > 0 && args[0] == "retrieval")
        {
            var content = Array.IndexOf(args, "--content") is var c and >= 0 && c + 1 < args.Length ? args[c + 1] : new HealthBot.Content.ContentOptions().ResolveDirectory();
            return RetrievalBenchmark.Run(content, IntOption(args, "--queries", 10000), IntOption(args, "--synthetic", 5000));
        }

        if (args.Length > 0 && args[0] == "model")
        {
            return await HealthBot.Llm.ModelBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "campaign")
        {
            return await HealthBot.Campaigns.CampaignBenchmark.RunAsync(args[1..]);
        }

        if (args.Length == 0 || args[0] != "webhooks")
        {
            Console.Error.WriteLine("usage: healthbot bench webhooks [--n 5000] [--concurrency 32] [--port 5099]");
            Console.Error.WriteLine("       healthbot bench retrieval [--queries 10000] [--synthetic 5000] [--content DIR]");
            Console.Error.WriteLine("       healthbot bench model --model PATH [--runs 10] [--tokens 128] [--threads 0]");
            Console.Error.WriteLine("       healthbot bench campaign [--contacts 100000] [--send 20000]");
            return 2;
        }

        var n = IntOption(args, "--n", 5000);
        var concurrency = IntOption(args, "--concurrency", 32);
        var port = IntOption(args, "--port", 5099);
        await using var peer = await LocalTwilioPeer.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "healthbot-bench", Guid.NewGuid().ToString("N"));
        var baseUrl = $"http://127.0.0.1:{port}";
        using var server = StartServer(baseUrl, peer.BaseUrl, data);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
            await WaitReadyAsync(http);
            Console.Error.WriteLine($"server ready (pid {server.Id}); warming up…");
            await SendAsync(http, 200, concurrency, "warm");
            await WaitForPeerAsync(peer, 200, TimeSpan.FromSeconds(60));
            var before = peer.Received.Count;
            Console.Error.WriteLine(
                $"sending {Plural.Of(n, "signed webhook")} with {Plural.Of(concurrency, "concurrent connection")}…");
            server.Refresh();
            var serverCpuBefore = server.TotalProcessorTime;
            var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var latencies = await SendAsync(http, n, concurrency, "run");
            var sendSeconds = clock.Elapsed.TotalSeconds;
            var drained = await WaitForPeerAsync(peer, before + n, TimeSpan.FromMinutes(5));
            var drainSeconds = clock.Elapsed.TotalSeconds;
            server.Refresh();
            // CPU time per message is steadier than wall-clock rates on a shared machine.
            var serverCpuMs = (server.TotalProcessorTime - serverCpuBefore).TotalMilliseconds / n;
            var clientCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore).TotalMilliseconds / n;
            Array.Sort(latencies);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"BENCH webhooks n={n} concurrency={concurrency} messages_per_s={n / sendSeconds:0} p50_ms={Percentile(latencies, 0.50):0.00} p99_ms={Percentile(latencies, 0.99):0.00} max_ms={latencies[^1]:0.00} all_replies_at_s={drainSeconds:0.00} replies={(drained ? "all" : "MISSING")} server_cpu_ms_per_msg={serverCpuMs:0.000} client_cpu_ms_per_msg={clientCpuMs:0.000} cpus={Environment.ProcessorCount}"));
            return drained ? 0 : 1;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static Process StartServer(string url, string peerUrl, string data)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "healthbot.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "serve", "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DataDirectory"] = data;
        start.Environment["Twilio__AccountSid"] = Sid;
        start.Environment["Twilio__AuthToken"] = Token;
        start.Environment["Twilio__ApiBaseUrl"] = peerUrl;
        start.Environment["Twilio__SmsFrom"] = "+15550001111";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"server: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<double[]> SendAsync(HttpClient http, int n, int concurrency, string tag)
    {
        var latencies = new double[n];
        var next = -1;
        var url = http.BaseAddress + "webhooks/twilio/sms";
        var questions = new[] { "how do i prevent malaria", "what are the signs of cholera", "how to make ORS", "when should my baby get vaccines" };
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < n)
            {
                var form = new Dictionary<string, string>
                {
                    ["MessageSid"] = $"SM{tag}{i:D28}", ["AccountSid"] = Sid, ["From"] = $"+2547{i % 100000:D8}",
                    ["To"] = "+15550001111", ["Body"] = questions[i % questions.Length],
                };
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
                request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(Token, url, form));
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"webhook {i} answered {(int)response.StatusCode}");
                }
            }
        }));
        return latencies;
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the server did not become ready within 30 s");
    }

    private static async Task<bool> WaitForPeerAsync(LocalTwilioPeer peer, int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (peer.Received.Count < count && clock.Elapsed < timeout)
        {
            await Task.Delay(10);
        }

        return peer.Received.Count >= count;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
    }
}
