using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Telegram;

/// <summary>
/// Telegram's webhook (https://core.telegram.org/bots/api#setwebhook). Telegram signs nothing; it sends back the
/// secret_token given to setWebhook in X-Telegram-Bot-Api-Secret-Token. 404 when not configured (or polling); 401
/// unless that header matches, compared in constant time, before the body is read; only then parse (400 with a
/// reason). Telegram redelivers an update it got no 2xx for: an update_id already stored gets no second reply.
/// </summary>
public static class TelegramWebhookEndpoints
{
    public const string Path = "/webhooks/telegram";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).DisableAntiforgery();
        var settings = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        var log = app.ServiceProvider.GetRequiredService<ILoggerFactory>()
            .CreateLogger(typeof(TelegramWebhookEndpoints));
        if (settings.CanSend && !settings.Polling && settings.WebhookSecret.Length == 0)
        {
            // Said once at start, so that a missing secret is not found by a person waiting for an answer.
            log.LogWarning("Telegram has a bot token but Telegram__WebhookSecret is not set: the webhook stays off " +
                           "(set it, or Telegram__Mode=polling behind NAT)");
        }

        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, TelegramInbound inbound, IOptions<TelegramOptions> options)
    {
        var settings = options.Value;
        if (!settings.CanReceiveWebhook)
        {
            return Results.Problem(statusCode: 404, title: "Not found",
                detail: "the Telegram webhook is not configured here");
        }

        if (!SecretMatches(settings.WebhookSecret, http.Request.Headers[SecretHeader].ToString()))
        {
            return Results.Problem(statusCode: 401, title: "Unauthorized",
                detail: $"{SecretHeader} is missing or does not match Telegram:WebhookSecret");
        }

        var body = await ReadBodyAsync(http, settings.MaxRequestBytes);
        if (body is null)
        {
            return Results.Problem(
                statusCode: 413, title: "Too large", detail: $"the body exceeds {settings.MaxRequestBytes} bytes");
        }

        var (update, error) = TelegramUpdate.Parse(body);
        if (update is null)
        {
            return Results.Problem(statusCode: 400, title: "Invalid Telegram update", detail: error);
        }

        var outcome = await inbound.ReceiveAsync(update, http.RequestAborted);
        return Results.Json(new { stored = outcome.Stored, duplicate = outcome.Duplicate, blocked = outcome.Blocked });
    }

    /// <summary>Constant time over the secret's length, whatever was sent.</summary>
    public static bool SecretMatches(string secret, string sent) =>
        sent.Length > 0 &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)),
            SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The body within Telegram:MaxRequestBytes; null when larger (413, nothing logged as an error).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, int maxBytes)
    {
        // The server's limit for every request (Hosting:MaxRequestBodyBytes, 64 KiB) would win otherwise.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        if (http.Request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        try
        {
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
