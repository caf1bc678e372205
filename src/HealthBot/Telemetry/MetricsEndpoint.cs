using System.Security.Cryptography;
using System.Text;
using HealthBot.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace HealthBot.Telemetry;

/// <summary>
/// The Prometheus scrape endpoint, for staff tools only: a scraper sends <c>Authorization: Bearer &lt;token&gt;</c>
/// with the token from <see cref="TelemetryOptions.ScrapeTokenVariable"/>; a signed-in staff member (any role) is let
/// in by the staff cookie. The cookie is scoped to <c>/admin</c>, so browsers use <see cref="StaffPath"/>; scrapers
/// use <see cref="Path"/>. Anyone else gets 401 and no figures.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";
    public const string StaffPath = "/admin/metrics";

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value.Enabled)
        {
            return app;
        }

        var access = new MetricsAccess(app.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value);
        foreach (var path in new[] { Path, StaffPath })
        {
            app.MapPrometheusScrapingEndpoint(
                path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(access.GuardAsync),
                optionsName: null);
        }

        return app;
    }

    private sealed class MetricsAccess(TelemetryOptions options)
    {
        /// <summary>Compared as hashes: the comparison takes the same time whatever the guess's length.</summary>
        private readonly byte[]? token = options.ScrapeToken() is { Length: > 0 } t ? Hash(t) : null;

        public async Task GuardAsync(HttpContext http, RequestDelegate next)
        {
            // A scrape only reads: the exporter would answer any method, so anything but GET and HEAD is refused.
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                http.Response.Headers.Allow = "GET, HEAD";
                return;
            }

            if (BearerMatches(http) || await IsStaffAsync(http))
            {
                await next(http);
                return;
            }

            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"healthbot-metrics\"";
            await http.Response.WriteAsync("sign in as staff or send the scrape token as a bearer token");
        }

        private bool BearerMatches(HttpContext http)
        {
            var header = http.Request.Headers.Authorization.ToString();
            const string Bearer = "Bearer ";
            return token is not null && header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
                   && CryptographicOperations.FixedTimeEquals(token, Hash(header[Bearer.Length..].Trim()));
        }

        /// <summary>The staff cookie, read here: the scrape branch runs outside the admin pages' pipeline.</summary>
        private static async Task<bool> IsStaffAsync(HttpContext http)
        {
            // One-shot hosts and some test hosts have no staff sign-in at all.
            var schemes = http.RequestServices.GetService<IAuthenticationSchemeProvider>();
            var cookie = CookieAuthenticationDefaults.AuthenticationScheme;
            if (schemes is null || await schemes.GetSchemeAsync(cookie) is null)
            {
                return false;
            }

            var result = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return result.Succeeded && StaffRoles.All.Any(result.Principal.IsInRole);
        }

        private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }
}
