using System.Text.Json;

namespace HealthBot.Channels.Telegram;

/// <summary>
/// <c>Telegram:Mode=polling</c>: asks getUpdates (https://core.telegram.org/bots/api#getupdates) in a long poll, so a
/// box behind NAT, with no public address, still receives. An update is confirmed (the next offset) only after it
/// was stored, so a crash loses none; one fetched again is a duplicate update_id and gets no second reply. Telegram
/// refuses getUpdates while a webhook is set, so polling removes the webhook first.
/// </summary>
public sealed class TelegramPolling(
    TelegramApi api, TelegramInbound inbound, TimeProvider time, ILogger<TelegramPolling> logger) : BackgroundService
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
        if (!answer.Ok)
        {
            logger.LogWarning(
                "Telegram getUpdates refused: {Code} {Description}", answer.ErrorCode, answer.Description);
            return TimeSpan.FromSeconds(answer.RetryAfter ?? 5);
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
