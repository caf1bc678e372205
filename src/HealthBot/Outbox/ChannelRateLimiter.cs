using Microsoft.Extensions.Options;

namespace HealthBot.Outbox;

/// <summary>
/// Paces sends per channel to <see cref="OutboxOptions.RateLimits"/> messages per second: each send takes the next
/// free slot, one interval after the previous. The dispatcher claims at most about a second of sends per round for a
/// limited channel, so a reply (higher priority) never queues behind more than that second of bulk messages.
/// The limits are for the whole deployment: with several nodes each paces at its share (<see cref="SetNodes"/>).
/// </summary>
public sealed class ChannelRateLimiter(IOptions<OutboxOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, double> limits = new(options.Value.RateLimits, StringComparer.Ordinal);
    private volatile int nodes = 1;
    private readonly Dictionary<string, DateTimeOffset> nextSlot = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public bool IsLimited(string channel) => limits.ContainsKey(channel);

    /// <summary>Nodes now sending (from their heartbeats); each paces at 1/n of the limit.</summary>
    public int Nodes => nodes;

    public void SetNodes(int count) => nodes = Math.Max(1, count);

    /// <summary>How many rows of a limited channel to claim in one round: about one second's worth.</summary>
    public int ClaimAllowance(string channel, int batchSize) =>
        TryRate(channel, out var rate) ? (int)Math.Clamp(Math.Ceiling(rate), 1, batchSize) : batchSize;

    /// <summary>Waits for this channel's next send slot (at once for channels without a limit).</summary>
    public Task WaitTurnAsync(string channel, CancellationToken ct)
    {
        if (!TryRate(channel, out var rate))
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        DateTimeOffset slot;
        lock (gate)
        {
            slot = nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            nextSlot[channel] = slot + TimeSpan.FromSeconds(1 / rate);
        }

        var wait = slot - now;
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, ct) : Task.CompletedTask;
    }

    private bool TryRate(string channel, out double rate)
    {
        var found = limits.TryGetValue(channel, out rate);
        rate /= nodes;
        return found;
    }
}
