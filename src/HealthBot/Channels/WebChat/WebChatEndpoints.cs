using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Telemetry;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.WebChat;

/// <summary>
/// The web chat: a small page at <c>/</c> and a JSON API under <c>/api/webchat</c>. The conversation is anonymous
/// and kept with an HttpOnly cookie; replies arrive through the same dialog pipeline and are fetched by polling.
/// </summary>
public static class WebChatEndpoints
{
    public const string CookieName = "hb_chat";
    private static readonly HashSet<string> Languages = ["en", "fr", "sw", "pt", "hi"];

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => WebChatAssets.Serve("index.html"));
        app.MapGet("/chat.js", () => WebChatAssets.Serve("chat.js"));
        app.MapGet("/chat.css", () => WebChatAssets.Serve("chat.css"));
        var api = app.MapGroup("/api/webchat").DisableAntiforgery();
        api.MapPost("/messages", SendAsync);
        api.MapGet("/messages", ReceiveAsync);
        api.MapPost("/language", SetLanguageAsync);
        return app;
    }

    private static async Task<IResult> SendAsync(
        HttpContext http, WebChatSend? request, IMessageStore messages, IContactStore contacts, InboundSignal signal,
        TimeProvider time, WebChatSessions sessions, IOptions<SafetyOptions> safety, HealthBotTelemetry telemetry)
    {
        if (request?.Text is null)
        {
            return Results.Problem(statusCode: 400, title: "Invalid message", detail: "a JSON body with a 'text' field is required");
        }

        // The same limit as SMS and WhatsApp: the dialog answers longer texts with "please send a shorter question".
        var maxChars = safety.Value.MaxMessageChars;
        if (request.Text.Length > maxChars)
        {
            return Results.Problem(
                statusCode: 400, title: "Invalid message", detail: $"'text' must be at most {maxChars} characters");
        }

        if (request.ClientId is { Length: > 64 })
        {
            return Results.Problem(statusCode: 400, title: "Invalid message", detail: "'clientId' must be at most 64 characters");
        }

        var (conversation, problem) = ConversationId(http, sessions, create: true);
        if (conversation is null)
        {
            return problem!;
        }

        if (request.Language is { } language && Languages.Contains(language))
        {
            var contact = await contacts.GetOrCreateAsync(ChannelNames.WebChat, conversation, http.RequestAborted);
            if (contact.Language != language)
            {
                await contacts.SetLanguageAsync(contact.Id, language, http.RequestAborted);
            }
        }

        // A client-chosen id makes a retried POST (flaky 2G) a duplicate rather than a second question.
        var providerId = request.ClientId is { Length: > 0 } clientId ? $"webchat:{conversation}:{clientId}" : null;
        var text = InboundText.Clean(request.Text);
        var inbound = new InboundMessage(ChannelNames.WebChat, conversation, text, providerId, time.GetUtcNow())
        {
            Provider = ChannelNames.WebChat,
        };
        var record = await messages.RecordInboundAsync(inbound, http.RequestAborted);
        if (!record.Duplicate)
        {
            // Stored here, not through InboundReceiver (no provider webhook): counted here as every channel is.
            telemetry.Inbound(ChannelNames.WebChat);
            signal.Set();
        }

        return Results.Accepted(value: new { id = record.MessageId, duplicate = record.Duplicate });
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, long? after, IMessageStore messages, IContactStore contacts, WebChatSessions sessions)
    {
        var (conversation, problem) = ConversationId(http, sessions, create: false);
        if (problem is not null)
        {
            return problem;
        }

        var contact = conversation is null ? null : await contacts.FindAsync(ChannelNames.WebChat, conversation, http.RequestAborted);
        if (contact is null)
        {
            return Results.Ok(new WebChatMessages([], Pending: false, Language: null));
        }

        var list = await messages.ConversationAsync(contact.Id, after ?? 0, 100, http.RequestAborted);
        var items = list.Select(m => new WebChatMessage(m.Id, From(m), m.Body, m.Language, m.Kind)).ToList();
        var lastIn = list.LastOrDefault(m => m.Direction == "in");
        var pending = lastIn is { Status: "received" };
        return Results.Ok(new WebChatMessages(items, pending, contact.Language));
    }

    /// <summary>Who wrote a message: the person ("user"), a responder of the health team ("staff") or the bot.</summary>
    private static string From(StoredMessage message) =>
        message.Direction == "in" ? "user" : message.Kind == ReplyKind.Human ? "staff" : "bot";

    private static async Task<IResult> SetLanguageAsync(
        HttpContext http, WebChatLanguage? request, IContactStore contacts, WebChatSessions sessions)
    {
        if (request?.Language is not { } language || !Languages.Contains(language))
        {
            return Results.Problem(statusCode: 400, title: "Invalid language", detail: "'language' must be one of en, fr, sw, pt, hi");
        }

        var (conversation, problem) = ConversationId(http, sessions, create: true);
        if (conversation is null)
        {
            return problem!;
        }

        var contact = await contacts.GetOrCreateAsync(ChannelNames.WebChat, conversation, http.RequestAborted);
        await contacts.SetLanguageAsync(contact.Id, language, http.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>
    /// The chat id from the cookie when this server issued it; a new one (and its cookie) when there is no cookie and
    /// <paramref name="create"/>; a 400 (and the cookie cleared, so the next request starts afresh) for any other id.
    /// </summary>
    private static (string? Id, IResult? Problem) ConversationId(
        HttpContext http, WebChatSessions sessions, bool create)
    {
        if (http.Request.Cookies.TryGetValue(CookieName, out var existing))
        {
            if (sessions.Verify(existing) is { } id)
            {
                return (id, null);
            }

            http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
            return (null, Results.Problem(statusCode: 400, title: "Unknown chat",
                detail: "this chat id was not issued by this server; reload the page to start a new chat"));
        }

        if (!create)
        {
            return (null, null);
        }

        var (newId, cookie) = sessions.Issue();
        http.Response.Cookies.Append(CookieName, cookie, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
            Path = "/",
        });
        http.Request.Headers.Cookie = $"{CookieName}={cookie}";
        return (newId, null);
    }
}

public sealed record WebChatSend(string? Text, string? Language, string? ClientId);

public sealed record WebChatLanguage(string? Language);

/// <param name="From">"user", "bot", or "staff" for a reply a person of the health team wrote.</param>
public sealed record WebChatMessage(long Id, string From, string Text, string? Language, string? Kind);

public sealed record WebChatMessages(IReadOnlyList<WebChatMessage> Messages, bool Pending, string? Language);
