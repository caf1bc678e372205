using HealthBot.Data;

namespace HealthBot.Outbox;

/// <summary>What a lane claims and how the gates pass it (OutboxLane.cs has the sending).</summary>
internal sealed partial class OutboxLane
{
    /// <summary>
    /// Unlimited channels fill the lane's hand up to a batch; each rate-limited channel up to about one second of sends
    /// (more in hand would wait in memory for the limit and keep later, more urgent replies behind it).
    /// </summary>
    private async Task<List<OutboxItem>> ClaimAsync(IReadOnlyList<OutboxShare> shares, CancellationToken ct)
    {
        var batch = new List<OutboxItem>();
        var unlimited = shares.Where(s => !limiter.IsLimited(s.Channel)).ToList();
        var room = Room();
        if (unlimited.Count > 0 && room >= MinRoom)
        {
            batch.AddRange(await outbox.ClaimDueAsync(unlimited, room, ct));
        }

        foreach (var limited in shares.Where(s => limiter.IsLimited(s.Channel)).GroupBy(s => s.Channel))
        {
            var allowance = limiter.ClaimAllowance(limited.Key, settings.BatchSize) - InHand([limited.Key]);
            if (allowance > 0)
            {
                batch.AddRange(await outbox.ClaimDueAsync(limited.ToList(), allowance, ct));
            }
        }

        lock (gate)
        {
            foreach (var item in batch)
            {
                inHand[item.Channel] = inHand.GetValueOrDefault(item.Channel) + 1;
            }
        }

        return batch;
    }

    /// <summary>
    /// Claims of unlimited channels wait for a quarter of a batch of room: claiming each row as another ends would
    /// cost a claim (a write transaction) per message under load.
    /// </summary>
    private int MinRoom => Math.Max(1, settings.BatchSize / 4);

    /// <summary>The lane's shares with room to claim now.</summary>
    private List<OutboxShare> Claimable() => lane.Shares
        .Where(s => limiter.IsLimited(s.Channel)
            ? limiter.ClaimAllowance(s.Channel, settings.BatchSize) > InHand([s.Channel])
            : Room() >= MinRoom)
        .ToList();

    /// <summary>Rows of the lane's unlimited channels that may still be claimed.</summary>
    private int Room() =>
        settings.BatchSize - InHand(lane.Shares.Where(s => !limiter.IsLimited(s.Channel)).Select(s => s.Channel));

    private int InHand(IEnumerable<string> channels)
    {
        lock (gate)
        {
            return channels.Distinct().Sum(c => inHand.GetValueOrDefault(c));
        }
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
