using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>One SMS as Africa's Talking took it: one recipient of a send call.</summary>
public sealed record AtSentSms(string To, string Message, string From, string MessageId, int Call)
{
    /// <summary>The premium linkId it was sent with, if any.</summary>
    public string? LinkId { get; init; }
}

/// <summary>
/// A local stand-in for Africa's Talking on 127.0.0.1: <c>POST /version1/messaging</c> with the <c>apiKey</c> header
/// and form fields <c>username</c>, <c>to</c> (comma-separated), <c>message</c>, <c>from</c>, answered as
/// https://developers.africastalking.com/docs/sms/sending documents (201, <c>SMSMessageData.Recipients[]</c>). The
/// person's side (<c>LocalAfricasTalkingPeer.Person.cs</c>) posts the callbacks a real account would, with the URL
/// secret, so the production code path runs unchanged in tests.
/// </summary>
public sealed partial class LocalAfricasTalkingPeer : IAsyncDisposable
{
    public const string Username = "sandbox";

    /// <summary>Africa's Talking's own names (SMSMessageData, Recipients, statusCode), not camel-cased.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions AsWritten = new();
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(int Status, string Body, bool Taken)> httpScript = new();
    private int calls;
    private int holding;
    private TaskCompletionSource? held;
    private volatile int holdAfter;
    private volatile int holdUntil = int.MaxValue;

    private LocalAfricasTalkingPeer(WebApplication app, string apiKey)
    {
        this.app = app;
        ApiKey = apiKey;
    }

    public string ApiKey { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every recipient of every accepted call, in order.</summary>
    public ConcurrentQueue<AtSentSms> Sent { get; } = new();

    /// <summary>Calls to the messaging API, accepted or not.</summary>
    public int Calls => calls;

    public static async Task<LocalAfricasTalkingPeer> StartAsync(string apiKey, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var peer = new LocalAfricasTalkingPeer(app, apiKey);
        app.MapPost("/version1/messaging", (HttpRequest request) => peer.SendAsync(request.HttpContext));
        app.MapGet("/version1/user", (HttpRequest request) => peer.UserData(request));
        await app.StartAsync();
        peer.BaseUrl = app.Urls.First();
        return peer;
    }

    /// <summary>The next send to <paramref name="number"/> gets this statusCode (406 UserInBlacklist…).</summary>
    public void Script(string number, int statusCode) => scripted[number] = statusCode;

    /// <summary>The next calls answer with these HTTP statuses (500…), before any recipient is looked at.</summary>
    public void ScriptHttp(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            httpScript.Enqueue((status, "Internal Server Error", false));
        }
    }

    /// <summary>
    /// The next call answers this status and body as it is (a proxy's 200 HTML page…). <paramref name="taken"/>: the
    /// message was taken first (its recipients recorded as sent), as when only the answer is spoilt on the way back.
    /// </summary>
    public void ScriptAnswer(int status, string body, bool taken = true) =>
        httpScript.Enqueue((status, body, taken));

    /// <summary>
    /// The sender ids and short codes the account owns; a send from another is refused per recipient with 402
    /// InvalidSenderId, as Africa's Talking does. Empty: any (and none).
    /// </summary>
    public HashSet<string> OwnedSenders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The application's balance, <c>KES …</c>, as GET /version1/user answers it.</summary>
    public string Balance { get; set; } = "KES 1785.5000";

    /// <summary>
    /// Every send call after the first <paramref name="afterCalls"/> (only the next <paramref name="count"/>) is
    /// held (no answer, as from a provider that stalls) until <see cref="Release"/>.
    /// </summary>
    public void Hold(int afterCalls = 0, int count = int.MaxValue)
    {
        holdAfter = afterCalls;
        holdUntil = count == int.MaxValue ? int.MaxValue : afterCalls + count;
        held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Answers the held calls and stops holding.</summary>
    public void Release() => Interlocked.Exchange(ref held, null)?.TrySetResult();

    /// <summary>Send calls held now (<see cref="Hold"/>).</summary>
    public int Holding => holding;

    public async ValueTask DisposeAsync()
    {
        Release();
        await app.DisposeAsync();
    }

    private async Task<IResult> SendAsync(HttpContext http)
    {
        var call = Interlocked.Increment(ref calls);
        if (held is { } stall && call > holdAfter && call <= holdUntil)
        {
            Interlocked.Increment(ref holding);
            try
            {
                await stall.Task.WaitAsync(http.RequestAborted);
            }
            finally
            {
                Interlocked.Decrement(ref holding);
            }
        }

        if (http.Request.Headers["apiKey"] != ApiKey)
        {
            return Results.Text("The supplied authentication is invalid", statusCode: 401);
        }

        (int Status, string Body, bool Taken)? scriptedAnswer = httpScript.TryDequeue(out var script) ? script : null;
        if (scriptedAnswer is { Taken: false } refused)
        {
            return Results.Text(refused.Body, statusCode: refused.Status);
        }

        var form = await http.Request.ReadFormAsync();
        var to = form["to"].ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var message = form["message"].ToString();
        if (form["username"] != Username)
        {
            return Results.Text("The supplied authentication is invalid", statusCode: 401);
        }

        if (to.Length == 0 || message.Length == 0)
        {
            return Results.Text("Request is missing required form field 'to' or 'message'", statusCode: 400);
        }

        if (PremiumRefusal(form, to) is { } premiumRefused)
        {
            return Results.Text(premiumRefused, statusCode: 400);
        }

        var linkId = form["linkId"].ToString() is { Length: > 0 } link ? link : null;
        var recipients = to.Select(number => Recipient(number, message, form["from"].ToString(), call, linkId))
            .ToList();
        if (scriptedAnswer is { } taken)
        {
            return Results.Text(taken.Body, "text/html", statusCode: taken.Status);
        }

        var sent = recipients.Count(r => (int)r["statusCode"] is 100 or 101 or 102);
        var cost = (sent * 0.8m).ToString("0.0000", CultureInfo.InvariantCulture);
        return Results.Json(new Dictionary<string, object>
        {
            ["SMSMessageData"] = new Dictionary<string, object>
            {
                ["Message"] = $"Sent to {sent}/{recipients.Count} Total Cost: KES {cost}", ["Recipients"] = recipients,
            },
        }, AsWritten, statusCode: 201);
    }

    /// <summary>https://developers.africastalking.com/docs/application: the same key and username as a send.</summary>
    private IResult UserData(HttpRequest request) =>
        request.Headers["apiKey"] != ApiKey || request.Query["username"] != Username
            ? Results.Text("The supplied authentication is invalid", statusCode: 401)
            : Results.Json(new Dictionary<string, object>
            {
                ["UserData"] = new Dictionary<string, string> { ["balance"] = Balance },
            }, AsWritten);

    private Dictionary<string, object> Recipient(string number, string message, string from, int call, string? linkId)
    {
        var valid = number.Length is >= 8 and <= 16 && number[0] == '+' && number[1..].All(char.IsAsciiDigit);
        var owned = OwnedSenders.Count == 0 || OwnedSenders.Contains(from);
        var code = !valid ? 403 : !owned ? 402 : scripted.TryRemove(number, out var s) ? s : 101;
        var accepted = code is 100 or 101 or 102;
        var id = accepted ? "ATXid_" + Guid.NewGuid().ToString("N") : "None";
        if (accepted)
        {
            Sent.Enqueue(new AtSentSms(number, message, from, id, call) { LinkId = linkId });
        }

        return new Dictionary<string, object>
        {
            ["statusCode"] = code, ["number"] = number, ["status"] = StatusName(code),
            ["cost"] = accepted ? "KES 0.8000" : "0", ["messageId"] = id,
        };
    }

    private static string StatusName(int code) => code switch
    {
        100 => "Processed", 101 => "Success", 102 => "Queued", 401 => "RiskHold", 402 => "InvalidSenderId",
        403 => "InvalidPhoneNumber", 404 => "UnsupportedNumberType", 405 => "InsufficientBalance",
        406 => "UserInBlacklist", 407 => "CouldNotRoute", 409 => "DoNotDisturbRejection", 500 => "InternalServerError",
        501 => "GatewayError", 502 => "RejectedByGateway", _ => "Unknown",
    };
}
