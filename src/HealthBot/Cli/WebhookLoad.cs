using System.Diagnostics;
using HealthBot.Channels.Twilio;

namespace HealthBot.Cli;

/// <summary>
/// The closed-loop generator: <c>concurrency</c> workers each post the next unique signed Twilio webhook as soon as
/// their previous one was answered. Every message has its own MessageSid and its own sender number (so each gets
/// exactly one reply), numbered across the whole run.
/// </summary>
internal sealed class WebhookLoad(HttpClient http, string token, string accountSid, int concurrency)
{
    private static readonly string[] Questions =
    [
        "how do i prevent malaria", "what are the signs of cholera", "how to make ORS",
        "when should my baby get vaccines",
    ];

    private int sent;

    public int Sent => Volatile.Read(ref sent);

    public static string Sender(int index) => $"+2547{index:D8}";

    public static HttpClient Client(string baseUrl, int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Posts messages <paramref name="first"/> .. first+count-1; returns each one's latency in ms.</summary>
    public async Task<double[]> SendAsync(int first, int count)
    {
        var latencies = new double[count];
        var next = -1;
        var url = http.BaseAddress + "webhooks/twilio/sms";
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var index = first + i;
                var form = new Dictionary<string, string>
                {
                    ["MessageSid"] = $"SM{index:D32}",
                    ["AccountSid"] = accountSid,
                    ["From"] = Sender(index),
                    ["To"] = "+15550001111",
                    ["Body"] = Questions[index % Questions.Length],
                };
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new FormUrlEncodedContent(form),
                };
                request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(token, url, form));
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"webhook {index} was answered {(int)response.StatusCode}");
                }

                Interlocked.Increment(ref sent);
            }
        }));
        Array.Sort(latencies);
        return latencies;
    }
}
