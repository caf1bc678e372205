using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Telegram;

/// <summary>
/// One Bot API answer (https://core.telegram.org/bots/api#making-requests): <c>{ ok: true, result }</c> or
/// <c>{ ok: false, error_code, description, parameters: { retry_after } }</c>.
/// </summary>
public sealed record TelegramAnswer(int HttpStatus, bool Ok, JsonElement Result, string Description)
{
    /// <summary>Telegram's error code (the HTTP status as a rule); the HTTP status when the body says none.</summary>
    public int ErrorCode { get; init; }

    /// <summary>Seconds to wait before the next call (429 Too Many Requests).</summary>
    public int? RetryAfter { get; init; }

    public static TelegramAnswer Read(int httpStatus, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("ok", out var ok) ||
                ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return NotBotApi(httpStatus, body);
            }

            var result = root.TryGetProperty("result", out var r) ? r.Clone() : default;
            var retry = TelegramUpdate.Object(root, "parameters") is { } p &&
                        TelegramUpdate.Long(p, "retry_after", out var s)
                ? (int?)Math.Clamp(s, 0, 3600)
                : null;
            var description = TelegramUpdate.Str(root, "description") ?? string.Empty;
            return new TelegramAnswer(httpStatus, ok.GetBoolean(), result, description)
            {
                ErrorCode = TelegramUpdate.Long(root, "error_code", out var code) ? (int)code : httpStatus,
                RetryAfter = retry,
            };
        }
        catch (JsonException)
        {
            return NotBotApi(httpStatus, body);
        }
    }

    private static TelegramAnswer NotBotApi(int httpStatus, string body) =>
        new(httpStatus, false, default, body.Length <= 200 ? body : body[..200]) { ErrorCode = httpStatus };
}

/// <summary>
/// Calls Bot API methods with POST and a JSON body at <c>{ApiBaseUrl}/bot{token}/{method}</c>. The token is in the
/// path, so this client has no request logging: a log line must never carry it.
/// </summary>
public sealed class TelegramApi(IHttpClientFactory httpClients, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "telegram";

    public TelegramOptions Settings => options.Value;

    /// <param name="wait">How long the call may take (getUpdates' long poll needs longer than a send).</param>
    public async Task<TelegramAnswer> CallAsync(string method, object body, CancellationToken ct, TimeSpan? wait = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait ?? TimeSpan.FromSeconds(Settings.TimeoutSeconds));
        using var response = await httpClients.CreateClient(HttpClientName)
            .PostAsJsonAsync(Settings.MethodUrl(method), body, timeout.Token);
        return TelegramAnswer.Read((int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
    }
}
