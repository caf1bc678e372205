using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>A problem of the box that staff should act on: <see cref="What"/> is a workspace phrase (translated),
/// <see cref="Detail"/> the figures.</summary>
public sealed record BoxWarning(string Check, string What, string Detail);

/// <summary>
/// What the person on site must hear about before it costs messages: a clock the campaigns do not trust (behind the
/// stored data, or jumped: <see cref="ClockHold"/>), a disk filling up (early, at
/// <see cref="StorageOptions.WarnFreeMegabytes"/>, before webhooks refuse at the minimum), and a backup that failed
/// or is too old. Shown on every workspace page; worked out at most every 30 seconds (at once after a clock jump).
/// </summary>
public sealed class BoxWarnings(
    ClockCheck clock, DiskSpace disk, BackupStatusFile backups, IOptions<StorageOptions> storage,
    IOptions<BackupOptions> backup, TimeProvider time, ILogger<BoxWarnings> logger)
{
    private readonly Lock gate = new();
    private (DateTimeOffset At, int Clock, IReadOnlyList<BoxWarning> Warnings)? cached;

    public IReadOnlyList<BoxWarning> Current()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (cached is { } last && last.Clock == clock.Version && now >= last.At
                && now - last.At < TimeSpan.FromSeconds(30))
            {
                return last.Warnings;
            }
        }

        IReadOnlyList<BoxWarning> warnings = [.. Clock(), .. Disk(), .. Backup(now)];
        lock (gate)
        {
            cached = (now, clock.Version, warnings);
        }

        return warnings;
    }

    private IEnumerable<BoxWarning> Clock()
    {
        if (clock.CachedCheck(logger) is { } problem)
        {
            yield return clock.Jumped() is null
                ? new BoxWarning("clock", "Campaign messages are held: the clock is wrong.", problem)
                : new BoxWarning("clock", "Campaign messages are held: the clock jumped.", problem);
        }
    }

    private IEnumerable<BoxWarning> Disk()
    {
        if (storage.Value.IsPostgres)
        {
            yield break;
        }

        var free = disk.FreeMegabytes();
        var (minimum, warn) = (storage.Value.MinimumFreeMegabytes, storage.Value.WarnFreeMegabytes);
        var figures = $"{free} MB free; messages are refused below {minimum} MB";
        if (free < minimum)
        {
            yield return new BoxWarning(
                "disk", "The data disk is full: incoming messages are refused until space is freed.", figures);
        }
        else if (free < warn)
        {
            yield return new BoxWarning("disk", "The data disk is almost full: free some space soon.", figures);
        }
    }

    private IEnumerable<BoxWarning> Backup(DateTimeOffset now)
    {
        if (storage.Value.IsPostgres || !backup.Value.Daily)
        {
            yield break;
        }

        var last = backups.Read();
        if (last is { Ok: false })
        {
            yield return new BoxWarning("backup", "The last backup failed.", backups.Describe(time));
        }
        else if (backups.InFuture(time))
        {
            yield return new BoxWarning("backup", "The last backup is dated in the future.", backups.Describe(time));
        }
        else if (last is not null && now - last.At > DataChecks.BackupTooOld)
        {
            yield return new BoxWarning("backup", "The daily backup has not run.", backups.Describe(time));
        }
    }
}
