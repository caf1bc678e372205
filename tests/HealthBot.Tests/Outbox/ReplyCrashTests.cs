using System.Diagnostics;
using System.Globalization;
using System.Net;
using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace HealthBot.Tests.Outbox;

/// <summary>
/// kill -9 a real <c>healthbot serve</c> again and again while it takes a burst of signed Twilio webhooks and sends
/// the replies: after the last restart every person who wrote has exactly one reply at the peer.
/// HEALTHBOT_REPLY_CRASH_RUNS=N repeats the whole run N times (default 1) for a longer soak.
/// </summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class ReplyCrashTests(ITestOutputHelper output)
{
    private const int Messages = 300;
    private const int KillsPerRun = 5;
    private const string Question = "how do i make ORS for my child with diarrhoea";

    [Fact]
    public async Task Replies_to_300_webhooks_with_five_kill_9s_reach_each_sender_exactly_once()
    {
        var setting = Environment.GetEnvironmentVariable("HEALTHBOT_REPLY_CRASH_RUNS");
        var runs = int.TryParse(setting, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var results = new List<RunResult>();
        for (var run = 1; run <= runs; run++)
        {
            var result = await RunAsync(run);
            output.WriteLine($"run {run}: {result}");
            results.Add(result);
        }

        output.WriteLine(
            $"total: {runs} runs, {results.Sum(r => r.Messages)} messages, {results.Sum(r => r.Kills)} kills, " +
            $"{results.Sum(r => r.InDoubtAtKills)} replies the peer had but the server had not recorded at a kill, " +
            $"{results.Sum(r => r.Lost)} lost, {results.Sum(r => r.Duplicated)} duplicated");
        Assert.All(results, r => Assert.Equal(KillsPerRun, r.Kills));
        Assert.Equal(0, results.Sum(r => r.Lost));
        Assert.Equal(0, results.Sum(r => r.Duplicated));
    }

    private async Task<RunResult> RunAsync(int run)
    {
        await using var peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        // Twilio answers a little late, so at any moment some replies are at the peer but not yet recorded: each kill
        // leaves sends in doubt.
        peer.AnswerDelay = TimeSpan.FromMilliseconds(150);
        var data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
        var environment = ServerProcess.CampaignEnvironment(data, peer.BaseUrl, smsPerSecond: 40);
        environment["Outbox__InitialBackoff"] = "00:00:00.200";
        environment["Outbox__MaxBackoff"] = "00:00:02";
        environment["Dialog__Feedback__Mode"] = "Off";
        var senders = Enumerable.Range(0, Messages).Select(i => $"+2547500{run % 10}{i:D4}").ToList();

        var server = await ServerProcess.StartAsync(environment);
        var webhooks = new WebhookBurst(senders, server.BaseUrl);
        var burst = webhooks.SendAllAsync();
        var kills = 0;
        var inDoubtAtKills = 0;
        var counted = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            for (var k = 1; k <= KillsPerRun; k++)
            {
                var threshold = Messages * k / (KillsPerRun + 1) + Random.Shared.Next(-10, 10);
                await Eventually.WaitForAsync(
                    () => peer.Received.Count, c => c >= threshold, $"{threshold} replies before kill {k}", 90000);
                server.KillHard(); // webhooks posted now fail and are posted again to the restarted server
                server.Dispose();
                kills++;
                inDoubtAtKills += await UnrecordedAsync(data, peer, counted);
                server = await ServerProcess.StartAsync(environment);
                webhooks.BaseUrl = server.BaseUrl;
            }

            await burst;
            await Eventually.WaitAsync(() => PendingAsync(data), c => c == 0, "every message answered and sent", 90000);
            await Task.Delay(1000); // a late duplicate would arrive here
        }
        finally
        {
            server.Dispose();
        }

        var perSender = senders.ToDictionary(s => s, s => peer.Received.Count(m => m.To == s));
        Directory.Delete(data, recursive: true);
        return new RunResult(Messages, webhooks.Posts, kills, inDoubtAtKills,
            Lost: perSender.Count(p => p.Value == 0), Duplicated: perSender.Sum(p => Math.Max(0, p.Value - 1)));
    }

    /// <summary>Inbound messages not yet answered plus outbox rows not yet done.</summary>
    private static Task<int> PendingAsync(string data) => ServerProcess.CountAsync(TestDatabase.Create(data),
        "SELECT (SELECT COUNT(*) FROM messages WHERE direction = 'in' AND status = 'received') + " +
        "(SELECT COUNT(*) FROM outbox WHERE state <> 'done')");

    /// <summary>
    /// Replies the peer accepted whose id the killed server had not recorded: the sends this kill left in doubt
    /// (<paramref name="counted"/>: those an earlier kill left, counted once).
    /// </summary>
    private static Task<int> UnrecordedAsync(string data, LocalTwilioPeer peer, HashSet<string> counted)
    {
        using var connection = TestDatabase.Create(data).Open();
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        const string Sql = "SELECT provider_id FROM messages WHERE direction = 'out' AND provider_id IS NOT NULL";
        using (var reader = connection.Command(Sql).ExecuteReader())
        {
            while (reader.Read())
            {
                recorded.Add(reader.GetString(0));
            }
        }

        return Task.FromResult(peer.Received.Count(m => !recorded.Contains(m.Sid) && counted.Add(m.Sid)));
    }

    private sealed record RunResult(int Messages, int Posts, int Kills, int InDoubtAtKills, int Lost, int Duplicated)
    {
        public override string ToString() =>
            $"{Messages} messages ({Posts} webhook posts), {Kills} kills, {InDoubtAtKills} in doubt at the kills, " +
            $"{Lost} lost, {Duplicated} duplicated";
    }

    /// <summary>
    /// Posts one signed webhook per sender, a few at a time and paced over several seconds; like a provider that
    /// retries, a post the server did not accept (it was down) is posted again, with the same MessageSid, until it is.
    /// </summary>
    private sealed class WebhookBurst(IReadOnlyList<string> senders, string baseUrl)
    {
        private int posts;

        public volatile string? BaseUrl = baseUrl;

        public int Posts => posts;

        public async Task SendAllAsync()
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var pace = Stopwatch.StartNew();
            var few = new ParallelOptions { MaxDegreeOfParallelism = 4 };
            await Parallel.ForEachAsync(senders.Select((s, i) => (s, i)), few, async (x, _) =>
            {
                var due = TimeSpan.FromMilliseconds(x.i * 25); // about 40 a second
                if (due > pace.Elapsed)
                {
                    await Task.Delay(due - pace.Elapsed);
                }

                await PostUntilAcceptedAsync(http, HealthBotFactory.InboundForm(x.s, Question));
            });
        }

        private async Task PostUntilAcceptedAsync(HttpClient http, Dictionary<string, string> form)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromMinutes(3))
            {
                if (BaseUrl is { } url)
                {
                    Interlocked.Increment(ref posts);
                    try
                    {
                        using var response = await http.SendAsync(Signed(url + "/webhooks/twilio/sms", form));
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            return;
                        }

                        Assert.True((int)response.StatusCode >= 500, $"webhook refused with {response.StatusCode}");
                    }
                    catch (HttpRequestException)
                    {
                    }
                    catch (TaskCanceledException)
                    {
                    }
                }

                await Task.Delay(100);
            }

            throw new TimeoutException("a webhook was not accepted within 3 minutes");
        }

        /// <summary>Signed as Twilio signs it, for the URL the server sees.</summary>
        private static HttpRequestMessage Signed(string webhook, Dictionary<string, string> form)
        {
            var signature = TwilioSignature.Compute(HealthBotFactory.AuthToken, webhook, form);
            var request = new HttpRequestMessage(HttpMethod.Post, webhook);
            request.Content = new FormUrlEncodedContent(form);
            request.Headers.Add("X-Twilio-Signature", signature);
            return request;
        }
    }
}
