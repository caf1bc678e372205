using HealthBot.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace HealthBot.Admin.Pages;

public sealed class LogoutModel(SqlStaffStore store) : AdminPageModel
{
    public IActionResult OnGet() => LocalRedirect("/admin");

    public async Task<IActionResult> OnPostAsync()
    {
        await store.AuditAsync(Actor, "logout", null);
        await HttpContext.SignOutAsync();
        return LocalRedirect("/admin/login");
    }
}
