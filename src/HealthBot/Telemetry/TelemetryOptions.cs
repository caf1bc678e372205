using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace HealthBot.Telemetry;

/// <summary>
/// Metrics and tracing, bound from the <c>Telemetry</c> section. The scrape token is a secret: only the name of the
/// environment variable that holds it is a setting.
/// </summary>
public sealed partial class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>The smallest scrape token accepted: a short one could be guessed.</summary>
    public const int MinTokenLength = 16;

    /// <summary>Metrics on <c>/metrics</c> and traces; off: nothing listens to the instruments, no route.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The environment variable holding the bearer token a scraper (Prometheus) sends to <c>/metrics</c>. Unset or
    /// empty variable: only signed-in staff can read the metrics.
    /// </summary>
    public string ScrapeTokenVariable { get; set; } = "HEALTHBOT_METRICS_TOKEN";

    /// <summary>An OTLP collector (e.g. <c>http://localhost:4317</c>) for traces; empty: traces are off.</summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    /// <summary>How long the outbox gauges reuse their last count, so that scrapes do not load the database.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan GaugeCache { get; set; } = TimeSpan.FromSeconds(5);

    public bool Tracing => Enabled && OtlpEndpoint.Length > 0;

    /// <summary>The token from <see cref="ScrapeTokenVariable"/>, or empty.</summary>
    public string ScrapeToken() =>
        ValidVariable().IsMatch(ScrapeTokenVariable)
            ? Environment.GetEnvironmentVariable(ScrapeTokenVariable)?.Trim() ?? string.Empty
            : string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ValidVariable().IsMatch(ScrapeTokenVariable))
        {
            yield return new ValidationResult(
                $"Telemetry:ScrapeTokenVariable: '{ScrapeTokenVariable}' is not an environment variable name " +
                "(letters, digits and _, e.g. HEALTHBOT_METRICS_TOKEN)");
        }
        else if (Environment.GetEnvironmentVariable(ScrapeTokenVariable) is { Length: > 0 } raw
                 && string.IsNullOrWhiteSpace(raw))
        {
            // Blank would be taken as "no token" and no scraper could ever match it: refused, not silently ignored.
            yield return new ValidationResult(
                $"the environment variable {ScrapeTokenVariable} holds only spaces; set a long random scrape token " +
                "(e.g. openssl rand -hex 24) or unset it to let only signed-in staff read the metrics");
        }
        else if (ScrapeToken() is { Length: > 0 and < MinTokenLength })
        {
            yield return new ValidationResult(
                $"the environment variable {ScrapeTokenVariable} holds a scrape token shorter than {MinTokenLength} " +
                "characters; use a long random one (e.g. openssl rand -hex 24)");
        }

        if (OtlpEndpoint.Length > 0 && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri)
                                        || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult(
                $"Telemetry:OtlpEndpoint: '{OtlpEndpoint}' is not an http(s) address like http://localhost:4317");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ValidVariable();
}
