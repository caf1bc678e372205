using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Telemetry;

namespace HealthBot.Outbox;

/// <summary>
/// Sends one claimed row and records the outcome: a row in doubt is settled at its provider first, then the gates
/// (unless passed with its batch), the provider's length limit, the channel's rate limit and the provider call.
/// Transient failures back off exponentially; permanent ones keep the provider's error code and stop.
/// </summary>
internal sealed class OutboxRowSender(
    IOutboxStore outbox,
    IContactStore contacts,
    SenderRoutes routes,
    IOutboxGate[] gateList,
    ChannelRateLimiter limiter,
    InDoubtSends inDoubt,
    TimeProvider time,
    OutboxOptions settings,
    ILogger logger,
    Channels.ChannelRegistry registry,
    HealthBotTelemetry telemetry,
    MessageTraces traces)
{
    public async Task SendOneAsync(OutboxItem item, bool gated, SentBatch sends, CancellationToken ct)
    {
        // The provider this row goes out through: the one that carried the person's message when it can send.
        var routedTo = routes.For(item).Sender.Provider;
        var provider = routedTo ?? registry.Sender(item.Channel)?.Name ?? "none";
        using var activity = traces.StartSend(item.MessageId, item.OutboxId, item.Channel, provider);
        SendResult result;
        TimeSpan? took = null;
        try
        {
            // A row in doubt is asked about first, before the gates: if the provider has it, it was sent, whatever
            // a gate would say now.
            var settled = item.InDoubtSince is not null ? await inDoubt.SettleAsync(item, routedTo, ct) : null;
            (result, took) = settled is not null ? (settled, null) : await GateAndSendAsync(item, gated, ct);
            if (result is SendResult.Sent { Provider: null } sent)
            {
                result = sent with { Provider = routes.For(item).Sender.Provider };
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            result = new SendResult.Retry("timeout");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not the exception itself: its message can hold a URL with the person's number (LoggedError).
            logger.LogWarning(
                "Sending outbox row {OutboxId} threw {Error}; will retry", item.OutboxId, LoggedError.Of(ex));
            result = new SendResult.Retry(ex.GetType().Name);
        }

        if (result is GatedOff)
        {
            activity?.SetTag("healthbot.outcome", "gated");
            return;
        }

        // Recorded first: `activity?.SetTag(..., Send(...))` would skip the call whenever nothing traces (no OTLP).
        var outcome = telemetry.Send(item, provider, result, took);
        activity?.SetTag("healthbot.outcome", outcome);
        await RecordAsync(item, result, sends, ct);
        if (result is not SendResult.Retry || item.Attempts + 1 >= settings.MaxAttempts)
        {
            traces.Settled(item.MessageId);
        }
    }

    /// <summary>
    /// Gates (unless already passed with the batch), rate limit, provider call and how long the provider took;
    /// <see cref="GatedOff"/> when a gate dealt with the row.
    /// </summary>
    private async Task<(SendResult, TimeSpan?)> GateAndSendAsync(OutboxItem item, bool gated, CancellationToken ct)
    {
        var send = item;
        foreach (var gate in gated ? [] : gateList)
        {
            if (await gate.BeforeSendAsync(send, ct) is not { } passed)
            {
                return (GatedOff.Instance, null);
            }

            send = passed;
        }

        // A provider that would cut or refuse the text (Kannel's max-messages, Twilio's 1,600 characters): a clear
        // permanent failure in the inbox rather than a silently shortened message.
        var (sender, routed) = routes.For(send);
        if (send.Template is null && registry.TooLong(send.Channel, send.Body, sender.Provider) is { } tooLong)
        {
            return (new SendResult.Fail("too-long", tooLong), null);
        }

        await limiter.WaitTurnAsync(send.Channel, ct);
        var started = telemetry.Start();
        var result = await inDoubt.WithinTimeoutAsync(item.OutboxId, sender.SendAsync(routed, ct), ct);
        var took = telemetry.Since(started);
        return (result is SendResult.Sent sent ? sent with { Provider = sender.Provider } : result, took);
    }

    /// <summary>A gate deferred, skipped or settled the row itself: nothing to record.</summary>
    private sealed record GatedOff : SendResult
    {
        public static readonly GatedOff Instance = new();
    }

    private async Task RecordAsync(OutboxItem item, SendResult result, SentBatch batch, CancellationToken ct)
    {
        switch (result)
        {
            case SendResult.Sent sent:
                await batch.AddAsync(
                    new SentRow(item.OutboxId, item.MessageId, sent.ProviderId, sent.Status, sent.Provider),
                    now: !inDoubt.CanLookUp(item.Channel, sent.Provider));
                break;
            case SendResult.Fail fail:
                logger.LogWarning("Outbox row {OutboxId} failed permanently with provider error {ErrorCode}",
                    item.OutboxId, LoggedError.Code(fail.ErrorCode));
                // The opt-out first: a node killed in between still has the row in flight, and its retry then finds
                // the person opted out; the other order would lose the opt-out for good.
                if (fail.RecipientOptedOut && item.ContactId > 0)
                {
                    await contacts.SetConsentAsync(
                        item.ContactId, Consent.OptedOut, item.Channel, $"provider-{fail.ErrorCode}", ct);
                }

                await outbox.MarkFailedAsync(item.OutboxId, fail.ErrorCode, fail.Error, ct);
                break;
            case SendResult.Retry retry when item.Attempts + 1 >= settings.MaxAttempts:
                logger.LogWarning("Outbox row {OutboxId} gave up after {Attempts} attempts: {Error}",
                    item.OutboxId, item.Attempts + 1, retry.Error);
                await outbox.MarkFailedAsync(item.OutboxId, "max-attempts", retry.Stored, ct);
                break;
            case SendResult.Retry retry:
                var delay = Backoff(item.Attempts + 1);
                delay = retry.After is { } after && after > delay ? after : delay;
                // A provider's Retry-After beyond the longest wait would look like a wrong clock (and be pulled back).
                delay = delay > settings.LongestWait() ? settings.LongestWait() : delay;
                logger.LogInformation(
                    "Outbox row {OutboxId} will retry in {Delay} after: {Error}", item.OutboxId, delay, retry.Error);
                // A row already in doubt stays so: this attempt not reaching the provider says nothing of the earlier.
                await outbox.MarkRetryAsync(item.OutboxId, time.GetUtcNow() + delay, retry.Stored,
                    retry.InDoubt || item.InDoubtSince is not null, ct);
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
