using HealthBot.Maintenance;

namespace HealthBot.Admin.Pages;

public sealed class IndexModel(BackupStatusFile backups, TimeProvider time) : AdminPageModel
{
    /// <summary>When the last backup was taken and whether it worked: failing shows before it is needed.</summary>
    public string Backup { get; private set; } = string.Empty;

    public bool BackupOk { get; private set; }

    public void OnGet()
    {
        Backup = backups.Describe(time);
        BackupOk = backups.Read()?.Ok == true;
    }
}
