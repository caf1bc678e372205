namespace HealthBot.Maintenance;

/// <summary>
/// Incoming messages on a (nearly) full disk: every provider's webhook and the web chat answer 503 with Retry-After,
/// so the provider keeps the message and sends it again, instead of HealthBot accepting a message it cannot store.
/// Checked on each request (one statvfs call), so the service takes messages again as soon as space returns.
/// </summary>
public static class DiskSpaceGuard
{
    private static readonly PathString[] Inbound = ["/webhooks", "/api/webchat"];

    public static WebApplication UseDiskSpaceGuard(this WebApplication app)
    {
        var disk = app.Services.GetRequiredService<DiskSpace>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DiskSpaceGuard));
        var warned = 0;
        app.Use(async (http, next) =>
        {
            if (!Inbound.Any(p => http.Request.Path.StartsWithSegments(p)) || !disk.IsLow())
            {
                Interlocked.Exchange(ref warned, 0);
                await next(http);
                return;
            }

            if (Interlocked.Exchange(ref warned, 1) == 0)
            {
                logger.LogError(
                    "The data disk has less than Storage:MinimumFreeMegabytes free: incoming messages are refused " +
                    "with 503 (providers retry them) until space is freed. Run healthbot doctor.");
            }

            Refuse(http);
        });
        return app;
    }

    /// <summary>503 with a retry hint: the message stays with the provider, which can send it again.</summary>
    private static void Refuse(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "300";
    }
}
