using System.ComponentModel.DataAnnotations;

namespace HealthBot.Maintenance;

/// <summary>Backups of the SQLite databases (messages and jobs). Bound from the <c>Backup</c> section.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>
    /// Folder that holds one sub-folder per backup. Empty: <c>backups</c> inside <c>Storage:DataDirectory</c>.
    /// Better on another disk (a USB stick): a backup on the same SD card dies with it.
    /// </summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>How many backups to keep; older ones are deleted after each successful backup.</summary>
    [Range(1, 365)]
    public int Keep { get; set; } = 7;

    /// <summary>Take a backup every day (a Hangfire recurring job in <c>serve</c>).</summary>
    public bool Daily { get; set; } = true;

    /// <summary>Time of day (the box's local time) of the daily backup: at night, when few messages arrive.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:00")]
    public TimeSpan DailyAt { get; set; } = new(2, 30, 0);

    /// <summary>Back up before applying database migrations (an upgrade), so a failed upgrade can go back.</summary>
    public bool BeforeMigrating { get; set; } = true;
}
