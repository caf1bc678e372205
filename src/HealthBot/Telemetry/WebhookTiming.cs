using Microsoft.AspNetCore.Routing.Patterns;

namespace HealthBot.Telemetry;

/// <summary>
/// Times every request to a provider webhook (<c>/webhooks/&lt;provider&gt;/&lt;event&gt;</c>, see
/// <see cref="Channels.IProviderFolder.MapEndpoints"/>). Provider and event come from the matched route pattern, never
/// from the raw path, so a caller cannot invent label values; the channel is the one the receiver stored a message on.
/// </summary>
public sealed class WebhookTiming(HealthBotTelemetry telemetry)
{
    private const string Prefix = "/webhooks";

    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>Each route's names, worked out once: the set of webhook routes is fixed at start.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Endpoint, (string, string)> names = new();

    /// <summary>Called by the receiver: the webhook being timed carried a message of <paramref name="channel"/>.
    /// </summary>
    public static void Carried(string channel)
    {
        if (Current.Value is { } scope)
        {
            scope.Channel = channel;
        }
    }

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Path.StartsWithSegments(Prefix, StringComparison.Ordinal))
        {
            await next(http);
            return;
        }

        var start = telemetry.Start();
        var scope = new Scope();
        Current.Value = scope;
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(http);
            status = http.Response.StatusCode;
        }
        finally
        {
            var (provider, hook) = http.GetEndpoint() is RouteEndpoint route
                ? names.GetOrAdd(route, static e => Names((RouteEndpoint)e))
                : ("unknown", "unmatched");
            telemetry.Webhook(start, provider, hook, scope.Channel, status);
        }
    }

    /// <summary><c>/webhooks/twilio/sms</c> → (twilio, sms); no matched webhook route → (unknown, unmatched).</summary>
    private static (string Provider, string Hook) Names(RouteEndpoint endpoint)
    {
        var segments = endpoint.RoutePattern.PathSegments;
        if (segments is not { Count: >= 2 } || Literal(segments[0]) != Prefix[1..]
            || Literal(segments[1]) is not { } provider)
        {
            return ("unknown", "unmatched");
        }

        return (provider, string.Join('/', segments.Skip(2).Select(s => Literal(s) ?? "{}")) is { Length: > 0 } hook
            ? hook : "root");
    }

    private static string? Literal(RoutePatternPathSegment segment) =>
        segment.IsSimple && segment.Parts[0] is RoutePatternLiteralPart literal ? literal.Content : null;

    private sealed class Scope
    {
        public string Channel { get; set; } = "none";
    }
}
