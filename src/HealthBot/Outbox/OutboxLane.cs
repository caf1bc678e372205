using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Outbox;

/// <summary>
/// One sender's rows (<see cref="SendLane"/>): claimed, gated and sent apart from every other sender's, so a provider
/// whose calls hang until their time limit holds up only its own messages; the other lanes keep claiming and sending.
/// Within a lane a batch is sent in parallel and the next claimed when it is done, as before lanes: replies (higher
/// priority) are claimed before campaigns, one person's messages go in order, and a limited channel claims about a
/// second of sends per round. Claims skip rows locked by other nodes (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL).
/// </summary>
internal sealed class OutboxLane(
    SendLane lane,
    IOutboxStore outbox,
    OutboxRowSender sender,
    IOutboxGate[] gateList,
    ChannelRateLimiter limiter,
    TimeProvider time,
    OutboxOptions settings,
    ILogger logger)
{
    public SendLane Lane => lane;

    /// <summary>Sends everything of <paramref name="shares"/> (this lane's, or some of them) due now.</summary>
    public async Task<int> DrainAsync(IReadOnlyList<OutboxShare> shares, CancellationToken ct)
    {
        var total = 0;
        while (await ClaimAsync(shares, ct) is { Count: > 0 } batch)
        {
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
                            await sender.SendOneAsync(item, gated, sent, token);
                        }
                    });
            }
            finally
            {
                await sent.FlushAsync();
            }

            total += batch.Count;
        }

        return total;
    }

    /// <summary>Drains the lane whenever it is woken or its next row falls due, until the host stops.</summary>
    public async Task RunAsync(WakeSignal wake, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(lane.Shares, stoppingToken);
                // Only this lane's next row: another lane's backlog (a stalled provider's) must not keep it spinning.
                var wait = settings.PollInterval;
                if (await outbox.NextDueAsync(lane.Shares, stoppingToken) is { } next)
                {
                    var untilDue = next - time.GetUtcNow();
                    wait = untilDue < wait ? (untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue) : wait;
                }

                await wake.WaitAsync(wait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError("Outbox lane {Lane} failed ({Error}); retrying shortly", lane.Name, LoggedError.Of(ex));
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    /// <summary>Unlimited channels claim a full batch; each rate-limited channel about one second of sends.</summary>
    private async Task<List<OutboxItem>> ClaimAsync(IReadOnlyList<OutboxShare> shares, CancellationToken ct)
    {
        var batch = new List<OutboxItem>();
        var unlimited = shares.Where(s => !limiter.IsLimited(s.Channel)).ToList();
        if (unlimited.Count > 0)
        {
            batch.AddRange(await outbox.ClaimDueAsync(unlimited, settings.BatchSize, ct));
        }

        foreach (var limited in shares.Where(s => limiter.IsLimited(s.Channel)).GroupBy(s => s.Channel))
        {
            var allowance = limiter.ClaimAllowance(limited.Key, settings.BatchSize);
            batch.AddRange(await outbox.ClaimDueAsync(limited.ToList(), allowance, ct));
        }

        return batch;
    }

    /// <summary>
    /// The gates decide the rows not in doubt all at once (a campaign's in a few statements per batch); a row in doubt
    /// is first looked up at the provider and gated on its own (OutboxRowSender). Claim order is kept.
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
            logger.LogWarning(
                "Outbox gates failed ({Error}); {Count} rows will retry", LoggedError.Of(ex), fresh.Count);
            foreach (var item in batch.Where(i => i.InDoubtSince is null))
            {
                await outbox.MarkRetryAsync(
                    item.OutboxId, time.GetUtcNow() + sender.Backoff(1), "gate failed", false, ct);
            }

            fresh = [];
        }

        var passed = fresh.ToDictionary(i => i.OutboxId);
        return batch
            .Where(i => i.InDoubtSince is not null || passed.ContainsKey(i.OutboxId))
            .Select(i => i.InDoubtSince is null ? (passed[i.OutboxId], true) : (i, false))
            .ToList();
    }
}
