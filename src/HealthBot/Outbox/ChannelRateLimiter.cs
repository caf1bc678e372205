using Microsoft.Extensions.Options;

namespace HealthBot.Outbox;

/// <summary>
/// Paces sends per channel to <see cref="OutboxOptions.RateLimits"/> messages per second: each send takes the next
/// free slot, one interval after the previous. The dispatcher claims at most about a second of sends per round for a
/// limited channel, so a reply (higher priority) never queues behind more than that second of bulk messages.
/// </summary>
public sealed class ChannelRateLimiter(IOptions<OutboxOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, double> rates = new(options.Value.RateLimits, StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> nextSlot = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public bool IsLimited(string channel) => rates.ContainsKey(channel);

    /// <summary>How many rows of a limited channel to claim in one round: about one second's worth.</summary>
    public int ClaimAllowance(string channel, int batchSize) =>
        rates.TryGetValue(channel, out var rate) ? (int)Math.Clamp(Math.Ceiling(rate), 1, batchSize) : batchSize;

    /// <summary>Waits for this channel's next send slot (at once for channels without a limit).</summary>
    public Task WaitTurnAsync(string channel, CancellationToken ct)
    {
        if (!rates.TryGetValue(channel, out var rate))
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
}
