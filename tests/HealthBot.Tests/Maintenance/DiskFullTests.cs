using System.Diagnostics;
using System.Net;
using HealthBot.Channels.Twilio;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Maintenance;

/// <summary>
/// A full SD card, for real: the service runs on a 48 MB tmpfs mounted in its own mount namespace
/// (<c>unshare -rm</c>, no root needed), which a helper then fills. Webhooks answer 503, so the provider keeps the
/// message and retries, and once space returns the retried message is taken and answered.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private const string Script = """
        set -e
        mount -t tmpfs -o size=48m tmpfs "$HB_DATA"
        (
          while [ ! -e "$HB_CTL/fill" ]; do sleep 0.1; done
          dd if=/dev/zero of="$HB_DATA/filler" bs=1M count=64 2>/dev/null || true
          touch "$HB_CTL/filled"
          while [ ! -e "$HB_CTL/free" ]; do sleep 0.1; done
          rm -f "$HB_DATA/filler"
          touch "$HB_CTL/freed"
        ) &
        exec "$HB_DOTNET" "$HB_APP" serve --urls "$HB_URL"
        """;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> log = new();
    private readonly string root = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task On_a_full_disk_webhooks_answer_503_and_the_retried_message_is_answered_once_space_returns()
    {
        await using var peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        var control = Directory.CreateDirectory(Path.Combine(root, "control")).FullName;
        var url = $"http://127.0.0.1:{HealthBotFactory.FreeLoopbackPort()}";
        using var server = Start(url, peer.BaseUrl, control);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await WaitReadyAsync(http, server);

            Assert.Equal(
                HttpStatusCode.OK, await PostAsync(http, "+254700500001", "SMfirst000000000000000000000000001"));
            await Eventually.WaitForAsync(
                () => peer.Received.Count(m => m.To == "+254700500001"), c => c > 0, "a reply");

            await File.WriteAllTextAsync(Path.Combine(control, "fill"), "");
            await Eventually.WaitForAsync(
                () => File.Exists(Path.Combine(control, "filled")), f => f, "the disk to fill");
            const string Retried = "SMfull0000000000000000000000000002";
            var refused = await PostAsync(http, "+254700500002", Retried);
            await Task.Delay(refused == HttpStatusCode.ServiceUnavailable ? 0 : 3000);
            Assert.True(refused == HttpStatusCode.ServiceUnavailable, $"{refused}: {string.Join('\n', log)}");

            await File.WriteAllTextAsync(Path.Combine(control, "free"), "");
            await Eventually.WaitForAsync(
                () => File.Exists(Path.Combine(control, "freed")), f => f, "space to return");
            // The provider's retry of the refused message.
            Assert.Equal(HttpStatusCode.OK, await PostAsync(http, "+254700500002", Retried));
            await Eventually.WaitForAsync(
                () => peer.Received.Count(m => m.To == "+254700500002"), c => c == 1, "the retried one's reply",
                30_000);
        }
        finally
        {
            // Disposing a Process leaves it running: without this every run left a server (and its filler loop).
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private Process Start(string url, string peer, string control)
    {
        var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        var start = new ProcessStartInfo("unshare")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-rm", "sh", "-c", Script })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in ServerProcess.CampaignEnvironment(data, peer, smsPerSecond: 100))
        {
            start.Environment[key] = value;
        }

        start.Environment["Storage__MinimumFreeMegabytes"] = "16";
        start.Environment["Twilio__PublicBaseUrl"] = HealthBotFactory.PublicBaseUrl;
        start.Environment["HB_DATA"] = data;
        start.Environment["HB_CTL"] = control;
        start.Environment["HB_URL"] = url;
        start.Environment["HB_APP"] = Path.Combine(AppContext.BaseDirectory, "healthbot.dll");
        start.Environment["HB_DOTNET"] = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
            && File.Exists(host) ? host : "dotnet";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitReadyAsync(HttpClient http, Process server)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException(
                    $"the server under unshare exited with {server.ExitCode}: {string.Join('\n', log)}");
            }

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

            await Task.Delay(200);
        }

        throw new TimeoutException("the server did not become ready within 90 s");
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string from, string sid)
    {
        const string Path = "/webhooks/twilio/sms";
        var form = HealthBotFactory.InboundForm(from, "how do I wash my hands", sid);
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(
            "X-Twilio-Signature",
            TwilioSignature.Compute(HealthBotFactory.AuthToken, HealthBotFactory.PublicBaseUrl + Path, form));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
