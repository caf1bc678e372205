using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace HealthBot.Channels.Meta;

/// <summary>
/// A local stand-in for Meta's Graph API on 127.0.0.1: <c>POST /{version}/{phone-number-id}/messages</c> with a
/// bearer token (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages) and the phone number's
/// fields for the probe. Like Meta it refuses free text to someone who has not written in 24 hours (131047); the
/// person's side (<see cref="PersonSendsAsync(string,string,string)"/>, <see cref="ReportAsync"/>) posts signed
/// webhooks, so the production code path runs unchanged in tests.
/// </summary>
public sealed partial class LocalMetaPeer : IAsyncDisposable
{
    public const string PhoneNumberId = "106540352242922";
    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> script = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastInbound = new(StringComparer.Ordinal);

    private LocalMetaPeer(WebApplication app, string accessToken, string appSecret)
    {
        this.app = app;
        AccessToken = accessToken;
        AppSecret = appSecret;
    }

    public string AccessToken { get; }

    public string AppSecret { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Where the person's messages and statuses are posted (HealthBot's /webhooks/meta/whatsapp).</summary>
    public string WebhookUrl { get; set; } = string.Empty;

    /// <summary>The peer's clock for the 24-hour window and the webhooks' timestamps.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Every accepted message as Meta received it (the JSON body).</summary>
    public ConcurrentQueue<JsonObject> Received { get; } = new();

    public int Attempts => attempts;

    private int attempts;

    /// <summary>Meta error codes (131056…) or HTTP statuses (500…) for the next sends; then they succeed.</summary>
    public void Script(params int[] next)
    {
        foreach (var code in next)
        {
            script.Enqueue(code);
        }
    }

    /// <summary>
    /// The next send is answered with this status and body as it is (a 200 <c>{}</c>, a proxy's page, a 400 whose
    /// message names the number…). <paramref name="taken"/>: the message was taken first, as when only the answer
    /// is spoilt on the way back.
    /// </summary>
    public void ScriptAnswer(int status, string body, bool taken = false) => answers.Enqueue((status, body, taken));

    private readonly ConcurrentQueue<(int Status, string Body, bool Taken)> answers = new();

    public static async Task<LocalMetaPeer> StartAsync(string accessToken, string appSecret, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var peer = new LocalMetaPeer(app, accessToken, appSecret);
        app.MapPost("/{version}/{phoneNumberId}/messages", (HttpContext http, string phoneNumberId) =>
            peer.SendAsync(http, phoneNumberId));
        app.MapGet("/{version}/{phoneNumberId}", (HttpContext http, string phoneNumberId) =>
            !peer.Authorized(http) ? Error(401, 190, "Invalid OAuth access token") : Results.Json(new
            {
                verified_name = "HealthBot", display_phone_number = "15550783881", quality_rating = "GREEN",
                id = phoneNumberId,
            }));
        await app.StartAsync();
        peer.BaseUrl = app.Urls.First();
        return peer;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<IResult> SendAsync(HttpContext http, string phoneNumberId)
    {
        Interlocked.Increment(ref attempts);
        if (!Authorized(http) || phoneNumberId != PhoneNumberId)
        {
            return Error(401, 190, "Invalid OAuth access token");
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        var to = body?["to"]?.GetValue<string>()?.TrimStart('+') ?? string.Empty;
        var type = body?["type"]?.GetValue<string>() ?? string.Empty;
        var invalid = body is null ? "not JSON" : to.Length == 0 ? "to" : Problem(body, type);
        if (invalid is not null || (string?)body!["messaging_product"] != "whatsapp")
        {
            return Error(400, 100, "Invalid parameter", invalid ?? "messaging_product");
        }

        if (answers.TryDequeue(out var answer))
        {
            if (answer.Taken)
            {
                Received.Enqueue(body);
            }

            return Results.Text(answer.Body, answer.Body.StartsWith('<') ? "text/html" : "application/json",
                statusCode: answer.Status);
        }

        if (script.TryDequeue(out var scripted))
        {
            return scripted < 1000 ? Error(scripted, 2, "Service temporarily unavailable") : Scripted(scripted);
        }

        if (type != "template" && (!lastInbound.TryGetValue(to, out var last) ||
                                   Clock.GetUtcNow() - last > TimeSpan.FromHours(24)))
        {
            return Scripted(MetaErrors.OutsideWindow);
        }

        var id = "wamid." + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=');
        body["id"] = id;
        Received.Enqueue(body);
        return Results.Json(new
        {
            messaging_product = "whatsapp", contacts = new[] { new { input = to, wa_id = to } },
            messages = new[] { new { id, message_status = "accepted" } },
        });
    }

    /// <summary>What Meta would refuse in the body, per type; null when it is well formed.</summary>
    private static string? Problem(JsonObject body, string type) => type switch
    {
        "text" => (string?)body["text"]?["body"] is { Length: > 0 and <= 4096 } ? null : "text.body",
        "template" => (string?)body["template"]?["name"] is { Length: > 0 } &&
                      (string?)body["template"]?["language"]?["code"] is { Length: > 0 }
            ? null
            : "template.name and template.language.code",
        "interactive" => ListProblem(body["interactive"]),
        _ => $"type {type}",
    };

    private static string? ListProblem(JsonNode? list)
    {
        var rows = list?["action"]?["sections"]?.AsArray().SelectMany(s => s!["rows"]!.AsArray()).ToList() ?? [];
        return (string?)list?["type"] == "list" && rows.Count is > 0 and <= 10 &&
               rows.All(r => ((string?)r!["title"])?.Length is > 0 and <= 24) &&
               ((string?)list!["action"]!["button"])?.Length is > 0 and <= 20 &&
               ((string?)list["body"]?["text"])?.Length is > 0 and <= 1024
            ? null
            : "interactive list (1-10 rows, titles up to 24, button up to 20, body up to 1024 characters)";
    }

    private bool Authorized(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() == "Bearer " + AccessToken;

    private static IResult Scripted(int code) => code switch
    {
        MetaErrors.OutsideWindow => Error(400, code, "Re-engagement message",
            "Message failed to send because more than 24 hours have passed since the customer last replied"),
        MetaErrors.PairRateLimit => Error(400, code, "(Business Account, Consumer Account) pair rate limit hit"),
        MetaErrors.Undeliverable => Error(400, code, "Message Undeliverable"),
        _ => Error(400, code, "Error"),
    };

    /// <summary>Meta's error body (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes).</summary>
    private static IResult Error(int status, int code, string title, string? details = null) => Results.Json(
        new
        {
            error = new
            {
                message = $"(#{code}) {title}", type = "OAuthException", code,
                error_data = new { messaging_product = "whatsapp", details = details ?? title },
                fbtrace_id = "Az8or2yhqkZfEZ-_4Qn_Bam",
            },
        },
        statusCode: status);
}
