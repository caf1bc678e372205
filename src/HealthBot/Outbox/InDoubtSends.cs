using System.Collections.Concurrent;
using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Outbox;

/// <summary>
/// Sends whose outcome is unknown. Twilio's CreateAsync takes no cancellation token, so a send that times out here
/// can still reach the provider, and a process killed mid-send cannot know. Such a row is "in doubt"
/// (<see cref="OutboxItem.InDoubtSince"/>); before it is sent again the provider is asked whether it has it.
/// </summary>
public sealed class InDoubtSends(
    IEnumerable<IDeliveryLookup> lookups,
    IOutboxStore outbox,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<InDoubtSends> logger)
{
    // Provider clocks differ from ours; the margin only widens the search, the known-id check keeps it exact.
    private static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(5);

    private readonly IDeliveryLookup[] lookupList = lookups.ToArray();

    // Requests given up on by this process that may still be answered (the provider call cannot be cancelled).
    private readonly ConcurrentDictionary<long, Task<SendResult>> abandoned = new();

    /// <summary>
    /// Waits for a provider call up to <see cref="OutboxOptions.SendTimeout"/>; past it the call is left running and
    /// the send is in doubt.
    /// </summary>
    public async Task<SendResult> WithinTimeoutAsync(long outboxId, Task<SendResult> sending, CancellationToken ct)
    {
        try
        {
            return await sending.WaitAsync(options.Value.SendTimeout, time, ct);
        }
        catch (TimeoutException)
        {
            abandoned[outboxId] = sending;
            return new SendResult.Retry("timeout: the provider may still accept it");
        }
    }

    /// <summary>
    /// Settles a row in doubt: <see cref="SendResult.Sent"/> when the provider has it (record it, do not send),
    /// <see cref="SendResult.Retry"/> when our own earlier call is still running and the provider does not have it
    /// yet, null when it is safe (or, for a provider with no lookup, unavoidable) to send again.
    /// </summary>
    public async Task<SendResult?> SettleAsync(OutboxItem item, CancellationToken ct)
    {
        // Kept until settled: a lookup that throws must not forget that our own request may still land.
        abandoned.TryGetValue(item.OutboxId, out var earlier);
        if (earlier is { IsCompletedSuccessfully: true, Result: SendResult.Sent late })
        {
            abandoned.TryRemove(item.OutboxId, out _);
            return late; // the answer we stopped waiting for arrived after all
        }

        var found = await FindAsync(item, item.InDoubtSince!.Value - ClockMargin, ct);
        if (found is not null)
        {
            abandoned.TryRemove(item.OutboxId, out _);
            logger.LogWarning(
                "Outbox row {OutboxId} was already accepted by the provider; recorded, not sent again", item.OutboxId);
            return new SendResult.Sent(found.ProviderId, found.Status);
        }

        if (earlier is { IsCompleted: false })
        {
            return new SendResult.Retry("in doubt: our earlier request is still open; the provider has not got it yet");
        }

        abandoned.TryRemove(item.OutboxId, out _);
        return null;
    }

    private async Task<ProviderMessage?> FindAsync(OutboxItem item, DateTimeOffset since, CancellationToken ct)
    {
        var lookup = lookupList.LastOrDefault(l => l.Channels.Contains(item.Channel));
        if (lookup is null || await lookup.FindAsync(item, since, ct) is not { } candidates)
        {
            logger.LogInformation(
                "Outbox row {OutboxId} is in doubt and channel {Channel} has no lookup; sending it again",
                item.OutboxId,
                item.Channel);
            return null;
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        // The same text to the same person twice (two identical answers) is two messages: each provider message
        // settles one row only, so skip those already recorded on another.
        var ids = candidates.Select(c => c.ProviderId).ToList();
        var known = await outbox.ProviderIdsOfOthersAsync(item.MessageId, ids, ct);
        return candidates.FirstOrDefault(c => !known.Contains(c.ProviderId));
    }
}
