using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HealthBot.Admin.Pages;

/// <summary>One audit entry with its whole detail (a triage entry's full line diff, which the audit list summarises).
/// </summary>
[Authorize(Policy = StaffRoles.AdminPolicy)]
public sealed class AuditEntryModel(SqlStaffStore store) : AdminPageModel
{
    public AuditEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await store.AuditEntryAsync(id) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        return Page();
    }

    public string Action(string code) =>
        AuditModel.Actions.TryGetValue(code, out var english) ? T(english) : code;
}
