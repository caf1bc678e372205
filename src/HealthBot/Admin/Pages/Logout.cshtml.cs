using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace HealthBot.Admin.Pages;

public sealed class LogoutModel(StaffAccounts accounts) : AdminPageModel
{
    public IActionResult OnGet() => LocalRedirect("/admin");

    /// <summary>Server-side sign-out: the account's new stamp ends this session and any copy of its cookie.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await accounts.SignOutAsync(Actor);
        await HttpContext.SignOutAsync();
        return LocalRedirect("/admin/login");
    }
}
