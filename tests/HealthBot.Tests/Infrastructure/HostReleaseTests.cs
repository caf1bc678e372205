using System.Runtime.CompilerServices;

namespace HealthBot.Tests.Infrastructure;

/// <summary>
/// A stopped host must be collectable. Every host the suite started stayed in memory (the test process grew past
/// 4 GB and CI ran near its time limit): the settings-file poll timer and Hangfire's static job activator kept each
/// host's container, and through it its content, caches and meters.
/// </summary>
public sealed class HostReleaseTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Disposed_hosts_are_collected(bool jobServer, bool onLoopback)
    {
        var hosts = new List<WeakReference>();
        for (var i = 0; i < 3; i++)
        {
            hosts.Add(await StartAndDisposeAsync(jobServer, onLoopback));
        }

        // A job server's workers finish stopping in the background, within Hangfire's shutdown timeout (15 s).
        for (var attempt = 0; attempt < 100 && hosts.Any(h => h.IsAlive); attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            await Task.Delay(200);
        }

        Assert.Equal(0, hosts.Count(h => h.IsAlive));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> StartAndDisposeAsync(bool jobServer, bool onLoopback)
    {
        var settings = new Dictionary<string, string?> { ["Campaigns:RunJobs"] = jobServer ? "true" : "false" };
        if (jobServer)
        {
            // On PostgreSQL a stopped job server's workers were seen to outlive the host by more than 20 s (open).
            settings["Storage:Provider"] = "sqlite";
        }

        var factory = new HealthBotFactory(settings: settings);
        if (onLoopback)
        {
            using var http = new HttpClient { BaseAddress = factory.StartOnLoopback() };
            Assert.True((await http.GetAsync("/healthz")).IsSuccessStatusCode);
        }
        else
        {
            using var client = factory.CreateClient();
            Assert.True((await client.GetAsync("/healthz")).IsSuccessStatusCode);
        }

        var services = new WeakReference(factory.Services);
        await factory.DisposeAsync();
        return services;
    }
}
