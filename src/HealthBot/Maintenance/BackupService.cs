using System.Globalization;
using Hangfire;
using HealthBot.Campaigns;
using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>One backup: a folder named by its UTC time holding a verified copy of each database.</summary>
public sealed record BackupResult(string Folder, IReadOnlyList<string> Files, IReadOnlyList<string> Deleted);

/// <summary>
/// Takes backups of every SQLite database HealthBot writes (its own and Hangfire's job store), checks each copy,
/// keeps the newest <see cref="BackupOptions.Keep"/>, and records the outcome for /readyz, the workspace and
/// <c>healthbot doctor</c>.
/// </summary>
public sealed class BackupService(
    IOptions<BackupOptions> options, IOptions<StorageOptions> storage, IOptions<CampaignOptions> campaigns,
    BackupStatusFile status, TimeProvider time, ILogger<BackupService> logger)
{
    public const string DailyJobId = "backup-daily";
    private const string FolderPrefix = "healthbot-";
    private const string FolderFormat = "yyyyMMdd'T'HHmmss'Z'";

    public string DefaultDirectory => Path.GetFullPath(options.Value.Directory.Length > 0
        ? options.Value.Directory
        : Path.Combine(storage.Value.DataDirectory, "backups"));

    /// <summary>The database files of this installation, by the name they have in a backup folder.</summary>
    public IReadOnlyList<(string Name, string Path)> Databases =>
    [
        (storage.Value.DatabaseFile, storage.Value.DatabasePath),
        (campaigns.Value.JobDatabaseFile, Path.Combine(storage.Value.DataDirectory, campaigns.Value.JobDatabaseFile)),
    ];

    /// <summary>The daily job: a failure is recorded and shown, not retried all day (Hangfire's default).</summary>
    [AutomaticRetry(Attempts = 0)]
    public void Daily() => Run(null);

    /// <summary>Backs up into <paramref name="directory"/> (default: <see cref="DefaultDirectory"/>).</summary>
    public BackupResult Run(string? directory)
    {
        var root = directory is null ? DefaultDirectory : Path.GetFullPath(directory);
        var folder = NewFolder(root);
        try
        {
            var files = new List<string>();
            foreach (var (name, source) in Databases.Where(d => File.Exists(d.Path)))
            {
                var copy = Path.Combine(folder, name);
                SqliteFiles.Copy(source, copy);
                if (SqliteFiles.Problems(copy) is { } problem)
                {
                    throw new IOException($"the copy of {name} failed its integrity check: {problem}");
                }

                files.Add(copy);
            }

            var deleted = Prune(root);
            status.Write(new BackupStatus(time.GetUtcNow(), true, folder, $"{files.Count} databases"));
            logger.LogInformation("Backup written to {Folder}; {Deleted} old backups deleted", folder, deleted.Count);
            return new BackupResult(folder, files, deleted);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException
                                       or Microsoft.Data.Sqlite.SqliteException)
        {
            TryDelete(folder);
            status.Write(new BackupStatus(time.GetUtcNow(), false, folder, ex.Message));
            logger.LogError(ex, "Backup to {Folder} failed", folder);
            throw;
        }
    }

    /// <summary>
    /// What to do about a damaged database: restore the newest backup, by its folder when there is one.
    /// </summary>
    public string RestoreAdvice() => List(DefaultDirectory).FirstOrDefault() is { } newest
        ? $"stop the service and put the newest backup back: healthbot restore {newest}"
        : "stop the service and put a backup back: healthbot restore BACKUP-FOLDER";

    /// <summary>Backup folders under <paramref name="root"/>, newest first.</summary>
    public static IReadOnlyList<string> List(string root) => Directory.Exists(root)
        ? Directory.GetDirectories(root, FolderPrefix + "*").Where(IsBackupFolder)
            .OrderDescending(StringComparer.Ordinal).ToList()
        : [];

    private string NewFolder(string root)
    {
        var name = FolderPrefix + time.GetUtcNow().ToString(FolderFormat, CultureInfo.InvariantCulture);
        var folder = Path.Combine(root, name);
        // Two backups in one second (a manual one beside the daily one) get a suffix rather than mixing files.
        for (var n = 2; Directory.Exists(folder); n++)
        {
            folder = Path.Combine(root, $"{name}-{n}");
        }

        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            // Personal data (encrypted, but still): readable by the service's user only.
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder;
    }

    /// <summary>
    /// Keeps the newest <see cref="BackupOptions.Keep"/> by the time in their names. A folder named after now was
    /// taken while the clock was ahead: it neither counts nor goes (sorting first by name, it would otherwise push
    /// real backups out, one a day, while it stays "newest").
    /// </summary>
    private List<string> Prune(string root)
    {
        var now = time.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(5);
        var old = List(root).Where(f => FolderTime(f) <= now).Skip(options.Value.Keep).ToList();
        old.ForEach(TryDelete);
        return old;
    }

    private static bool IsBackupFolder(string path) => FolderTime(path) is not null;

    private static DateTime? FolderTime(string path) => DateTime.TryParseExact(
        Path.GetFileName(path)[FolderPrefix.Length..].Split('-')[0], FolderFormat, CultureInfo.InvariantCulture,
        DateTimeStyles.AdjustToUniversal, out var at)
        ? at
        : null;

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next prune; the backup itself is what matters.
        }
    }
}
