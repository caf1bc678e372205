using System.Diagnostics;
using System.Globalization;
using HealthBot.Channels.Twilio;
using HealthBot.Cli;
using HealthBot.Data;
using HealthBot.Outbox;

namespace HealthBot.Campaigns;

/// <summary>
/// <c>healthbot bench campaign [--contacts 100000] [--send 20000]</c>: on a private database, plans and enqueues a campaign
/// to N contacts (time, and the growth of the managed heap and working set while planning, sampled every 10 ms), then
/// sends with no rate limit through the real Twilio sender to a local Twilio peer and reports messages per second.
/// Settings given as <c>--Section:Key=value</c> pass through, e.g. <c>--Storage:Provider=postgres</c> with
/// HEALTHBOT_POSTGRES naming a server where the benchmark may create (and then drops) a database of its own. On
/// PostgreSQL every connection goes through a relay that counts round trips (<see cref="PostgresRoundTrips"/>),
/// reported per planned contact and per message sent; <c>--direct</c> leaves the relay out (rates only).
/// </summary>
public static class CampaignBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var contacts = Int(args, "--contacts", 100_000);
        var toSend = Math.Min(contacts, Int(args, "--send", 20_000));
        await using var peer = await LocalTwilioPeer.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "healthbot-bench", Guid.NewGuid().ToString("N"));
        var postgres = args.Contains("--Storage:Provider=postgres")
            ? await BenchDatabase.CreateAsync(args.Contains("--direct"))
            : null;
        try
        {
            using var host = CommandHost.Build(
            [
                .. postgres is null ? [] : new[] { $"--Storage:PostgresConnection={postgres.ConnectionString}" },
                $"--Storage:DataDirectory={data}", "--Campaigns:RunJobs=false", "--Campaigns:QuietHoursEnd=00:00:00", "--Campaigns:QuietHoursStart=23:59:59",
                $"--Twilio:AccountSid=ACbench0000000000000000000000000", "--Twilio:AuthToken=bench", $"--Twilio:ApiBaseUrl={peer.BaseUrl}",
                "--Twilio:SmsFrom=+15550001111", "--Outbox:BatchSize=1000", "--Outbox:MaxParallelSends=64",
                .. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal)),
            ]);
            if (host is null)
            {
                return 1;
            }

            Seed(host.Services.GetRequiredService<Database>(), contacts);
            var trips0 = postgres?.RoundTrips ?? 0;
            var (planSeconds, cpuSeconds, heapMb, workingSetMb, planned) = await PlanAsync(host.Services);
            var trips1 = postgres?.RoundTrips ?? 0;
            var sendRate = await SendAsync(host.Services.GetRequiredService<OutboxDispatcher>(), peer, toSend);
            var trips2 = postgres?.RoundTrips ?? 0;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"BENCH campaign contacts={contacts} planned={planned} plan_s={planSeconds:0.00} plan_cpu_s={cpuSeconds:0.00} plan_heap_growth_mb={heapMb:0.0} plan_working_set_growth_mb={workingSetMb:0.0} sent={toSend} send_per_s={sendRate:0} cpus={Environment.ProcessorCount} load1={Load()}"));
            if (postgres is { Counted: true })
            {
                // Sent counts what the peer received (its count can pass --send by the messages still in flight).
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"BENCH campaign round_trips plan={trips1 - trips0} " +
                    $"per_contact={(double)(trips1 - trips0) / planned:0.000} send={trips2 - trips1} " +
                    $"per_message={(double)(trips2 - trips1) / Math.Max(1, peer.Received.Count):0.000}"));
            }

            return planned == contacts ? 0 : 1;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }

    private static async Task<(double Seconds, double CpuSeconds, double HeapMb, double WorkingSetMb, int Planned)> PlanAsync(IServiceProvider services)
    {
        var created = await services.GetRequiredService<CampaignService>().CreateAsync(
            """{"name":"bench","channels":["sms"],"audience":{"groups":["bench"]},"schedule":{"kind":"once","at":"2020-01-01T00:00:00","timeZone":"UTC"},"messages":[{"text":{"en":"Bench message: wash hands with soap."}}]}""");
        var planner = services.GetRequiredService<CampaignPlanner>();
        var run = planner.DueRuns(DateTimeOffset.UtcNow).Single(r => r.CampaignId == created.Id);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (heap0, ws0) = (GC.GetTotalMemory(true), Environment.WorkingSet);
        long heapPeak = heap0, wsPeak = ws0;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                (heapPeak, wsPeak) = (Math.Max(heapPeak, GC.GetTotalMemory(false)), Math.Max(wsPeak, Environment.WorkingSet));
                await Task.Delay(10);
            }
        });
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var planned = await planner.PlanAsync(run, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        await done.CancelAsync();
        await sampler;
        return (seconds, cpuSeconds, (heapPeak - heap0) / 1048576.0, (wsPeak - ws0) / 1048576.0, planned);
    }

    private static async Task<double> SendAsync(OutboxDispatcher dispatcher, LocalTwilioPeer peer, int count)
    {
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var sending = Task.Run(() => dispatcher.DispatchDueAsync(stop.Token));
        while (peer.Received.Count < count && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(5);
        }

        var rate = peer.Received.Count / clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        try
        {
            await sending;
        }
        catch (OperationCanceledException)
        {
        }

        return rate;
    }

    /// <summary>
    /// Contacts in group "bench", written in one transaction (not part of the measurement), 10,000 to a statement
    /// (row by row, seeding a million contacts on PostgreSQL took longer than planning them).
    /// </summary>
    private static void Seed(Database database, int count)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow;
        var rows = database.Dialect.Rows("@rows", ("a", "text"));
        for (var start = 0; start < count; start += 10_000)
        {
            var addresses = Enumerable.Range(start, Math.Min(10_000, count - start)).Select(i => $"+2547{i:D8}");
            connection.Command(
                    "INSERT INTO contacts (channel, address, language, consent, time_zone, created_at, updated_at) " +
                    $"SELECT 'sms', r.a, 'en', 'opted_in', 'Africa/Nairobi', @t, @t FROM {rows} r",
                    transaction)
                .With("@t", now).With("@rows", JsonRows.Of(addresses, a => [a])).ExecuteNonQuery();
        }

        connection.Command(
                "INSERT INTO contact_groups (contact_id, group_name, joined_at) SELECT id, 'bench', @t FROM contacts",
                transaction)
            .With("@t", now).ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>The 1-minute load average (Linux), so a slow figure taken on a busy machine says so.</summary>
    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static int Int(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
}
