using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace HealthBot.Channels.Telegram;

/// <summary>A message the bot sent: the chat, what the person sees, and the request as Telegram received it.</summary>
public sealed record TelegramPeerMessage(long ChatId, long MessageId, string Visible, JsonObject Request);

/// <summary>
/// A local stand-in for the Bot API on 127.0.0.1: <c>POST /bot{token}/{method}</c> with JSON
/// (https://core.telegram.org/bots/api#making-requests) for sendMessage, getMe, setWebhook, deleteWebhook,
/// getWebhookInfo and getUpdates, answering <c>{ ok, result }</c> or <c>{ ok: false, error_code, description }</c>.
/// It checks HTML as Telegram does, refuses chats that blocked the bot (403), and can be scripted to answer 429 with
/// retry_after or 5xx. The person's side posts updates to the webhook with the secret header, or queues them for
/// getUpdates when no webhook is set, so the production code path runs unchanged in tests.
/// </summary>
public sealed partial class LocalTelegramPeer : IAsyncDisposable
{
    public const string BotUsername = "healthbot_test_bot";
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(int Status, int? RetryAfter, string? Description)> script = new();
    private readonly ConcurrentDictionary<long, bool> blocked = new();
    private long nextMessageId = 100;
    private int attempts;

    private LocalTelegramPeer(WebApplication app, string token)
    {
        this.app = app;
        Token = token;
    }

    public string Token { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every message the bot sent that Telegram accepted, in order.</summary>
    public ConcurrentQueue<TelegramPeerMessage> Received { get; } = new();

    /// <summary>sendMessage calls, accepted or not.</summary>
    public int Attempts => attempts;

    /// <summary>When each sendMessage call came.</summary>
    public ConcurrentQueue<DateTimeOffset> AttemptTimes { get; } = new();

    /// <summary>The person blocks the bot without Telegram saying so (the update was lost): sends get 403.</summary>
    public void Block(long chatId) => blocked[chatId] = true;

    /// <summary>
    /// The next sendMessage calls answer these statuses (429 with its retry_after, a 400 with Telegram's
    /// <paramref name="description"/>); then they work.
    /// </summary>
    public void Script(int status, int? retryAfter = null, string? description = null) =>
        script.Enqueue((status, retryAfter, description));

    /// <summary>
    /// Another box keeps setting a webhook for the same bot: deleteWebhook answers ok, but the webhook stays, so
    /// getUpdates keeps answering 409 Conflict.
    /// </summary>
    public bool WebhookKeptByAnotherBox { get; set; }

    public static async Task<LocalTelegramPeer> StartAsync(string token, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var peer = new LocalTelegramPeer(app, token);
        app.MapPost("/{bot}/{method}",
            (HttpContext http, string bot, string method) => peer.CallAsync(http, bot, method));
        await app.StartAsync();
        peer.BaseUrl = app.Urls.First();
        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        updatesWaiting.Release();
        await app.DisposeAsync();
    }

    private async Task<IResult> CallAsync(HttpContext http, string bot, string method)
    {
        if (bot != "bot" + Token)
        {
            return Error(401, "Unauthorized");
        }

        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return Error(400, "Bad Request: can't parse JSON");
        }

        return method switch
        {
            "sendMessage" => Send(body),
            "getMe" => Ok(new JsonObject
            {
                ["id"] = 7000000001, ["is_bot"] = true, ["first_name"] = "HealthBot", ["username"] = BotUsername,
            }),
            "setWebhook" => SetWebhook(body),
            "deleteWebhook" => WebhookKeptByAnotherBox ? Ok(JsonValue.Create(true))
                : SetWebhook(new JsonObject { ["url"] = "" }),
            "getWebhookInfo" => Ok(new JsonObject
            {
                ["url"] = WebhookUrl, ["has_custom_certificate"] = false, ["pending_update_count"] = 0,
            }),
            "getUpdates" => await GetUpdatesAsync(body, http.RequestAborted),
            _ => Error(404, "Not Found"),
        };
    }

    private IResult Send(JsonObject body)
    {
        Interlocked.Increment(ref attempts);
        AttemptTimes.Enqueue(DateTimeOffset.UtcNow);
        if (body["chat_id"]?.GetValueKind() != JsonValueKind.Number || body["text"]?.GetValue<string>() is not { } text)
        {
            return Error(400, "Bad Request: chat_id and text are required");
        }

        var chat = body["chat_id"]!.GetValue<long>();
        if (script.TryDequeue(out var scripted))
        {
            return scripted.Status == 429
                ? Error(429, $"Too Many Requests: retry after {scripted.RetryAfter ?? 1}", scripted.RetryAfter ?? 1)
                : Error(scripted.Status, scripted.Description ??
                                         (scripted.Status >= 500 ? "Internal Server Error" : "Bad Request"));
        }

        if (blocked.ContainsKey(chat))
        {
            return Error(403, "Forbidden: bot was blocked by the user");
        }

        var (visible, problem) = (string?)body["parse_mode"] == "HTML" ? ParseHtml(text) : (text, null);
        if (problem is not null || visible is null)
        {
            return Error(400, "Bad Request: " + problem);
        }

        if (visible.Trim().Length == 0 || visible.Length > 4096)
        {
            return Error(400, visible.Length > 4096
                ? "Bad Request: message is too long"
                : "Bad Request: message text is empty");
        }

        var id = Interlocked.Increment(ref nextMessageId);
        Received.Enqueue(new TelegramPeerMessage(chat, id, visible, body));
        return Ok(new JsonObject
        {
            ["message_id"] = id, ["from"] = new JsonObject { ["id"] = 7000000001, ["is_bot"] = true },
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = visible,
        });
    }

    private IResult SetWebhook(JsonObject body)
    {
        var url = (string?)body["url"] ?? string.Empty;
        if (url.Length > 0 && !url.StartsWith("https://", StringComparison.Ordinal) && !AllowHttpWebhook)
        {
            return Error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }

        WebhookUrl = url;
        WebhookSecret = url.Length == 0 ? string.Empty : (string?)body["secret_token"] ?? string.Empty;
        return Ok(JsonValue.Create(true));
    }

    private static IResult Ok(JsonNode result) =>
        Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    private static IResult Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return Results.Json(body, statusCode: code);
    }
}
