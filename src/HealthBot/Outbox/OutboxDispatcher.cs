using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Telemetry;
using Microsoft.Extensions.Options;

namespace HealthBot.Outbox;

/// <summary>
/// Drains the durable outbox: claims due rows, hands them to the channel's sender, and records the result.
/// Transient failures back off exponentially; permanent ones keep the provider's error code and stop.
/// </summary>
public sealed class OutboxDispatcher(
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
    private readonly OutboxOptions settings = options.Value;
    private readonly IOutboxGate[] gateList = gates.ToArray();
    private long? lastPullBack;

    /// <summary>Replies are queued at priority 10, urgent ones at 20; campaigns below (Campaigns:Priority).</summary>
    public const int ReplyPriority = 10;

    public IReadOnlyCollection<string> Channels => routes.Channels;

    /// <summary>Sends everything due now (optionally only some channels); returns how many rows were handled.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct, IReadOnlyCollection<string>? onlyChannels = null)
    {
        var channels = onlyChannels ?? routes.Channels;
        await PullBackAsync(channels, ct);
        var total = 0;
        while (true)
        {
            var batch = await ClaimAsync(channels, ct);
            if (batch.Count == 0)
            {
                return total;
            }

            var ready = await GateAsync(batch, ct);
            var sent = new SentBatch(outbox);
            try
            {
                // Different people in parallel; one person's messages in order (the urgent referral before the item).
                await Parallel.ForEachAsync(ready.GroupBy(i => (i.Item.Channel, i.Item.To)),
                    new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelSends, CancellationToken = ct },
                    async (group, token) =>
                    {
                        foreach (var (item, gated) in group)
                        {
                            await SendOneAsync(item, gated, sent, token);
                        }
                    });
            }
            finally
            {
                await sent.FlushAsync();
            }

            total += batch.Count;
        }
    }

    /// <summary>
    /// The gates decide the rows not in doubt all at once (a campaign's in a few statements per batch); a row in doubt
    /// is first looked up at the provider and gated on its own (<see cref="SendOneAsync"/>). Claim order is kept.
    /// </summary>
    private async Task<List<(OutboxItem Item, bool Gated)>> GateAsync(
        IReadOnlyList<OutboxItem> batch, CancellationToken ct)
    {
        IReadOnlyList<OutboxItem> fresh = batch.Where(i => i.InDoubtSince is null).ToList();
        try
        {
            foreach (var gate in gateList)
            {
                fresh = await gate.BeforeSendAsync(fresh, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing of these was sent: back to the queue, not in doubt (else they would wait for the sending lease).
            logger.LogWarning("Outbox gates failed ({Error}); {Count} rows will retry", LoggedError.Of(ex), fresh.Count);
            foreach (var item in batch.Where(i => i.InDoubtSince is null))
            {
                await outbox.MarkRetryAsync(item.OutboxId, time.GetUtcNow() + Backoff(1), "gate failed", false, ct);
            }

            fresh = [];
        }

        var passed = fresh.ToDictionary(i => i.OutboxId);
        return batch
            .Where(i => i.InDoubtSince is not null || passed.ContainsKey(i.OutboxId))
            .Select(i => i.InDoubtSince is null ? (passed[i.OutboxId], true) : (i, false))
            .ToList();
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

    /// <summary>Unlimited channels claim a full batch; each rate-limited channel about one second of sends.</summary>
    private async Task<List<OutboxItem>> ClaimAsync(IReadOnlyCollection<string> channels, CancellationToken ct)
    {
        var batch = new List<OutboxItem>();
        var unlimited = channels.Where(c => !limiter.IsLimited(c)).ToList();
        if (unlimited.Count > 0)
        {
            batch.AddRange(await outbox.ClaimDueAsync(unlimited, settings.BatchSize, ct));
        }

        foreach (var channel in channels.Where(limiter.IsLimited))
        {
            batch.AddRange(await outbox.ClaimDueAsync([channel], limiter.ClaimAllowance(channel, settings.BatchSize), ct));
        }

        return batch;
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

        var leaseCheck = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= leaseCheck)
                {
                    // Nodes sharing a database split the rate limits, and take over the rows of a node that died sending.
                    limiter.SetNodes(await outbox.HeartbeatAsync(stoppingToken));
                    await outbox.RecoverExpiredAsync(stoppingToken);
                    leaseCheck = time.GetUtcNow() + TimeSpan.FromSeconds(10);
                }

                await DispatchDueAsync(stoppingToken);
                var wait = settings.PollInterval;
                if (await outbox.NextDueAsync(stoppingToken) is { } next)
                {
                    var untilDue = next - time.GetUtcNow();
                    wait = untilDue < wait ? (untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue) : wait;
                }

                await signal.WaitAsync(wait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError("Outbox loop failed ({Error}); retrying shortly", LoggedError.Of(ex));
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    private async Task SendOneAsync(OutboxItem item, bool gated, SentBatch sends, CancellationToken ct)
    {
        // The provider this row goes out through: the one that carried the person's message when it can send.
        var routedTo = routes.For(item).Sender.Provider;
        var provider = routedTo ?? registry.Sender(item.Channel)?.Name ?? "none";
        using var activity = traces.StartSend(item.MessageId, item.OutboxId, item.Channel, provider);
        SendResult result;
        TimeSpan? took = null;
        try
        {
            // A row in doubt is asked about first, before the gates: if the provider has it, it was sent, whatever
            // a gate would say now.
            var settled = item.InDoubtSince is not null ? await inDoubt.SettleAsync(item, routedTo, ct) : null;
            (result, took) = settled is not null ? (settled, null) : await GateAndSendAsync(item, gated, ct);
            if (result is SendResult.Sent { Provider: null } sent)
            {
                result = sent with { Provider = routes.For(item).Sender.Provider };
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            result = new SendResult.Retry("timeout");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not the exception itself: its message can hold a URL with the person's number (LoggedError).
            logger.LogWarning(
                "Sending outbox row {OutboxId} threw {Error}; will retry", item.OutboxId, LoggedError.Of(ex));
            result = new SendResult.Retry(ex.GetType().Name);
        }

        if (result is GatedOff)
        {
            activity?.SetTag("healthbot.outcome", "gated");
            return;
        }

        // Recorded first: `activity?.SetTag(..., Send(...))` would skip the call whenever nothing traces (no OTLP).
        var outcome = telemetry.Send(item, provider, result, took);
        activity?.SetTag("healthbot.outcome", outcome);
        await RecordAsync(item, result, sends, ct);
        if (result is not SendResult.Retry || item.Attempts + 1 >= settings.MaxAttempts)
        {
            traces.Settled(item.MessageId);
        }
    }

    /// <summary>
    /// Gates (unless already passed with the batch), rate limit, provider call and how long the provider took; <see cref="GatedOff"/> when a gate dealt with
    /// the row.
    /// </summary>
    private async Task<(SendResult, TimeSpan?)> GateAndSendAsync(OutboxItem item, bool gated, CancellationToken ct)
    {
        var send = item;
        foreach (var gate in gated ? [] : gateList)
        {
            if (await gate.BeforeSendAsync(send, ct) is not { } passed)
            {
                return (GatedOff.Instance, null);
            }

            send = passed;
        }

        // A provider that would cut or refuse the text (Kannel's max-messages, Twilio's 1,600 characters): a clear
        // permanent failure in the inbox rather than a silently shortened message.
        var (sender, routed) = routes.For(send);
        if (send.Template is null && registry.TooLong(send.Channel, send.Body, sender.Provider) is { } tooLong)
        {
            return (new SendResult.Fail("too-long", tooLong), null);
        }

        await limiter.WaitTurnAsync(send.Channel, ct);
        var started = telemetry.Start();
        var result = await inDoubt.WithinTimeoutAsync(item.OutboxId, sender.SendAsync(routed, ct), ct);
        var took = telemetry.Since(started);
        return (result is SendResult.Sent sent ? sent with { Provider = sender.Provider } : result, took);
    }

    /// <summary>A gate deferred, skipped or settled the row itself: nothing to record.</summary>
    private sealed record GatedOff : SendResult
    {
        public static readonly GatedOff Instance = new();
    }

    private async Task RecordAsync(OutboxItem item, SendResult result, SentBatch batch, CancellationToken ct)
    {
        switch (result)
        {
            case SendResult.Sent sent:
                await batch.AddAsync(
                    new SentRow(item.OutboxId, item.MessageId, sent.ProviderId, sent.Status, sent.Provider),
                    now: !inDoubt.CanLookUp(item.Channel, sent.Provider));
                break;
            case SendResult.Fail fail:
                logger.LogWarning("Outbox row {OutboxId} failed permanently with provider error {ErrorCode}",
                    item.OutboxId, LoggedError.Code(fail.ErrorCode));
                // The opt-out first: a node killed in between still has the row in flight, and its retry then finds
                // the person opted out; the other order would lose the opt-out for good.
                if (fail.RecipientOptedOut && item.ContactId > 0)
                {
                    await contacts.SetConsentAsync(
                        item.ContactId, Consent.OptedOut, item.Channel, $"provider-{fail.ErrorCode}", ct);
                }

                await outbox.MarkFailedAsync(item.OutboxId, fail.ErrorCode, fail.Error, ct);
                break;
            case SendResult.Retry retry when item.Attempts + 1 >= settings.MaxAttempts:
                logger.LogWarning("Outbox row {OutboxId} gave up after {Attempts} attempts: {Error}", item.OutboxId, item.Attempts + 1, retry.Error);
                await outbox.MarkFailedAsync(item.OutboxId, "max-attempts", retry.Stored, ct);
                break;
            case SendResult.Retry retry:
                var delay = Backoff(item.Attempts + 1);
                delay = retry.After is { } after && after > delay ? after : delay;
                // A provider's Retry-After beyond the longest wait would look like a wrong clock (and be pulled back).
                delay = delay > settings.LongestWait() ? settings.LongestWait() : delay;
                logger.LogInformation("Outbox row {OutboxId} will retry in {Delay} after: {Error}", item.OutboxId, delay, retry.Error);
                await outbox.MarkRetryAsync(item.OutboxId, time.GetUtcNow() + delay, retry.Stored, retry.InDoubt, ct);
                break;
        }
    }

    /// <summary>Exponential backoff with ±20% jitter so that many failed sends do not retry in lockstep.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponential = settings.InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, settings.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + Random.Shared.NextDouble() * 0.4));
    }
}

/// <summary>Runs the dispatcher for the lifetime of the web host.</summary>
internal sealed class OutboxWorker(OutboxDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}
