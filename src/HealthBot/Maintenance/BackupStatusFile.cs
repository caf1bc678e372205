using System.Text.Json;
using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>The outcome of the latest backup.</summary>
public sealed record BackupStatus(DateTimeOffset At, bool Ok, string Folder, string Detail);

/// <summary>
/// The latest backup's outcome, in <c>last-backup.json</c> in the data directory: written by the command and the
/// daily job alike, read by /readyz, the workspace and <c>healthbot doctor</c>.
/// </summary>
public sealed class BackupStatusFile(IOptions<StorageOptions> storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Path => System.IO.Path.Combine(storage.Value.DataDirectory, "last-backup.json");

    public BackupStatus? Read()
    {
        try
        {
            return File.Exists(Path) ? JsonSerializer.Deserialize<BackupStatus>(File.ReadAllText(Path), Json) : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    public void Write(BackupStatus status)
    {
        try
        {
            var temporary = Path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(status, Json));
            File.Move(temporary, Path, overwrite: true);
        }
        catch (IOException)
        {
            // A full disk: the backup's own outcome (an exception) is what the caller reports.
        }
    }

    /// <summary>
    /// The last backup is dated after now: it was taken while the clock was ahead, so its age says nothing about
    /// whether backups still run (the daily job may be waiting for that wrong date). Not "ok".
    /// </summary>
    public bool InFuture(TimeProvider time) =>
        Read() is { } last && last.At > time.GetUtcNow() + TimeSpan.FromMinutes(5);

    /// <summary>One line for people: when the last backup was taken and whether it worked.</summary>
    public string Describe(TimeProvider time)
    {
        if (Read() is not { } last)
        {
            return "no backup yet";
        }

        if (InFuture(time))
        {
            return $"last backup dated {last.At:yyyy-MM-dd HH:mm} UTC, after now: the clock was ahead when it was " +
                   $"taken, in {last.Folder}";
        }

        var age = time.GetUtcNow() - last.At;
        var ago = age.TotalHours < 48 ? $"{Math.Max(0, (int)age.TotalHours)} h ago" : $"{(int)age.TotalDays} days ago";
        return last.Ok
            ? $"last backup {last.At:yyyy-MM-dd HH:mm} UTC ({ago}), in {last.Folder}"
            : $"last backup FAILED {last.At:yyyy-MM-dd HH:mm} UTC ({ago}): {last.Detail}";
    }
}
