using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>
/// Before the schema is touched at start: refuses a damaged SQLite file (a power cut on an SD card) with the restore
/// command in the message, and takes a backup when an upgrade is about to migrate the database.
/// </summary>
public sealed class StartupGuard(
    IOptions<StorageOptions> storage, IOptions<BackupOptions> options, BackupService backups,
    ILogger<StartupGuard> logger) : IBeforeMigration
{
    public void Run()
    {
        if (storage.Value.IsPostgres)
        {
            return;
        }

        foreach (var (_, path) in backups.Databases.Where(d => File.Exists(d.Path)))
        {
            // quick_check skips the index cross-checks of integrity_check: seconds rather than minutes on a Pi.
            if (SqliteFiles.Problems(path, quick: true) is { } problem)
            {
                throw new DatabaseUnusableException(
                    $"the database {path} is damaged ({problem}), as a power cut or a failing SD card can do. " +
                    $"Refusing to start on it. To go on: {backups.RestoreAdvice()} (restore moves the damaged " +
                    "file aside), then start the service again.");
            }
        }

        if (options.Value.BeforeMigrating && NeedsMigration(storage.Value.DatabasePath))
        {
            try
            {
                var backup = backups.Run(null);
                logger.LogInformation("Backup before upgrading the database: {Folder}", backup.Folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException
                                           or Microsoft.Data.Sqlite.SqliteException)
            {
                throw new DatabaseUnusableException(
                    $"the backup before upgrading the database failed ({ex.Message}), so the database was not " +
                    "upgraded. Free some disk space or correct Backup:Directory and start again (or set " +
                    "Backup:BeforeMigrating=false to upgrade without a backup).");
            }
        }
    }

    /// <summary>
    /// An existing HealthBot database that lacks a migration this version knows (a fresh one needs no backup).
    /// </summary>
    private static bool NeedsMigration(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var applied = SqliteFiles.AppliedVersions(path);
        return applied.Count > 0 && SchemaMigrator.Migrations.Any(m => !applied.Contains(m.Version));
    }
}
