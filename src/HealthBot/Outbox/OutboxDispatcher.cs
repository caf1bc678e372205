using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.Extensions.Options;

namespace HealthBot.Outbox;

/// <summary>
/// Drains the durable outbox: claims due rows, hands them to the channel's sender, and records the result.
/// Transient failures back off exponentially; permanent ones keep the provider's error code and stop.
/// </summary>
public sealed class OutboxDispatcher(
    IOutboxStore outbox,
    IContactStore contacts,
    IEnumerable<IChannelSender> senders,
    IEnumerable<IOutboxGate> gates,
    ChannelRateLimiter limiter,
    InDoubtSends inDoubt,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger,
    Channels.ChannelRegistry registry)
{
    // The last sender registered for a channel wins, so a deployment or test can replace one.
    private readonly Dictionary<string, IChannelSender> byChannel =
        senders.SelectMany(s => s.Channels.Select(c => (c, s))).GroupBy(x => x.c).ToDictionary(g => g.Key, g => g.Last().s);

    private readonly OutboxOptions settings = options.Value;
    private readonly IOutboxGate[] gateList = gates.ToArray();

    public IReadOnlyCollection<string> Channels => byChannel.Keys;

    /// <summary>Sends everything due now (optionally only some channels); returns how many rows were handled.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct, IReadOnlyCollection<string>? onlyChannels = null)
    {
        var channels = onlyChannels ?? byChannel.Keys;
        var total = 0;
        while (true)
        {
            var batch = await ClaimAsync(channels, ct);
            if (batch.Count == 0)
            {
                return total;
            }

            // Different people in parallel; one person's messages in order (the urgent referral before the item).
            await Parallel.ForEachAsync(batch.GroupBy(i => (i.Channel, i.To)), new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelSends, CancellationToken = ct },
                async (group, token) =>
                {
                    foreach (var item in group)
                    {
                        await SendOneAsync(item, token);
                    }
                });
            total += batch.Count;
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
                logger.LogError(ex, "Outbox loop failed; retrying shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    private async Task SendOneAsync(OutboxItem item, CancellationToken ct)
    {
        SendResult result;
        try
        {
            // A row in doubt is asked about first, before the gates: if the provider has it, it was sent, whatever
            // a gate would say now.
            var settled = item.InDoubtSince is not null ? await inDoubt.SettleAsync(item, ct) : null;
            result = settled ?? await GateAndSendAsync(item, ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            result = new SendResult.Retry("timeout");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Sending outbox row {OutboxId} threw; will retry", item.OutboxId);
            result = new SendResult.Retry(ex.GetType().Name);
        }

        if (result is not GatedOff)
        {
            await RecordAsync(item, result, ct);
        }
    }

    /// <summary>Gates, rate limit, provider call; <see cref="GatedOff"/> when a gate dealt with the row.</summary>
    private async Task<SendResult> GateAndSendAsync(OutboxItem item, CancellationToken ct)
    {
        var send = item;
        foreach (var gate in gateList)
        {
            if (await gate.BeforeSendAsync(send, ct) is not { } passed)
            {
                return GatedOff.Instance;
            }

            send = passed;
        }

        // A provider that would cut or refuse the text (Kannel's max-messages, Twilio's 1,600 characters): a clear
        // permanent failure in the inbox rather than a silently shortened message.
        if (send.Template is null && registry.TooLong(send.Channel, send.Body) is { } tooLong)
        {
            return new SendResult.Fail("too-long", tooLong);
        }

        await limiter.WaitTurnAsync(send.Channel, ct);
        return await inDoubt.WithinTimeoutAsync(item.OutboxId, byChannel[send.Channel].SendAsync(send, ct), ct);
    }

    /// <summary>A gate deferred, skipped or settled the row itself: nothing to record.</summary>
    private sealed record GatedOff : SendResult
    {
        public static readonly GatedOff Instance = new();
    }

    private async Task RecordAsync(OutboxItem item, SendResult result, CancellationToken ct)
    {
        switch (result)
        {
            case SendResult.Sent sent:
                await outbox.MarkSentAsync(item.OutboxId, sent.ProviderId, sent.Status, ct);
                break;
            case SendResult.Fail fail:
                logger.LogWarning("Outbox row {OutboxId} failed permanently with provider error {ErrorCode}", item.OutboxId, fail.ErrorCode);
                await outbox.MarkFailedAsync(item.OutboxId, fail.ErrorCode, fail.Error, ct);
                if (fail.RecipientOptedOut && item.ContactId > 0)
                {
                    await contacts.SetConsentAsync(item.ContactId, Consent.OptedOut, item.Channel, $"provider-{fail.ErrorCode}", ct);
                }

                break;
            case SendResult.Retry retry when item.Attempts + 1 >= settings.MaxAttempts:
                logger.LogWarning("Outbox row {OutboxId} gave up after {Attempts} attempts: {Error}", item.OutboxId, item.Attempts + 1, retry.Error);
                await outbox.MarkFailedAsync(item.OutboxId, "max-attempts", retry.Error, ct);
                break;
            case SendResult.Retry retry:
                var delay = Backoff(item.Attempts + 1);
                delay = retry.After is { } after && after > delay ? after : delay;
                logger.LogInformation("Outbox row {OutboxId} will retry in {Delay} after: {Error}", item.OutboxId, delay, retry.Error);
                await outbox.MarkRetryAsync(item.OutboxId, time.GetUtcNow() + delay, retry.Error, retry.InDoubt, ct);
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
