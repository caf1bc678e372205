using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace HealthBot.Campaigns;

/// <summary>
/// Who may use the job dashboard and the campaign API. Besides staff sign-in (see <see cref="JobsDashboardAuthorization"/>),
/// access is by a configured token, denied by default: <see cref="CampaignOptions.AdminToken"/> for everything, <see cref="CampaignOptions.StaffToken"/>
/// for reading. The token comes as <c>Authorization: Bearer …</c>, or once as <c>?token=…</c>, which a browser then keeps in
/// an HttpOnly cookie for the dashboard's own requests.
/// </summary>
public sealed class StaffAccess(IOptions<CampaignOptions> options)
{
    public const string Cookie = "healthbot_staff";

    public enum Level
    {
        None,
        Staff,
        Admin,
    }

    public Level Of(HttpContext http)
    {
        var token = Token(http);
        var settings = options.Value;
        if (Matches(token, settings.AdminToken))
        {
            return Level.Admin;
        }

        return Matches(token, settings.StaffToken) ? Level.Staff : Level.None;
    }

    private static string? Token(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (http.Request.Query.TryGetValue("token", out var query) && query.ToString().Length > 0)
        {
            http.Response.Cookies.Append(Cookie, query.ToString(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/admin" });
            return query.ToString();
        }

        return http.Request.Cookies.TryGetValue(Cookie, out var cookie) ? cookie : null;
    }

    /// <summary>Constant-time, and an empty configured token never matches.</summary>
    private static bool Matches(string? given, string expected) =>
        expected.Length > 0 && given is not null &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

/// <summary>
/// Who may use <c>/admin/jobs</c>: a signed-in staff member (any role) or a configured token; everyone else gets 401.
/// The dashboard runs as middleware outside Razor Pages and before <c>UseAuthentication</c>, so the staff cookie is read
/// here; the principal is kept on the request for <see cref="IsReadOnly"/>.
/// </summary>
public sealed class JobsDashboardAuthorization(StaffAccess access) : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (access.Of(http) != StaffAccess.Level.None)
        {
            return true;
        }

        var staff = await SignedInAsync(http);
        return staff is not null;
    }

    /// <summary>Everyone but admins (by role or by the admin token) sees the dashboard without its retry and delete buttons.</summary>
    public bool IsReadOnly(DashboardContext context)
    {
        var http = context.GetHttpContext();
        return access.Of(http) != StaffAccess.Level.Admin && !http.User.IsInRole(HealthBot.Admin.StaffRoles.Admin);
    }

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

    /// <summary>
    /// A browser that is neither signed in nor holding a token goes to the sign-in page and comes back; a request with an
    /// Authorization header is left to the dashboard's own check (401 when the token is wrong).
    /// </summary>
    public static async Task SignInFirstAsync(HttpContext http, RequestDelegate next)
    {
        var access = http.RequestServices.GetRequiredService<StaffAccess>();
        if (http.Request.Headers.Authorization.Count == 0 && access.Of(http) == StaffAccess.Level.None &&
            await SignedInAsync(http) is null)
        {
            await http.ChallengeAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        await next(http);
    }
}
