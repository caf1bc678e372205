using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HealthBot.Campaigns;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Campaigns;

/// <summary>
/// The real HealthBot server as a child process (the build output next to the tests), to kill with SIGKILL.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, string baseUrl) => (this.process, BaseUrl) = (process, baseUrl);

    public string BaseUrl { get; }

    public int Id => process.Id;

    /// <summary>
    /// Subscribes <paramref name="contacts"/> SMS contacts to "outbreak" and creates a campaign to them that is due
    /// now.
    /// </summary>
    public static async Task SeedCampaignAsync(
        Database database, IDatabaseWriter writer, string name, int contacts, string numberPrefix)
    {
        var audience = new SqlAudienceStore(database, writer, TimeProvider.System);
        await Task.WhenAll(Enumerable.Range(0, contacts).Select(i => audience.SubscribeAsync(
            "sms", $"{numberPrefix}{i:D5}", "outbreak", new Dictionary<string, string>(), Consent.OptedIn, "en",
            "Africa/Nairobi")));
        var campaigns = new SqlCampaignStore(database, writer, TimeProvider.System);
        await campaigns.CreateAsync(
            name, CampaignJson.Once(name, DateTime.UtcNow.AddMinutes(-1), "UTC", group: "outbreak"));
    }

    public static Task<int> CountAsync(Database database, string sql)
    {
        using var connection = database.Open();
        return Task.FromResult((int)connection.Command(sql).ScalarLong());
    }

    /// <summary>
    /// The environment of a server that sends a campaign to <paramref name="peer"/> straight away: its data in
    /// <paramref name="data"/>, the repository's content, no quiet hours, and a rate limit so that a test can stop it
    /// midway.
    /// </summary>
    public static Dictionary<string, string> CampaignEnvironment(string data, string peer, int smsPerSecond) => new()
    {
        ["Storage__DataDirectory"] = data,
        ["Content__Directory"] = HealthBotFactory.ContentDirectory,
        ["Content__WatchForChanges"] = "false",
        ["Twilio__AccountSid"] = HealthBotFactory.AccountSid,
        ["Twilio__AuthToken"] = HealthBotFactory.AuthToken,
        ["Twilio__ApiBaseUrl"] = peer,
        ["Twilio__SmsFrom"] = "+15550001111",
        ["Outbox__PollInterval"] = "00:00:00.200",
        ["Outbox__RateLimits__sms"] = smsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Campaigns__QuietHoursEnd"] = "00:00:00",
        ["Campaigns__QuietHoursStart"] = "23:59:59",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public static async Task<ServerProcess> StartAsync(
        IDictionary<string, string> environment, string? workingDirectory = null)
    {
        var url = $"http://127.0.0.1:{HealthBotFactory.FreeLoopbackPort()}";
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "healthbot.dll"), "serve", "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, url);
        try
        {
            await server.WaitReadyAsync();
        }
        catch
        {
            server.Dispose(); // a server that never became ready must not outlive the test
            throw;
        }

        return server;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or the OOM killer.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>Kills the server if it still runs; again is harmless (a failed restart must not hide its error).
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        if (!process.HasExited)
        {
            KillHard();
        }

        process.Dispose();
    }

    private int disposed;

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        // Generous: on a loaded 2-core machine a restart after kill -9 (WAL recovery, JIT, content) can take a while.
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
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
            catch (TaskCanceledException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {process.ExitCode}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the server did not become ready within 90 s");
    }
}
