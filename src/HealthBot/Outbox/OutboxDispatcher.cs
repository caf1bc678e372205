using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Telemetry;
using Microsoft.Extensions.Options;

namespace HealthBot.Outbox;

/// <summary>
/// Drains the durable outbox: one lane per sending provider (<see cref="OutboxLane"/>) claims its due rows, hands them
/// to its sender and records the result (<see cref="OutboxRowSender"/>). Lanes do not wait for each other, so a
/// provider that hangs until its time limit delays only its own messages.
/// </summary>
public sealed class OutboxDispatcher
{
    private readonly IOutboxStore outbox;
    private readonly SenderRoutes routes;
    private readonly ChannelRateLimiter limiter;
    private readonly OutboxSignal signal;
    private readonly TimeProvider time;
    private readonly OutboxOptions settings;
    private readonly ILogger<OutboxDispatcher> logger;
    private readonly IReadOnlyList<OutboxLane> lanes;
    private long? lastPullBack;

    public OutboxDispatcher(
        IOutboxStore outbox,
        IContactStore contacts,
        SenderRoutes routes,
        IEnumerable<IOutboxGate> gates,
        ChannelRateLimiter limiter,
        InDoubtSends inDoubt,
        OutboxSignal signal,
        TimeProvider time,
        IOptions<OutboxOptions> options,
        ILogger<OutboxDispatcher> logger,
        Channels.ChannelRegistry registry,
        HealthBotTelemetry telemetry,
        MessageTraces traces)
    {
        (this.outbox, this.routes, this.limiter, this.signal, this.time, this.logger) =
            (outbox, routes, limiter, signal, time, logger);
        settings = options.Value;
        var gateList = gates.ToArray();
        var sender = new OutboxRowSender(outbox, contacts, routes, gateList, limiter, inDoubt, time, settings, logger,
            registry, telemetry, traces);
        lanes = routes.Lanes()
            .Select(lane => new OutboxLane(lane, outbox, sender, gateList, limiter, time, settings, logger))
            .ToList();
    }

    /// <summary>Replies are queued at priority 10, urgent ones at 20; campaigns below (Campaigns:Priority).</summary>
    public const int ReplyPriority = 10;

    public IReadOnlyCollection<string> Channels => routes.Channels;

    /// <summary>
    /// Sends everything due now (optionally only some channels), every lane at once; returns how many rows were
    /// handled.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct, IReadOnlyCollection<string>? onlyChannels = null)
    {
        await PullBackAsync(onlyChannels ?? routes.Channels, ct);
        var draining = lanes
            .Select(lane => (lane, Shares: lane.Lane.Shares
                .Where(s => onlyChannels is null || onlyChannels.Contains(s.Channel)).ToList()))
            .Where(l => l.Shares.Count > 0)
            .Select(l => l.lane.DrainAsync(l.Shares, ct));
        return (await Task.WhenAll(draining)).Sum();
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var recovered = await outbox.RecoverInFlightAsync(stoppingToken);
        if (recovered > 0)
        {
            logger.LogWarning(
                "{Count} outbox messages were in flight at the last shutdown; " +
                "each is resent unless its provider has it",
                recovered);
        }

        var wakes = lanes.Select(_ => new WakeSignal()).ToArray();
        var leaseCheck = await HousekeepAsync(time.GetUtcNow(), stoppingToken);
        var running = lanes.Select((lane, i) => Task.Run(() => lane.RunAsync(wakes[i], stoppingToken))).ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One signal for all lanes: it wakes here and is passed on to every lane.
                await signal.WaitAsync(settings.PollInterval, time, stoppingToken);
                foreach (var wake in wakes)
                {
                    wake.Set();
                }

                leaseCheck = await HousekeepAsync(leaseCheck, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        await Task.WhenAll(running);
    }

    /// <summary>
    /// Every 10 s: nodes sharing a database split the rate limits, and take over the rows of a node that died sending;
    /// replies set on a wrong clock are pulled back. Returns when to do it next.
    /// </summary>
    private async Task<DateTimeOffset> HousekeepAsync(DateTimeOffset due, CancellationToken ct)
    {
        try
        {
            if (time.GetUtcNow() >= due)
            {
                limiter.SetNodes(await outbox.HeartbeatAsync(ct));
                await outbox.RecoverExpiredAsync(ct);
                due = time.GetUtcNow() + TimeSpan.FromSeconds(10);
            }

            await PullBackAsync(routes.Channels, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Outbox loop failed ({Error}); retrying shortly", LoggedError.Of(ex));
        }

        return due;
    }

    /// <summary>
    /// A reply's retry set on a clock that was ahead (then corrected) would wait the size of the jump: every 10 s,
    /// replies due further ahead than any backoff allows (<see cref="OutboxOptions.LongestWait"/>) become due now.
    /// </summary>
    private async Task PullBackAsync(IReadOnlyCollection<string> channels, CancellationToken ct)
    {
        var ticks = time.GetTimestamp();
        if (lastPullBack is { } last && time.GetElapsedTime(last, ticks) < TimeSpan.FromSeconds(10))
        {
            return;
        }

        lastPullBack = ticks;
        var pulled = await outbox.PullBackAsync(
            channels, ReplyPriority, time.GetUtcNow() + settings.LongestWait(), ct);
        if (pulled > 0)
        {
            logger.LogWarning(
                "{Count} replies were set to wait longer than any retry (the clock was ahead): they are due now",
                pulled);
        }
    }
}

/// <summary>Runs the dispatcher for the lifetime of the web host.</summary>
internal sealed class OutboxWorker(OutboxDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}
