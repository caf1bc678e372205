using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;

namespace HealthBot.Admin.Pages;

[Authorize(Policy = StaffRoles.AdminPolicy)]
public sealed class AuditModel(SqlStaffStore store) : AdminPageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync() => Entries = await store.RecentAuditAsync(500);
}
