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

    /// <summary>
    /// Whether the provider can be asked about a send (null: a sender with no provider name, any lookup of the
    /// channel). Sends through a provider that cannot be asked are recorded at once, not in a batch (SentBatch).
    /// </summary>
    public bool CanLookUp(string channel, string? provider) =>
        lookupList.Any(l => l.Channels.Contains(channel) && (provider is null || l.Provider == provider));

    // Requests given up on by this process that may still be answered (the provider call cannot be cancelled).
    private readonly ConcurrentDictionary<long, Task<SendResult>> abandoned = new();

    // Rows this process sent again in doubt through a provider with no lookup. The episode itself is stored with the
    // row (OutboxItem.ResentInDoubt), so a restart during the resend does not send a third copy; this only says which
    // marks to clear when the resend is answered (Channels/README.md, "Exactly once or at least once").
    private readonly ConcurrentDictionary<long, DateTimeOffset> resent = new();

    // When this process's last call for a row ended; after a restart it is unknown (then: the time limit's end).
    private readonly ConcurrentDictionary<long, DateTimeOffset> ended = new();

    /// <summary>
    /// Waits for a provider call up to <see cref="OutboxOptions.SendTimeout"/>; past it the call is left running and
    /// the send is in doubt.
    /// </summary>
    public async Task<SendResult> WithinTimeoutAsync(long outboxId, Task<SendResult> sending, CancellationToken ct)
    {
        try
        {
            var result = await sending.WaitAsync(options.Value.SendTimeout, time, ct);
            if (result is not SendResult.Retry { InDoubt: true } retry)
            {
                ended.TryRemove(outboxId, out _);
                if (resent.TryRemove(outboxId, out _) && result is SendResult.Retry)
                {
                    // The resend certainly did not reach the provider (refused, 503): it does not count.
                    await outbox.MarkResentInDoubtAsync(outboxId, null, CancellationToken.None);
                }

                return result;
            }

            ended[outboxId] = time.GetUtcNow();
            if (!retry.Error.StartsWith("timeout", StringComparison.Ordinal) && resent.TryRemove(outboxId, out _))
            {
                // The provider answered, unclearly (a 5xx, a page that is not its answer): not a lost answer twice.
                await outbox.MarkResentInDoubtAsync(outboxId, null, CancellationToken.None);
            }

            return result;
        }
        catch (TimeoutException)
        {
            ended[outboxId] = time.GetUtcNow();
            abandoned[outboxId] = sending;
            return new SendResult.Retry("timeout: the provider may still accept it");
        }
    }

    /// <summary>
    /// Settles a row in doubt: <see cref="SendResult.Sent"/> when the provider has it (record it, do not send),
    /// <see cref="SendResult.Retry"/> when our own earlier call is still running and the provider does not have it
    /// yet, null when it is safe (or, for a provider with no lookup, unavoidable) to send again.
    /// <paramref name="provider"/>: the provider the row was sent (is routed) through; only its lookup is asked, so an
    /// Africa's Talking reply is never looked up at Twilio (null: a sender with no provider name, any lookup of the
    /// channel).
    /// </summary>
    public async Task<SendResult?> SettleAsync(OutboxItem item, string? provider, CancellationToken ct)
    {
        // Kept until settled: a lookup that throws must not forget that our own request may still land.
        abandoned.TryGetValue(item.OutboxId, out var earlier);
        if (earlier is { IsCompletedSuccessfully: true, Result: SendResult.Sent late })
        {
            abandoned.TryRemove(item.OutboxId, out _);
            return late; // the answer we stopped waiting for arrived after all
        }

        var (hasLookup, found) = await FindAsync(item, provider, item.InDoubtSince!.Value - ClockMargin, ct);
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
        return hasLookup ? null : await WithoutLookupAsync(item, provider);
    }

    /// <summary>
    /// A provider that cannot be asked (Africa's Talking, Meta, Kannel: no idempotency key, no lookup by our id):
    /// sent again once per in-doubt episode, and no sooner than one full backoff (without the jitter's shortening)
    /// after the doubtful call ended (after a restart: after its time limit ran out), so a slow provider or a restart
    /// does not make copies at once. When that one resend
    /// got no answer either, it is not sent a third time: the row fails "unconfirmed" for staff to check.
    /// </summary>
    private async Task<SendResult?> WithoutLookupAsync(OutboxItem item, string? provider)
    {
        var episode = item.InDoubtSince!.Value;
        var name = provider ?? "the provider";
        if (item.ResentInDoubt == episode)
        {
            resent.TryRemove(item.OutboxId, out _);
            ended.TryRemove(item.OutboxId, out _);
            logger.LogWarning(
                "Outbox row {OutboxId} was sent again in doubt through {Provider}, which has no lookup, and got no " +
                "answer again: not sent a third time", item.OutboxId, name);
            return new SendResult.Fail("unconfirmed", $"sent twice through {name} with no answer; {name} cannot be " +
                "asked whether it has a message, so it was not sent a third time: ask the person whether it arrived");
        }

        var settings = options.Value;
        var backoff = settings.InitialBackoff * Math.Pow(2, Math.Min(Math.Max(item.Attempts, 1) - 1, 20));
        var end = ended.TryGetValue(item.OutboxId, out var at) && at >= episode ? at : episode + settings.SendTimeout;
        var due = end + (backoff > settings.MaxBackoff ? settings.MaxBackoff : backoff);
        if (time.GetUtcNow() < due)
        {
            return new SendResult.Retry($"in doubt: {name} has no lookup; sent again one full backoff later",
                After: due - time.GetUtcNow());
        }

        // Stored before the call: a process killed during it must not send a third copy after its restart.
        await outbox.MarkResentInDoubtAsync(item.OutboxId, episode, CancellationToken.None);
        resent[item.OutboxId] = episode;
        ended.TryRemove(item.OutboxId, out _);
        logger.LogInformation(
            "Outbox row {OutboxId} is in doubt and provider {Provider} on channel {Channel} has no lookup; " +
            "sending it again, once", item.OutboxId, name, item.Channel);
        return null;
    }

    private async Task<(bool HasLookup, ProviderMessage? Found)> FindAsync(
        OutboxItem item, string? provider, DateTimeOffset since, CancellationToken ct)
    {
        // A provider with no lookup (Africa's Talking, Meta, Kannel, Telegram) is at least once: Channels/README.md.
        var lookup = lookupList.LastOrDefault(
            l => l.Channels.Contains(item.Channel) && (provider is null || l.Provider == provider));
        if (lookup is null || await lookup.FindAsync(item, since, ct) is not { } candidates)
        {
            return (false, null);
        }

        if (candidates.Count == 0)
        {
            return (true, null);
        }

        // The same text to the same person twice (two identical answers) is two messages: each provider message
        // settles one row only, so skip those already recorded on another.
        var ids = candidates.Select(c => c.ProviderId).ToList();
        var known = await outbox.ProviderIdsOfOthersAsync(item.MessageId, ids, ct);
        return (true, candidates.FirstOrDefault(c => !known.Contains(c.ProviderId)));
    }
}
