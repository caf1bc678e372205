using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Kannel;

/// <summary>
/// Reads bearerbox's status page (<c>status.txt</c> on the admin port): Kannel is up when it is running, smsbox is
/// connected, and at least one SMSC (the modem or SMPP link) is online.
/// </summary>
public sealed class KannelProbe(IHttpClientFactory httpClients, IOptions<KannelOptions> options) : IProviderProbe
{
    public string Provider => ChannelProviders.Kannel;

    public async Task<ProviderProbe> ProbeAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        using var response = await httpClients.CreateClient(KannelSender.HttpClientName)
            .GetAsync(options.Value.StatusUrl, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            return new ProviderProbe(false, $"status page answered {(int)response.StatusCode}");
        }

        return Read(await response.Content.ReadAsStringAsync(timeout.Token));
    }

    public static ProviderProbe Read(string status)
    {
        if (!status.Contains("Status: running", StringComparison.Ordinal))
        {
            return new ProviderProbe(false, "bearerbox is not running (suspended, isolated or shutting down)");
        }

        var lines = status.Split('\n');
        var boxes = lines.SkipWhile(l => !l.StartsWith("Box connections:", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.Trim().Length > 0);
        if (!boxes.Any(l => l.TrimStart().StartsWith("smsbox", StringComparison.Ordinal)))
        {
            return new ProviderProbe(false, "smsbox is not connected to bearerbox");
        }

        var smscs = lines.SkipWhile(l => !l.StartsWith("SMSC connections:", StringComparison.Ordinal)).Skip(1)
            .Where(l => l.Trim().Length > 0).ToList();
        return smscs.Any(l => l.Contains("(online", StringComparison.Ordinal))
            ? new ProviderProbe(true, $"{smscs.Count(l => l.Contains("(online", StringComparison.Ordinal))} SMSC online")
            : new ProviderProbe(false, smscs.Count == 0 ? "no SMSC is configured" : "no SMSC is online (modem or link down)");
    }
}
