using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Outbox;

/// <summary>
/// One sender's rows (<see cref="SendLane"/>): claimed, gated and sent apart from every other sender's, so a provider
/// whose calls hang until their time limit holds up only its own messages; the other lanes keep claiming and sending.
/// Within a lane claiming does not wait for a claimed batch to finish: while fewer than a batch of rows are in hand
/// the lane claims more, so one call that hangs holds one of <see cref="OutboxOptions.MaxParallelSends"/> slots, not
/// the lane. Replies (higher priority) are claimed before campaigns; one person's messages go in claim order (each
/// waits for that person's previous one, even across batches); a rate-limited channel has about a second of sends in
/// hand. Claims skip rows locked by other nodes (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL).
/// </summary>
internal sealed partial class OutboxLane(
    SendLane lane,
    IOutboxStore outbox,
    OutboxRowSender sender,
    IOutboxGate[] gateList,
    ChannelRateLimiter limiter,
    TimeProvider time,
    OutboxOptions settings,
    ILogger logger)
{
    // Sends recorded as taken are written together, at most this long after the provider answered (SentBatch).
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim slots = new(settings.MaxParallelSends, settings.MaxParallelSends);
    private readonly Lock gate = new();
    private readonly Dictionary<(string Channel, string To), Task> tails = [];
    private readonly Dictionary<string, int> inHand = [];
    private WakeSignal freed = new();
    private TaskCompletionSource rowDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SendLane Lane => lane;

    /// <summary>Sends everything of <paramref name="shares"/> (this lane's, or some of them) due now.</summary>
    public async Task<int> DrainAsync(IReadOnlyList<OutboxShare> shares, CancellationToken ct)
    {
        var total = 0;
        var running = new List<Task>();
        while (true)
        {
            // Taken before the claim, so a row done between the claim and the wait is not missed.
            var released = rowDone.Task;
            if (await ClaimAsync(shares, ct) is { Count: > 0 } batch)
            {
                total += batch.Count;
                running.Add(SendBatchAsync(batch, ct));
                continue;
            }

            foreach (var done in running.Where(t => t.IsCompleted).ToList())
            {
                running.Remove(done);
                await done; // a failed batch fails the drain, as before
            }

            if (running.Count == 0)
            {
                return total;
            }

            // Something is still being sent: claim again when a row is done or a batch ends (whichever first).
            await Task.WhenAny(Task.WhenAny(running), released);
        }
    }

    /// <summary>Sends whenever the lane is woken, a row is done or its next row falls due, until the host stops.
    /// </summary>
    public async Task RunAsync(WakeSignal wake, CancellationToken stoppingToken)
    {
        freed = wake;
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                running.RemoveAll(t => t.IsCompleted && Logged(t));
                if (await ClaimAsync(lane.Shares, stoppingToken) is { Count: > 0 } batch)
                {
                    running.Add(SendBatchAsync(batch, stoppingToken));
                    continue;
                }

                // Only the next row this lane could claim now: another lane's backlog (a stalled provider's), or rows
                // of a channel whose hand is full, must not keep it spinning; a row that ends wakes it (Release).
                var wait = settings.PollInterval;
                if (Claimable() is { Count: > 0 } open && await outbox.NextDueAsync(open, stoppingToken) is { } next)
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

        // Sends under way are cancelled with the host; what they recorded is flushed before the lane ends.
        await Task.WhenAll(running.Select(t => t.ContinueWith(Logged, TaskScheduler.Default)));
    }

    private bool Logged(Task batch)
    {
        if (batch.Exception is { } ex)
        {
            logger.LogError("Outbox lane {Lane} batch failed ({Error}); its rows are recovered after their lease",
                lane.Name, LoggedError.Of(ex.GetBaseException()));
        }

        return true;
    }

    /// <summary>
    /// Gates a claimed batch, then sends it: different people in parallel within the lane's slots, one person's
    /// messages in order (the urgent referral before the item). Sends taken are recorded every second and at the end.
    /// </summary>
    private async Task SendBatchAsync(List<OutboxItem> batch, CancellationToken ct)
    {
        var sent = new SentBatch(outbox);
        var left = batch.ToList();
        try
        {
            var ready = await GateAsync(batch, ct);
            var passed = ready.Select(r => r.Item.OutboxId).ToHashSet();
            Release(left.Where(i => !passed.Contains(i.OutboxId)).ToList());
            left = ready.Select(r => r.Item).ToList();
            var all = Task.WhenAll(ready.GroupBy(i => (i.Item.Channel, i.Item.To))
                .Select(group => InTurn(group.Key, () => SendGroupAsync(group.ToList(), sent, left, ct))));
            while (await Task.WhenAny(all, Task.Delay(FlushEvery, time, CancellationToken.None)) != all)
            {
                await sent.FlushAsync();
            }

            await all;
        }
        finally
        {
            await sent.FlushAsync();
            Release(left);
        }
    }

    private async Task SendGroupAsync(
        List<(OutboxItem Item, bool Gated)> group, SentBatch sent, List<OutboxItem> left, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            foreach (var (item, gated) in group)
            {
                try
                {
                    await sender.SendOneAsync(item, gated, sent, ct);
                }
                finally
                {
                    lock (gate)
                    {
                        left.Remove(item);
                    }

                    Release([item]);
                }
            }
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Runs <paramref name="send"/> after the person's earlier messages in the lane, in claim order.</summary>
    private Task InTurn((string Channel, string To) person, Func<Task> send)
    {
        lock (gate)
        {
            var previous = tails.GetValueOrDefault(person) ?? Task.CompletedTask;
            var mine = previous.ContinueWith(_ => send(), TaskScheduler.Default).Unwrap();
            tails[person] = mine;
            _ = mine.ContinueWith(
                _ =>
                {
                    lock (gate)
                    {
                        if (tails.GetValueOrDefault(person) == mine)
                        {
                            tails.Remove(person);
                        }
                    }
                },
                TaskScheduler.Default);
            return mine;
        }
    }

    /// <summary>Rows no longer in hand (sent, gated off, or their batch ended): room to claim more.</summary>
    private void Release(IReadOnlyList<OutboxItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        var before = Room();
        lock (gate)
        {
            foreach (var item in items)
            {
                inHand[item.Channel] = inHand.GetValueOrDefault(item.Channel) - 1;
            }
        }

        // Woken only when a claim can follow: a limited channel's slot, or a quarter batch of room just freed.
        if (!items.Any(i => limiter.IsLimited(i.Channel)) && (before >= MinRoom || Room() < MinRoom))
        {
            return;
        }

        freed.Set();
        Interlocked.Exchange(ref rowDone, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
