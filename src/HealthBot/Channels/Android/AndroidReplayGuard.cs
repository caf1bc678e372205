using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Android;

/// <summary>
/// Remembers the ids of handled webhook events for twice <see cref="AndroidGatewayOptions.MaxSkew"/>: a captured
/// request replayed inside the timestamp window is recognised by its id; after the window its timestamp is stale.
/// Received SMS are also deduplicated durably by the message store (the event id is their provider id).
/// </summary>
public sealed class AndroidReplayGuard(TimeProvider time, IOptions<AndroidGatewayOptions> options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private DateTimeOffset nextPrune = DateTimeOffset.MinValue;

    public bool Seen(string eventId)
    {
        Prune();
        return seen.ContainsKey(eventId);
    }

    /// <summary>Called once the event is handled, so that a retry after our own failure is still processed.</summary>
    public void Remember(string eventId) => seen[eventId] = time.GetUtcNow();

    private void Prune()
    {
        var now = time.GetUtcNow();
        if (now < nextPrune)
        {
            return;
        }

        var keep = options.Value.MaxSkew * 2;
        nextPrune = now + TimeSpan.FromSeconds(30);
        foreach (var (id, at) in seen)
        {
            if (now - at > keep)
            {
                seen.TryRemove(id, out _);
            }
        }
    }
}
