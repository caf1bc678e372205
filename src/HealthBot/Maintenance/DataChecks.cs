using HealthBot.Data;
using HealthBot.Privacy;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>
/// The data: the database file is sound, the key reads it, the clock is not behind it (nor jumped), it is backed up.
/// </summary>
public sealed class DataChecks(
    IOptions<StorageOptions> storage, DataKeyCheck keys, DataKeys configuredKeys,
    BackupStatusFile backups, BackupService backupService, ClockCheck clock, TimeProvider time)
{
    /// <summary>A daily backup that is a day and a half old has missed its run.</summary>
    public static readonly TimeSpan BackupTooOld = TimeSpan.FromHours(36);

    public IEnumerable<DoctorFinding> Database()
    {
        if (storage.Value.IsPostgres)
        {
            yield return new DoctorFinding("database", true, "PostgreSQL: check it with PostgreSQL's own tools");
            yield return KeyFinding();
            yield break;
        }

        var path = storage.Value.DatabasePath;
        if (!File.Exists(path))
        {
            yield return new DoctorFinding("database", false, $"no database at {path}",
                "start the service once (it creates one), or put a backup back: healthbot restore BACKUP");
            yield break;
        }

        if (SqliteFiles.Problems(path) is { } problem)
        {
            yield return new DoctorFinding(
                "database", false, $"{path} is damaged: {problem}", backupService.RestoreAdvice());
            yield break;
        }

        var version = SqliteFiles.SchemaVersion(path) ?? 0;
        yield return version <= SchemaMigrator.LatestVersion
            ? new DoctorFinding("database", true, $"{path} is sound (schema {version})")
            : new DoctorFinding("database", false,
                $"{path} has schema {version}, newer than this HealthBot ({SchemaMigrator.LatestVersion})",
                "run the HealthBot version that wrote it, or restore a backup made before the upgrade");
        yield return KeyFinding();
    }

    public DoctorFinding Clock() => clock.Check() is { } problem
        ? new DoctorFinding("clock", false, problem, clock.Jumped() is null ? ClockCheck.Fix : ClockCheck.ConfirmFix)
        : new DoctorFinding("clock", true,
            $"{time.GetUtcNow():yyyy-MM-dd HH:mm} UTC, not behind the stored data, no jump to confirm");

    public DoctorFinding LastBackup()
    {
        if (storage.Value.IsPostgres)
        {
            return new DoctorFinding("last backup", true, "PostgreSQL: back up with pg_dump (see README, Backups)");
        }

        var last = backups.Read();
        var line = backups.Describe(time);
        if (last is null || !last.Ok)
        {
            return new DoctorFinding("last backup", false, line,
                "run: healthbot backup (and keep HEALTHBOT_DATA_KEY somewhere else than the backups)");
        }

        if (backups.InFuture(time))
        {
            return new DoctorFinding("last backup", false, line,
                "set the clock right and confirm it (healthbot clock confirm), then: healthbot backup");
        }

        return time.GetUtcNow() - last.At <= BackupTooOld
            ? new DoctorFinding("last backup", true, line)
            : new DoctorFinding("last backup", false, line + ": the daily backup has not run",
                "check that the service runs (systemctl status healthbot), then: healthbot backup");
    }

    private DoctorFinding KeyFinding()
    {
        try
        {
            keys.Verify();
        }
        catch (DataKeyMismatchException ex)
        {
            return new DoctorFinding("data key", false, ex.Message,
                $"set {DataKeys.DataKeyVariable} to the key the data was written with (see README, Privacy)");
        }

        return configuredKeys.FromEnvironment
            ? new DoctorFinding("data key", true, $"{DataKeys.DataKeyVariable} reads the stored data")
            : new DoctorFinding("data key", false,
                $"{DataKeys.DataKeyVariable} is not set: a development key file beside the data is used, and it " +
                "is lost with the SD card",
                "make a key (openssl rand -base64 32), keep a copy on paper, put it in /etc/healthbot/healthbot.env " +
                "and run: healthbot data rekey");
    }
}
