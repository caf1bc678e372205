using System.Globalization;
using HealthBot.Data;
using HealthBot.Privacy;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>A restore that could not be done, with the reason for the person running it.</summary>
public sealed class RestoreRefusedException(string message) : Exception(message);

/// <summary>
/// Puts a backup folder's databases back into a stopped data directory. Every check runs on a staged copy first
/// (integrity, schema version, the current data key reads it), and the files it replaces are moved aside, not deleted.
/// </summary>
public sealed class RestoreService(
    BackupService backups, IOptions<StorageOptions> storage, PersonalDataProtector protector, TimeProvider time)
{
    /// <summary>Restores <paramref name="source"/>, a backup folder or its main database file.</summary>
    public IReadOnlyList<string> Restore(string source)
    {
        var folder = Directory.Exists(source)
            ? Path.GetFullPath(source)
            : Path.GetDirectoryName(Path.GetFullPath(source))!;
        var main = Path.Combine(folder, storage.Value.DatabaseFile);
        if (!File.Exists(main))
        {
            throw new RestoreRefusedException(
                $"{source}: no {storage.Value.DatabaseFile} there (give a backup folder made by `healthbot backup`, " +
                "or the database file inside it)");
        }

        var data = Path.GetFullPath(storage.Value.DataDirectory);
        using var running = DataDirectoryLock.TryTake(Path.Combine(data, "healthbot.lock"))
            ?? throw new RestoreRefusedException(
                $"HealthBot is running on {data}: stop it first (sudo systemctl stop healthbot), then restore");
        var staged = Backups(folder).Select(d => (d.Name, d.Target, Staged: Stage(d.Backup, data))).ToList();
        try
        {
            Check(staged[0].Staged, main);
            var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var aside = Path.Combine(data, "before-restore-" + stamp);
            var report = new List<string>();
            foreach (var (name, target, copy) in staged)
            {
                MoveAside(target, aside);
                File.Move(copy, target);
                report.Add($"restored {name}");
            }

            if (Directory.Exists(aside))
            {
                report.Add($"the files it replaced are in {aside} (delete them once the service works)");
            }

            return report;
        }
        finally
        {
            staged.ForEach(s => File.Delete(s.Staged));
        }
    }

    private IEnumerable<(string Name, string Backup, string Target)> Backups(string folder) => backups.Databases
        .Select(d => (d.Name, Backup: Path.Combine(folder, d.Name), Target: Path.GetFullPath(d.Path)))
        .Where(d => File.Exists(d.Backup));

    private static string Stage(string backup, string data)
    {
        Directory.CreateDirectory(data);
        var staged = Path.Combine(data, $".restoring-{Path.GetFileName(backup)}");
        File.Delete(staged);
        SqliteFiles.Copy(backup, staged);
        if (SqliteFiles.Problems(staged) is { } problem)
        {
            File.Delete(staged);
            throw new RestoreRefusedException($"{backup} is damaged ({problem}): restore an older backup");
        }

        return staged;
    }

    private void Check(string staged, string original)
    {
        var version = SqliteFiles.SchemaVersion(staged)
            ?? throw new RestoreRefusedException($"{original} is not a HealthBot database");
        if (version > SchemaMigrator.LatestVersion)
        {
            throw new RestoreRefusedException(
                $"{original} has schema version {version}, newer than this HealthBot knows " +
                $"({SchemaMigrator.LatestVersion}): restore it with the HealthBot version that made it");
        }

        var database = new SqliteDatabase(Options.Create(new StorageOptions
        {
            DataDirectory = Path.GetDirectoryName(staged)!,
            DatabaseFile = Path.GetFileName(staged),
        }), protector);
        try
        {
            // Verify reads the data with the keys configured now; it writes only through its own connection.
            new DataKeyCheck(database, new RefusingWriter(), time).Verify();
        }
        catch (DataKeyMismatchException)
        {
            // Said for the person restoring, not the start-up wording ("refusing to start") of the key check.
            throw new RestoreRefusedException(
                $"{original} was written with another data key than this box has now. Give HealthBot the key the " +
                $"backup was made with: set {HealthBot.Privacy.DataKeys.DataKeyVariable} to it, or, if the old box " +
                "had no such variable, copy its data folder's dev-data.key into this data folder. Then run restore " +
                "again; nothing was changed.");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static void MoveAside(string target, string aside)
    {
        foreach (var file in new[] { target, target + "-wal", target + "-shm", target + "-journal" }.Where(File.Exists))
        {
            Directory.CreateDirectory(aside);
            File.Move(file, Path.Combine(aside, Path.GetFileName(file)));
        }
    }

    private sealed class RefusingWriter : IDatabaseWriter
    {
        public Task<T> WriteAsync<T>(Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, T> work) =>
            throw new InvalidOperationException("a restore check does not write through the writer");
    }
}
