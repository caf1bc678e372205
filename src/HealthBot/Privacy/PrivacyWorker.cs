using System.Data.Common;
using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Privacy;

/// <summary>
/// What one privacy sweep did; <see cref="Failed"/> counts the steps and contacts that failed (tried again next sweep).
/// </summary>
public sealed record PrivacySweep(int Reencrypted, int Expired, int Forgotten, int Failed, int StaleStatuses = 0)
{
    public void Deconstruct(out int reencrypted, out int expired, out int forgotten) =>
        (reencrypted, expired, forgotten) = (Reencrypted, Expired, Forgotten);
}

/// <summary>
/// Keeps personal data protected over time: encrypts rows written before encryption or under an older key,
/// erases message bodies past the retention period, and erases contacts who asked to be forgotten. Each step, and
/// each contact, stands alone: one that fails is logged (without personal data) and counted, and the rest go on.
/// </summary>
public sealed class PrivacyWorker(
    IPrivacyStore store,
    PersonalDataProtector protector,
    DataKeyCheck keyCheck,
    TimeProvider time,
    IOptions<PrivacyOptions> options,
    ILogger<PrivacyWorker> logger) : BackgroundService
{
    /// <summary>
    /// Twilio's status callbacks follow a send within minutes: one for a message unknown after a day never finds it.
    /// </summary>
    private static readonly TimeSpan EarlyStatusKeep = TimeSpan.FromDays(1);

    public async Task<PrivacySweep> SweepAsync(CancellationToken ct)
    {
        var failed = 0;
        void Fail() => failed++;
        var now = time.GetUtcNow();
        var reencrypted = await StepAsync("re-encryption", () => ReencryptAllAsync(ct), Fail);
        var expired = await StepAsync(
            "retention", () => store.EraseBodiesOlderThanAsync(now.AddDays(-options.Value.RetentionDays), ct), Fail);
        var stale = await StepAsync(
            "early status clean-up", () => store.DeleteEarlyStatusesOlderThanAsync(now - EarlyStatusKeep, ct), Fail);
        var forgotten = await StepAsync("erasure", () => ForgetRequestedAsync(Fail, ct), Fail);
        if (reencrypted + expired + forgotten + failed > 0)
        {
            logger.Log(failed > 0 ? LogLevel.Warning : LogLevel.Information,
                "Privacy sweep: {Reencrypted} values re-encrypted, {Expired} old bodies erased, {Forgotten} contacts " +
                "forgotten, {Failed} failures",
                reencrypted, expired, forgotten, failed);
        }

        return new PrivacySweep(reencrypted, expired, forgotten, failed, stale);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!protector.KeyFromEnvironment)
        {
            logger.LogWarning(
                "{Variable} is not set: personal data is encrypted with a development key kept beside the database. " +
                "Set it in production.", DataKeys.DataKeyVariable);
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            await SweepAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Re-encrypts in batches; once nothing is left under an older key, the current one is recorded.</summary>
    private async Task<int> ReencryptAllAsync(CancellationToken ct)
    {
        var reencrypted = 0;
        int changed;
        while ((changed = await store.ReencryptAsync(500, ct)) > 0)
        {
            reencrypted += changed;
        }

        await keyCheck.RecordCurrentAsync();
        return reencrypted;
    }

    /// <summary>One contact at a time, so that one which cannot be erased does not keep the others.</summary>
    private async Task<int> ForgetRequestedAsync(Action fail, CancellationToken ct)
    {
        var forgotten = 0;
        foreach (var id in await store.DueForForgettingAsync(1000, ct))
        {
            try
            {
                forgotten += await store.ForgetRequestedAsync(id, ct) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                fail();
                // The contact's id and the error's kind only: a database message can quote the values of the row.
                logger.LogError(
                    "Privacy sweep: contact #{ContactId} could not be erased ({Error}); the next sweep tries again",
                    id,
                    Describe(ex));
            }
        }

        return forgotten;
    }

    private async Task<int> StepAsync(string step, Func<Task<int>> run, Action fail)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            fail();
            logger.LogError(
                "Privacy sweep: the {Step} step failed ({Error}); the next sweep tries again", step, Describe(ex));
            return 0;
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        Microsoft.Data.Sqlite.SqliteException e => $"SqliteException {e.SqliteErrorCode}/{e.SqliteExtendedErrorCode}",
        DbException { SqlState: { } state } => $"{ex.GetType().Name} {state}",
        _ => ex.GetType().Name,
    };
}
