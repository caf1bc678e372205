using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;

namespace HealthBot.Operability;

public static class OperabilityServiceCollectionExtensions
{
    public static IServiceCollection AddOperability(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddSingleton(TimeProvider.System);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Behind a TLS reverse proxy the public scheme and host come from X-Forwarded-*; Twilio signs that URL.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        return services;
    }

    public static WebApplication UseOperability(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Malformed requests (bad JSON, wrong content type, too large) are the client's error: 400/413/415, not 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseResponseCompression();
        return app;
    }
}
