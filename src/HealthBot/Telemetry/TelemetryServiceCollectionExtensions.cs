using System.Diagnostics;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HealthBot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The instruments (always: features record into them, a no-op while nobody listens), and with
    /// <see cref="TelemetryOptions.Enabled"/> the metrics pipeline behind <see cref="MetricsEndpoint"/>; traces only
    /// when <see cref="TelemetryOptions.OtlpEndpoint"/> names a collector.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<HealthBotTelemetry>();
        services.AddSingleton<MessageTraces>();
        services.AddSingleton<OutboxGauges>();
        services.AddSingleton<WebhookTiming>();
        var settings = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        if (!settings.Enabled)
        {
            return services;
        }

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("healthbot"))
            .WithMetrics(metrics => metrics
                .AddMeter(HealthBotTelemetry.Name)
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (settings.Tracing && Uri.TryCreate(settings.OtlpEndpoint, UriKind.Absolute, out var collector))
        {
            // The OTLP exporter wrapped so that an unreachable collector shows once in the log (see WarnOnceExporter).
            otel.WithTracing(tracing => tracing.AddHealthBotTracing()
                .AddProcessor(sp => new BatchActivityExportProcessor(new WarnOnceExporter(
                    new OtlpTraceExporter(new OtlpExporterOptions { Endpoint = collector }), settings.OtlpEndpoint,
                    sp.GetRequiredService<ILogger<WarnOnceExporter>>()))));
        }

        return services;
    }

    /// <summary>
    /// What a trace holds: the service's own activities, the webhook request that starts one and each provider call.
    /// URLs are cut to what names no one: queries (Kannel's carry the number and text) and outgoing paths (Telegram's
    /// carries the bot token) are left out.
    /// </summary>
    public static TracerProviderBuilder AddHealthBotTracing(this TracerProviderBuilder tracing) => tracing
        .AddSource(HealthBotTelemetry.Name)
        .AddAspNetCoreInstrumentation(o =>
        {
            o.Filter = http => http.Request.Path.StartsWithSegments("/webhooks", StringComparison.Ordinal);
            o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
        })
        .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) =>
        {
            activity.SetTag("url.full", request.RequestUri?.GetLeftPart(UriPartial.Authority));
            activity.SetTag("url.path", null);
            activity.SetTag("url.query", null);
        });

    /// <summary>Times the webhooks; the first thing after the error handlers, so failures are timed too.</summary>
    public static WebApplication UseTelemetry(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Enabled)
        {
            // The gauges register their callbacks on creation.
            app.Services.GetRequiredService<OutboxGauges>();
            var timing = app.Services.GetRequiredService<WebhookTiming>();
            app.Use(timing.InvokeAsync);
        }

        return app;
    }
}
