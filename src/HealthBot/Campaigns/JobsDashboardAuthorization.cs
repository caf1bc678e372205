using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HealthBot.Campaigns;

/// <summary>
/// Who may use <c>/admin/jobs</c>: a signed-in staff member (any role), nobody else; campaign tokens do not open it.
/// The dashboard runs as middleware outside Razor Pages and before <c>UseAuthentication</c>, so the staff cookie is read
/// here; the principal is kept on the request for <see cref="IsReadOnly"/>.
/// </summary>
public sealed class JobsDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context) => await SignedInAsync(context.GetHttpContext()) is not null;

    /// <summary>Everyone but admins sees the dashboard without its retry and delete buttons.</summary>
    public bool IsReadOnly(DashboardContext context) => !context.GetHttpContext().User.IsInRole(HealthBot.Admin.StaffRoles.Admin);

    /// <summary>The staff cookie's principal when it holds a workspace role, also set as the request's user.</summary>
    public static async Task<System.Security.Claims.ClaimsPrincipal?> SignedInAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!result.Succeeded || !HealthBot.Admin.StaffRoles.All.Any(result.Principal.IsInRole))
        {
            return null;
        }

        http.User = result.Principal;
        return result.Principal;
    }

    /// <summary>Anyone not signed in (with or without a token) goes to the sign-in page and comes back.</summary>
    public static async Task SignInFirstAsync(HttpContext http, RequestDelegate next)
    {
        if (await SignedInAsync(http) is null)
        {
            await http.ChallengeAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        await next(http);
    }
}
