using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Dialog;

/// <summary>
/// Drains stored inbound messages in the background, so webhooks return at once. Messages of one contact are
/// answered in order; different contacts in parallel. Pending messages left by a restart are picked up first.
/// </summary>
public sealed class DialogWorker(
    IMessageStore messages,
    DialogProcessor processor,
    InboundSignal signal,
    TimeProvider time,
    IOptions<DialogOptions> options,
    ILogger<DialogWorker> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = stoppingToken };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await messages.PendingInboundAsync(500, stoppingToken);
                if (batch.Count == 0)
                {
                    await signal.WaitAsync(IdlePoll, time, stoppingToken);
                    continue;
                }

                await Parallel.ForEachAsync(batch.GroupBy(m => m.Contact.Id), parallel, async (group, ct) =>
                {
                    foreach (var inbound in group)
                    {
                        await processor.ProcessAsync(inbound, ct);
                    }
                });
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Inbound processing loop failed; retrying shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }
}
