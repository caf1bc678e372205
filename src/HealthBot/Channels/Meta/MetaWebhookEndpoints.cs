using System.Security.Cryptography;
using System.Text;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Meta;

/// <summary>
/// Meta's WhatsApp webhook. GET answers the subscription check (hub.mode, hub.verify_token, hub.challenge). POST:
/// 404 when not configured; 403 unless X-Hub-Signature-256 holds over the raw body; only then parse (400 with a
/// reason). Meta retries a notification it got no 200 for, and signs a retry like the first: a message id already
/// stored is acknowledged but not answered again, and a status never moves a message back (sent after read).
/// </summary>
public static class MetaWebhookEndpoints
{
    public const string Path = "/webhooks/meta/whatsapp";

    public static IEndpointRouteBuilder MapMetaWhatsAppWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Verify);
        app.MapPost(Path, ReceiveAsync).DisableAntiforgery();
        var chosen = app.ServiceProvider.GetRequiredService<IOptions<ChannelsOptions>>().Value.WhatsApp.Provider;
        var settings = app.ServiceProvider.GetRequiredService<IOptions<MetaWhatsAppOptions>>().Value;
        if (chosen == ChannelProviders.Meta && (!settings.CanSend || !settings.CanReceive))
        {
            // Said once at start, so that a missing secret is not found by a person waiting for an answer.
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MetaWebhookEndpoints))
                .LogWarning("WhatsApp is set to go through Meta, but {Missing} not set: WhatsApp stays off until it is",
                    !settings.CanSend
                        ? "MetaWhatsApp:PhoneNumberId or MetaWhatsApp__AccessToken is"
                        : "MetaWhatsApp__AppSecret is");
        }

        return app;
    }

    /// <summary>https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests</summary>
    private static IResult Verify(HttpRequest request, IOptions<MetaWhatsAppOptions> options)
    {
        var settings = options.Value;
        if (!settings.CanReceive || settings.VerifyToken.Length == 0)
        {
            return NotConfigured();
        }

        var challenge = request.Query["hub.challenge"].ToString();
        var token = Encoding.UTF8.GetBytes(request.Query["hub.verify_token"].ToString());
        var matches = CryptographicOperations.FixedTimeEquals(token, Encoding.UTF8.GetBytes(settings.VerifyToken));
        if (request.Query["hub.mode"] != "subscribe" || !matches || challenge.Length is 0 or > 256)
        {
            return Results.Problem(statusCode: 403, title: "Forbidden",
                detail: "hub.mode must be subscribe and hub.verify_token must match MetaWhatsApp:VerifyToken");
        }

        return Results.Text(challenge, "text/plain");
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, InboundReceiver receiver, IMessageStore messages, IOptions<MetaWhatsAppOptions> options,
        ILoggerFactory logs)
    {
        var settings = options.Value;
        if (!settings.CanReceive)
        {
            return NotConfigured();
        }

        var body = await ReadBodyAsync(http, settings.MaxRequestBytes);
        if (body is null)
        {
            return Results.Problem(
                statusCode: 413, title: "Too large", detail: $"the body exceeds {settings.MaxRequestBytes} bytes");
        }

        if (MetaSignature.Check(settings.AppSecret, body, http.Request.Headers[MetaSignature.Header]) is { } refused)
        {
            return Results.Problem(statusCode: 403, title: "Forbidden", detail: refused);
        }

        var (webhook, error) = MetaWebhook.Parse(body);
        if (webhook is null)
        {
            return Results.Problem(statusCode: 400, title: "Invalid WhatsApp webhook", detail: error);
        }

        var log = logs.CreateLogger(typeof(MetaWebhookEndpoints));
        foreach (var accountError in webhook.AccountErrors)
        {
            log.LogWarning("Meta reports error {Error} for the WhatsApp number", LoggedError.Code(accountError));
        }

        var (stored, duplicates) = (0, 0);
        foreach (var message in webhook.Messages.Where(m => !m.Ignored))
        {
            var record = await receiver.ReceiveAsync(
                ChannelProviders.Meta, ChannelNames.WhatsApp, message.Address, message.Text, message.Id,
                http.RequestAborted);
            // The receiver logs the one line for the message (ids only).
            (stored, duplicates) = record.Duplicate ? (stored, duplicates + 1) : (stored + 1, duplicates);
        }

        var known = 0;
        foreach (var status in webhook.Statuses)
        {
            known += await messages.UpdateStatusByProviderIdAsync(
                status.Id, status.Status, status.ErrorCode, http.RequestAborted,
                http.RequestServices.GetRequiredService<ChannelRegistry>().Scope(ChannelProviders.Meta)) ? 1 : 0;
            log.LogInformation("Meta WhatsApp status {Status} (error {ErrorCode})", LoggedError.Code(status.Status),
                LoggedError.Code(status.ErrorCode));
        }

        return Results.Json(new { stored, duplicates, statuses = webhook.Statuses.Count, known });
    }

    private static IResult NotConfigured() =>
        Results.Problem(statusCode: 404, title: "Not found", detail: "WhatsApp via Meta is not configured here");

    /// <summary>The raw bytes as sent: the signature covers exactly them.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, int maxBytes)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
