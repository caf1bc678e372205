namespace HealthBot.Channels;

/// <summary>Asks one provider whether it can carry messages now (Kannel's status page, a phone's health URL…).</summary>
public interface IProviderProbe
{
    string Provider { get; }

    Task<ProviderProbe> ProbeAsync(CancellationToken ct);
}

/// <summary>One probe's answer; <paramref name="Detail"/> says what is wrong in plain words.</summary>
public sealed record ProviderProbe(bool Up, string Detail);

/// <summary>A provider's last known state, for /readyz and the staff workspace.</summary>
public sealed record ProviderState(string Provider, bool Up, string Detail, DateTimeOffset Since, DateTimeOffset CheckedAt)
{
    public bool DownLongerThan(TimeSpan span, DateTimeOffset now) => !Up && now - Since >= span;
}

/// <summary>The latest state of every probed provider; written by <see cref="ProviderMonitorWorker"/>.</summary>
public sealed class ProviderMonitor(TimeProvider time)
{
    private readonly Dictionary<string, ProviderState> states = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public IReadOnlyList<ProviderState> States
    {
        get
        {
            lock (gate)
            {
                return states.Values.OrderBy(s => s.Provider, StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Records a probe; returns the state, whose <c>Since</c> moves only when up/down changes.</summary>
    public ProviderState Record(string provider, ProviderProbe probe)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var since = states.TryGetValue(provider, out var old) && old.Up == probe.Up ? old.Since : now;
            return states[provider] = new ProviderState(provider, probe.Up, probe.Detail, since, now);
        }
    }
}

/// <summary>
/// Probes every provider every <see cref="ChannelsOptions.ProbeInterval"/>. A provider down for
/// <see cref="ChannelsOptions.DownAlertAfter"/> is logged as a warning once (the workspace shows it on every page);
/// the outbox keeps retrying meanwhile, so nothing is lost.
/// </summary>
public sealed class ProviderMonitorWorker(
    IEnumerable<IProviderProbe> probes, ProviderMonitor monitor, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<ChannelsOptions> options, ILogger<ProviderMonitorWorker> logger,
    ChannelRegistry registry)
    : BackgroundService
{
    private readonly HashSet<string> warned = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A provider without credentials stays off and says so once, at start.
        foreach (var provider in registry.Providers.Where(p => !p.Configured))
        {
            logger.LogInformation("Provider {Provider} is {Note}", provider.Name, provider.Note);
        }

        var list = probes.ToList();
        if (list.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ProbeInterval, time);
        do
        {
            foreach (var probe in list)
            {
                await ProbeOnceAsync(probe, stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ProbeOnceAsync(IProviderProbe probe, CancellationToken ct)
    {
        ProviderProbe result;
        try
        {
            result = await probe.ProbeAsync(ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            result = new ProviderProbe(false, $"not answering ({ex.GetType().Name})");
        }

        var state = monitor.Record(probe.Provider, result);
        if (state.DownLongerThan(options.Value.DownAlertAfter, time.GetUtcNow()) && warned.Add(probe.Provider))
        {
            logger.LogWarning("Provider {Provider} has been down since {Since:u}: {Detail}. Messages wait in the outbox.",
                probe.Provider, state.Since, state.Detail);
        }
        else if (state.Up && warned.Remove(probe.Provider))
        {
            logger.LogInformation("Provider {Provider} is back", probe.Provider);
        }
    }
}
