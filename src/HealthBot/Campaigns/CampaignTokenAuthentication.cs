using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HealthBot.Campaigns;

/// <summary>
/// Scripts reach the campaign API with <c>Authorization: Bearer &lt;token&gt;</c> (RFC 6750 section 2.1) and nothing else:
/// a token in the query string ends up in proxy logs and browser history, so it is not read, nor any cookie.
/// <see cref="CampaignOptions.AdminToken"/> may do everything, <see cref="CampaignOptions.StaffToken"/> read. Empty
/// configured tokens never match. The staff workspace itself (and the job dashboard) uses the staff sign-in instead.
/// </summary>
public sealed class CampaignTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, IOptions<CampaignOptions> campaign)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "CampaignToken";
    public const string AdminRole = "campaign-api-admin";
    public const string StaffRole = "campaign-api-staff";
    public const string ReadPolicy = "campaign-api-read";
    public const string WritePolicy = "campaign-api-write";

    public static void AddPolicies(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(ReadPolicy, p => p.AddAuthenticationSchemes(SchemeName).RequireRole(AdminRole, StaffRole));
        options.AddPolicy(WritePolicy, p => p.AddAuthenticationSchemes(SchemeName).RequireRole(AdminRole));
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var token = header["Bearer ".Length..].Trim();
        var role = Matches(token, campaign.Value.AdminToken) ? AdminRole : Matches(token, campaign.Value.StaffToken) ? StaffRole : null;
        if (role is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("the bearer token is not a configured campaign token"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problem(StatusCodes.Status401Unauthorized, "staff token required", "send Authorization: Bearer <token>");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problem(StatusCodes.Status403Forbidden, "admin token required", "this token may only read");

    private Task Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);

    /// <summary>Constant-time (hashes of equal length), and an empty configured token never matches.</summary>
    private static bool Matches(string given, string expected) =>
        expected.Length > 0 &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
