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
        var room = settings.BatchSize - InHand(unlimited.Select(s => s.Channel));
        if (unlimited.Count > 0 && room > 0)
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
