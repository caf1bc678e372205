using Microsoft.AspNetCore.HttpOverrides;
using KestrelServerOptions = Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.ResponseCompression;
using HealthBot.Maintenance;

namespace HealthBot.Operability;

public static class OperabilityServiceCollectionExtensions
{
    /// <summary>https://sqlite.org/rescode.html#full</summary>
    private const int SqliteFull = 13;

    public static IServiceCollection AddOperability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddHealthEndpoints();
        services.AddSingleton(TimeProvider.System);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.AddOptions<HostingOptions>().Bind(configuration.GetSection(HostingOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // Read from the bound section, not IOptions: Kestrel is created while the host is built, before the
        // settings are validated on start, and a validation failure there would end in a stack trace.
        services.AddOptions<KestrelServerOptions>().Configure(kestrel => kestrel.Limits.MaxRequestBodySize =
            configuration.GetSection(HostingOptions.Section).Get<HostingOptions>()?.MaxRequestBodyBytes
            ?? new HostingOptions().MaxRequestBodyBytes);
        // Behind a TLS reverse proxy the public scheme and host come from X-Forwarded-*; Twilio signs that URL. Only
        // the configured proxies are believed: from anyone else these headers would choose the URL the signature is
        // checked against and the host of the sign-in redirect.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostingOptions>>((o, hosting) =>
        {
            // Empty lists would make ASP.NET believe every caller's headers: with no trusted proxy, none are read.
            o.ForwardedHeaders = hosting.Value.Proxies().Any()
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
                : ForwardedHeaders.None;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var (address, network) in hosting.Value.Proxies())
            {
                if (address is not null)
                {
                    o.KnownProxies.Add(address);
                }
                else
                {
                    o.KnownIPNetworks.Add(network!.Value);
                }
            }

            // A forwarded host must be one of AllowedHosts too (host filtering checks only the Host header).
            var allowed = (configuration["AllowedHosts"] ?? string.Empty)
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            o.AllowedHosts = allowed.Contains("*") ? [] : allowed;
        });
        return services;
    }

    public static WebApplication UseOperability(this WebApplication app)
    {
        if (app.Configuration["AllowedHosts"] is null or "" or "*")
        {
            app.Logger.LogWarning(
                "AllowedHosts is not set: requests for any host name are answered. Set it to the public host " +
                "name(s), e.g. AllowedHosts=bot.example.org;localhost");
        }

        app.UseForwardedHeaders();
        // Malformed requests (bad JSON, wrong content type, too large) are the client's error: 400/413/415, not 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A full disk (SQLITE_FULL): 503 so the provider keeps the message and retries it (see DiskSpaceGuard).
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: SqliteFull } =>
                    StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        app.UseDiskSpaceGuard();
        app.UseResponseCompression();
        return app;
    }
}
