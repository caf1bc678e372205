using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.Extensions.Options;

namespace HealthBot.Safety;

/// <summary>
/// Sends the summary SMS for alerts held back by the on-call SMS budget
/// (<see cref="SafetyOptions.MaxAlertSmsPerWindow"/>).
/// A held alert is already in the staff inbox; this only makes sure the on-call phone hears about it.
/// </summary>
public sealed class AlertSummaryWorker(
    SqlAlertSummaries summaries,
    OutboxSignal outbox,
    TimeProvider time,
    IOptions<SafetyOptions> options,
    ILogger<AlertSummaryWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            do
            {
                await SendDueAsync();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass; a failure is logged and retried on the next tick.</summary>
    public async Task<int> SendDueAsync()
    {
        var safety = options.Value;
        try
        {
            var covered = await summaries.SendDueAsync(
                safety.OnCallNumbers, safety.AlertSmsBudget, safety.AlertSummaryDelay);
            if (covered > 0)
            {
                logger.LogWarning("Sent the on-call summary SMS for {Count} held urgent alerts", covered);
                outbox.Set();
            }

            return covered;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Alert summary failed; retrying on the next tick");
            return 0;
        }
    }
}
