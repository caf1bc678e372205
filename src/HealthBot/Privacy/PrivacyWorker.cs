using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Privacy;

/// <summary>
/// Keeps personal data protected over time: encrypts rows written before encryption or under an older key,
/// erases message bodies past the retention period, and erases contacts who asked to be forgotten.
/// </summary>
public sealed class PrivacyWorker(IPrivacyStore store, PersonalDataProtector protector, TimeProvider time, IOptions<PrivacyOptions> options, ILogger<PrivacyWorker> logger)
    : BackgroundService
{
    public async Task<(int Reencrypted, int Expired, int Forgotten)> SweepAsync(CancellationToken ct)
    {
        var reencrypted = 0;
        int changed;
        while ((changed = await store.ReencryptAsync(500, ct)) > 0)
        {
            reencrypted += changed;
        }

        var expired = await store.EraseBodiesOlderThanAsync(time.GetUtcNow().AddDays(-options.Value.RetentionDays), ct);
        var forgotten = await store.ForgetRequestedAsync(ct);
        if (reencrypted + expired + forgotten > 0)
        {
            logger.LogInformation("Privacy sweep: {Reencrypted} values re-encrypted, {Expired} old bodies erased, {Forgotten} contacts forgotten", reencrypted, expired, forgotten);
        }

        return (reencrypted, expired, forgotten);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!protector.KeyFromEnvironment)
        {
            logger.LogWarning("{Variable} is not set: personal data is encrypted with a development key kept beside the database. Set it in production.", DataKeys.DataKeyVariable);
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Privacy sweep failed; will retry at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
