using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Android;

/// <summary>
/// The one URL the app's webhooks call for every event (register it once per event). Order: 404 when not
/// configured; 403 unless X-Signature over the raw body and X-Timestamp holds and the timestamp is fresh; only then
/// parse (400 with a reason). A repeated event id is acknowledged (200) but not acted on again, so the app stops
/// retrying. The app retries anything but a 2xx for about two days.
/// </summary>
public static class AndroidWebhookEndpoints
{
    public const string Path = "/webhooks/android/events";
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapAndroidGatewayWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, InboundReceiver receiver, IMessageStore messages, AndroidReplayGuard replays,
        IOptions<AndroidGatewayOptions> options, TimeProvider time, ILoggerFactory logs)
    {
        var settings = options.Value;
        if (!settings.CanReceive)
        {
            return Results.Problem(
                statusCode: 404, title: "Not found", detail: "the Android gateway is not configured here");
        }

        var body = await ReadBodyAsync(http);
        if (body is null)
        {
            return Results.Problem(
                statusCode: 413, title: "Too large", detail: $"the body exceeds {MaxBodyBytes} bytes");
        }

        var refused = AndroidSignature.Check(
            settings.SigningKey, body, http.Request.Headers[AndroidSignature.TimestampHeader],
            http.Request.Headers[AndroidSignature.SignatureHeader], time.GetUtcNow(), settings.MaxSkew);
        if (refused is not null)
        {
            return Results.Problem(statusCode: 403, title: "Forbidden", detail: refused);
        }

        var (evt, error) = AndroidEvent.Parse(body);
        if (evt is null)
        {
            return Results.Problem(statusCode: 400, title: "Invalid Android gateway webhook", detail: error);
        }

        var log = logs.CreateLogger(typeof(AndroidWebhookEndpoints));
        if (replays.Seen(evt.Id))
        {
            log.LogInformation("Android gateway event {Event} repeated; ignored", evt.Event);
            return Results.Json(new { handled = false, reason = "duplicate event" });
        }

        var scope = http.RequestServices.GetRequiredService<ChannelRegistry>().Scope(ChannelProviders.Android);
        var handled = await HandleAsync(evt, receiver, messages, scope, log, http.RequestAborted);
        replays.Remember(evt.Id);
        return Results.Json(new { handled });
    }

    private static async Task<bool> HandleAsync(
        AndroidEvent evt, InboundReceiver receiver, IMessageStore messages, ProviderScope scope, ILogger log,
        CancellationToken ct)
    {
        if (evt.Event == AndroidEvent.Received)
        {
            if (!evt.FromPhone)
            {
                // A network or bank sender name cannot be answered by SMS; acknowledged so that the app stops retrying.
                log.LogInformation("Android gateway SMS from a sender name, not a number; not answered");
                return false;
            }

            var record = await receiver.ReceiveAsync(ChannelProviders.Android, ChannelNames.Sms, evt.PhoneNumber!,
                evt.Text ?? string.Empty, "android-event-" + evt.Id, ct);
            return !record.Duplicate;
        }

        if (!evt.IsStatus)
        {
            return false;
        }

        var known = await messages.UpdateStatusByProviderIdAsync(
            AndroidSender.ProviderId(evt.MessageId!), evt.Status, evt.ErrorCode, ct, scope);
        log.LogInformation("Android gateway {Event} ({Status}) for {Known} message", evt.Event, evt.Status,
            known ? "a known" : "an unknown");
        return known;
    }

    /// <summary>The raw bytes as sent: the signature covers exactly them, so nothing may re-encode them.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
