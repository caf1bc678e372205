using HealthBot.Maintenance;
using Microsoft.AspNetCore.Authorization;

namespace HealthBot.Admin.Pages;

/// <summary>The dashboard: what is waiting today, each figure linked to the page where the work is done.</summary>
public sealed class IndexModel(
    WorkspaceDashboard dashboard, IAuthorizationService authorization, BackupStatusFile backups, TimeProvider time)
    : AdminPageModel
{
    /// <summary>When the last backup was taken and whether it worked: failing shows before it is needed.</summary>
    public string Backup { get; private set; } = string.Empty;

    public bool BackupOk { get; private set; }

    public DashboardSummary Summary { get; private set; } = null!;

    public bool CanUseInbox { get; private set; }

    public async Task OnGetAsync()
    {
        Backup = backups.Describe(time);
        BackupOk = backups.Read()?.Ok == true;
        CanUseInbox = (await authorization.AuthorizeAsync(User, StaffRoles.InboxPolicy)).Succeeded;
        // People's own words only for those who write content, as on the insights page.
        var writes = (await authorization.AuthorizeAsync(User, StaffRoles.EditPolicy)).Succeeded;
        Summary = await dashboard.ReadAsync(writes, HttpContext.RequestAborted);
    }

    /// <summary>"100+" when there are more than the inbox lists.</summary>
    public static string Count(int n) => n >= WorkspaceDashboard.Counted ? $"{WorkspaceDashboard.Counted}+" : $"{n}";
}
