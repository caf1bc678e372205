using System.Diagnostics;
using OpenTelemetry;

namespace HealthBot.Telemetry;

/// <summary>
/// The OTLP trace exporter, with one warning in the service's log when the collector cannot be reached: the exporter
/// itself only reports to its EventSource, so a wrong <see cref="TelemetryOptions.OtlpEndpoint"/> would go unnoticed.
/// One warning per outage (not one per batch); a later successful export logs that traces flow again. The messages
/// name the endpoint only, never a span's content.
/// </summary>
public sealed class WarnOnceExporter(BaseExporter<Activity> inner, string endpoint, ILogger<WarnOnceExporter> logger)
    : BaseExporter<Activity>
{
    private int failing;

    public override ExportResult Export(in Batch<Activity> batch)
    {
        var result = inner.Export(batch);
        if (result == ExportResult.Failure && Interlocked.Exchange(ref failing, 1) == 0)
        {
            logger.LogWarning(
                "Traces could not be exported to the OTLP collector at {Endpoint} (Telemetry:OtlpEndpoint); they are " +
                "dropped until it answers. Further failures are not logged", endpoint);
        }
        else if (result == ExportResult.Success && Interlocked.Exchange(ref failing, 0) == 1)
        {
            logger.LogInformation("Traces are exported to the OTLP collector at {Endpoint} again", endpoint);
        }

        return result;
    }

    protected override bool OnForceFlush(int timeoutMilliseconds) => inner.ForceFlush(timeoutMilliseconds);

    protected override bool OnShutdown(int timeoutMilliseconds) => inner.Shutdown(timeoutMilliseconds);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
