using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HealthBot.Admin;

/// <summary>
/// Checks the staff cookie against the account on every request: a cookie whose security stamp or role is no longer
/// the account's (password or role changed, account disabled, signed out) is refused and removed. No cache: a single
/// indexed read per request is cheap next to the page, and revocation has to take effect at once.
/// </summary>
public static class StaffSessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<StaffAccounts>();
        if (context.Principal is null || !await accounts.IsCurrentAsync(context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
