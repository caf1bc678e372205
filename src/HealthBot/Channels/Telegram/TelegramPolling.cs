using System.Text.Json;

namespace HealthBot.Channels.Telegram;

/// <summary>
/// <c>Telegram:Mode=polling</c>: asks getUpdates (https://core.telegram.org/bots/api#getupdates) in a long poll, so a
/// box behind NAT, with no public address, still receives. An update is confirmed (the next offset) only after it
/// was stored, so a crash loses none; one fetched again is a duplicate update_id and gets no second reply. Telegram
/// refuses getUpdates while a webhook is set (409 Conflict), so polling removes the webhook first, and again whenever
/// one appears later (an operator's set-webhook, a second box in webhook mode); /readyz shows it down meanwhile.
/// </summary>
public sealed class TelegramPolling(
    TelegramApi api, TelegramInbound inbound, TelegramPollingState state, TimeProvider time,
    ILogger<TelegramPolling> logger) : BackgroundService
{
    private static readonly string[] Wanted = ["message", "edited_message", "my_chat_member"];
    private readonly TaskCompletionSource enabled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long? offset;

    /// <summary>Called when the web service maps its endpoints: one-shot commands never poll.</summary>
    public void Enable() => enabled.TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await enabled.Task.WaitAsync(stoppingToken);
        var failures = 0;
        var webhookRemoved = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                webhookRemoved = webhookRemoved || await RemoveWebhookAsync(stoppingToken);
                var wait = await PollOnceAsync(stoppingToken);
                failures = wait is null ? 0 : failures + 1;
                if (wait is { } pause)
                {
                    await Task.Delay(Backoff(pause, failures), time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                failures++;
                logger.LogWarning("Telegram getUpdates failed ({Error}); trying again", ex.GetType().Name);
                await Task.Delay(Backoff(TimeSpan.FromSeconds(1), failures), time, stoppingToken);
            }
        }
    }

    /// <summary>One getUpdates call, its updates stored; when it failed, how long to wait before the next.</summary>
    public async Task<TimeSpan?> PollOnceAsync(CancellationToken ct)
    {
        var settings = api.Settings;
        var answer = await api.CallAsync("getUpdates",
            new { offset, timeout = settings.PollTimeoutSeconds, allowed_updates = Wanted }, ct,
            TimeSpan.FromSeconds(settings.PollTimeoutSeconds + settings.TimeoutSeconds));
        if (answer.ErrorCode == 409)
        {
            return await ConflictAsync(ct);
        }

        if (!answer.Ok)
        {
            logger.LogWarning(
                "Telegram getUpdates refused: {Code} {Description}", answer.ErrorCode, answer.Description);
            return TimeSpan.FromSeconds(answer.RetryAfter ?? 5);
        }

        if (state.Conflict is not null)
        {
            state.Conflict = null;
            logger.LogInformation("Telegram: receiving by getUpdates polling again (the webhook is gone)");
        }

        if (answer.Result.ValueKind != JsonValueKind.Array)
        {
            return TimeSpan.FromSeconds(5);
        }

        foreach (var element in answer.Result.EnumerateArray())
        {
            if (!TelegramUpdate.Long(element, "update_id", out var id))
            {
                continue;
            }

            try
            {
                await inbound.ReceiveAsync(TelegramUpdate.Read(element), ct);
            }
            catch (FormatException ex)
            {
                // A malformed update cannot become a message; confirm it so it does not block the ones after it.
                logger.LogWarning("Telegram update {UpdateId} skipped: {Reason}", id, ex.Message);
            }

            offset = id + 1;
        }

        return null;
    }

    /// <summary>
    /// 409: a webhook was set after polling began. Remove it again and say so once for the whole conflict; if it keeps
    /// coming back, something else sets it, and the backoff keeps our retries (and deleteWebhook calls) few.
    /// </summary>
    private async Task<TimeSpan> ConflictAsync(CancellationToken ct)
    {
        if (state.Conflict is null)
        {
            state.Conflict = "Telegram refuses getUpdates (409 Conflict) because a webhook is set for this bot; " +
                             "polling removes it (run `healthbot telegram delete-webhook` if it keeps coming back: " +
                             "another box may run this bot in webhook mode)";
            logger.LogWarning("Telegram getUpdates answered 409: a webhook was set for this bot; removing it so " +
                              "polling receives again");
        }

        await api.CallAsync("deleteWebhook", new { drop_pending_updates = false }, ct);
        return TimeSpan.FromSeconds(1);
    }

    private async Task<bool> RemoveWebhookAsync(CancellationToken ct)
    {
        var answer = await api.CallAsync("deleteWebhook", new { drop_pending_updates = false }, ct);
        if (answer.Ok)
        {
            logger.LogInformation("Telegram: receiving by getUpdates polling (any webhook removed)");
        }

        return answer.Ok;
    }

    private static TimeSpan Backoff(TimeSpan first, int failures) =>
        TimeSpan.FromSeconds(Math.Min(60, first.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 6))));
}

/// <summary>What polling knows and a probe cannot ask Telegram: that getUpdates is being refused now.</summary>
public sealed class TelegramPollingState
{
    private volatile string? conflict;

    /// <summary>Why polling cannot receive at the moment; null while it receives.</summary>
    public string? Conflict
    {
        get => conflict;
        set => conflict = value;
    }
}
