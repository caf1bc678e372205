using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace HealthBot.Campaigns;

/// <summary>
/// Who may use the job dashboard and the campaign API. Staff accounts do not exist yet, so access is by a configured
/// token, denied by default: <see cref="CampaignOptions.AdminToken"/> for everything, <see cref="CampaignOptions.StaffToken"/>
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

/// <summary>Lets staff and admins into <c>/admin/jobs</c>; everyone else gets 401.</summary>
public sealed class JobsDashboardAuthorization(StaffAccess access) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => access.Of(context.GetHttpContext()) != StaffAccess.Level.None;
}
