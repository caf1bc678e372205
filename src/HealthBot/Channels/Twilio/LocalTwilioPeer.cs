using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;

namespace HealthBot.Channels.Twilio;

/// <summary>
/// A local stand-in for the Twilio REST API on 127.0.0.1: accepts Message create requests
/// (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource) with HTTP basic auth,
/// records them, and answers 201 with a Message resource — or, when scripted, an error status.
/// Used by tests, the benchmark and <c>healthbot twilio-peer</c>, so that the production sender is exercised unchanged.
/// </summary>
public sealed class LocalTwilioPeer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> script = new();
    private readonly ConcurrentQueue<TimeSpan> delays = new();
    private int hangs;
    private int holdAt;
    private TaskCompletionSource? held;
    private readonly ConcurrentQueue<(int Status, string Body, bool Taken)> answers = new();
    private long counter;

    private LocalTwilioPeer(WebApplication app) => this.app = app;

    public ConcurrentQueue<PeerMessage> Received { get; } = new();

    /// <summary>The <c>To</c> of each message list read (GET Messages.json): whom Twilio was asked about.</summary>
    public ConcurrentQueue<string> LookedUp { get; } = new();

    public int Attempts => (int)Interlocked.Read(ref counter);

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The peer's clock for the messages' date_created (tests with fake time set theirs).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Called for each accepted message (e.g. to print it).</summary>
    public Action<PeerMessage>? OnMessage { get; set; }

    /// <summary>
    /// How long to wait after accepting and recording a message before answering: a slow Twilio, so that the sender
    /// times out although the message went out. Zero: answer at once.
    /// </summary>
    public TimeSpan AnswerDelay { get; set; }

    /// <summary>Delays for the next accepted messages, one each; then <see cref="AnswerDelay"/> again.</summary>
    public void ScriptDelays(params TimeSpan[] next)
    {
        foreach (var delay in next)
        {
            delays.Enqueue(delay);
        }
    }

    /// <summary>Queue the status codes of the next responses (e.g. 500 then 201; 21610 for an unsubscribed recipient); afterwards 201.</summary>
    public void Script(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            script.Enqueue(status);
        }
    }

    /// <summary>
    /// The next send is answered with this status and body as it is (a 200 <c>{}</c>, a captive portal's page).
    /// <paramref name="taken"/>: the message was created first, as when only the answer is spoilt on the way back.
    /// </summary>
    public void ScriptAnswer(int status, string body, bool taken) => answers.Enqueue((status, body, taken));

    /// <summary>
    /// The next <paramref name="count"/> sends are never answered and never taken: the connection stays open until the
    /// caller hangs up, as with a request lost on the way in a network that does not close it.
    /// </summary>
    public void HangNext(int count) => Interlocked.Add(ref hangs, count);

    /// <summary>
    /// Once <paramref name="taken"/> messages are taken, later sends wait (not taken) until <see cref="Release"/>; a
    /// caller that hangs up meanwhile (a killed node) has sent nothing. Lets a test act at an exact point.
    /// </summary>
    public void HoldAfter(int taken)
    {
        holdAt = taken;
        held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Lets the held sends go on and stops holding.</summary>
    public void Release() => Interlocked.Exchange(ref held, null)?.TrySetResult();

    public static async Task<LocalTwilioPeer> StartAsync(int port = 0, string? authToken = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var peer = new LocalTwilioPeer(app);
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", (HttpContext http, string accountSid) => peer.HandleAsync(http, accountSid, authToken));
        app.MapGet("/2010-04-01/Accounts/{accountSid}/Messages.json", (HttpContext http, string accountSid) => peer.List(http, accountSid, authToken));
        await app.StartAsync();
        peer.BaseUrl = app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return peer;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpContext http, string accountSid, string? authToken)
    {
        Interlocked.Increment(ref counter);
        if (!Authorized(http, accountSid, authToken))
        {
            return Error(401, 20003, "Authenticate");
        }

        var form = await http.Request.ReadFormAsync();
        if (Interlocked.Decrement(ref hangs) >= 0)
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        }

        Interlocked.Increment(ref hangs);
        if (held is { } hold && Received.Count >= holdAt)
        {
            try
            {
                await hold.Task.WaitAsync(http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }

        var to = form["To"].ToString();
        (int Status, string Body, bool Taken)? answer = answers.TryDequeue(out var next) ? next : null;
        if (answer is { Taken: false } spoilt)
        {
            return Spoilt(spoilt.Status, spoilt.Body);
        }

        if (!script.TryDequeue(out var status))
        {
            status = 201;
        }

        if (status == 21610)
        {
            // Scripted as a Twilio error code: the recipient unsubscribed from this sender.
            return Error(400, 21610, "Attempt to send to unsubscribed recipient");
        }

        if (status >= 300)
        {
            return status >= 500 ? Error(status, 20500, "Internal Server Error") : Error(status, 21211, $"The 'To' number {to} is not a valid phone number.");
        }

        if (form["Body"].ToString().Length == 0 && form["ContentSid"].ToString().Length == 0 && form["MediaUrl"].ToString().Length == 0)
        {
            // https://www.twilio.com/docs/api/errors/21602
            return Error(400, 21602, "Message body is required.");
        }

        var sid = $"SM{Guid.NewGuid():N}";
        var message = new PeerMessage(sid, accountSid, to, form["From"].ToString(), form["MessagingServiceSid"].ToString(), form["Body"].ToString(), form["StatusCallback"].ToString())
        {
            At = Clock.GetUtcNow(),
            ContentSid = form["ContentSid"].ToString(),
            ContentVariables = form["ContentVariables"].ToString(),
        };
        Received.Enqueue(message);
        OnMessage?.Invoke(message);
        if (answer is { } taken)
        {
            return Spoilt(taken.Status, taken.Body);
        }

        if ((delays.TryDequeue(out var delay) ? delay : AnswerDelay) is { Ticks: > 0 } wait)
        {
            try
            {
                await Task.Delay(wait, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty; // the caller hung up (timed out or was killed); the message stays sent
            }
        }

        return Results.Json(
            new Dictionary<string, object?>
            {
                ["sid"] = sid, ["account_sid"] = accountSid, ["to"] = to, ["from"] = message.From, ["body"] = message.Body,
                ["status"] = "queued", ["num_segments"] = "1", ["direction"] = "outbound-api", ["api_version"] = "2010-04-01",
                ["date_created"] = DateTimeOffset.UtcNow.ToString("r"), ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{sid}.json",
            },
            statusCode: 201);
    }

    private static IResult Spoilt(int status, string body) =>
        Results.Text(body, body.StartsWith('<') ? "text/html" : "application/json", statusCode: status);

    /// <summary>
    /// Message list filtered by To and From, newest first, one page
    /// (https://www.twilio.com/docs/messaging/api/message-resource#read-multiple-message-resources).
    /// </summary>
    private IResult List(HttpContext http, string accountSid, string? authToken)
    {
        if (!Authorized(http, accountSid, authToken))
        {
            return Error(401, 20003, "Authenticate");
        }

        var to = http.Request.Query["To"].ToString();
        LookedUp.Enqueue(to);
        var from = http.Request.Query["From"].ToString();
        var uri = $"/2010-04-01/Accounts/{accountSid}/Messages.json";
        var matching = Received.Reverse()
            .Where(m => (to.Length == 0 || m.To == to) && (from.Length == 0 || m.From == from));
        var messages = matching.Take(50).Select(m => new Dictionary<string, object?>
        {
            ["sid"] = m.Sid, ["account_sid"] = accountSid, ["to"] = m.To, ["from"] = m.From, ["body"] = m.Body, ["status"] = "sent",
            ["direction"] = "outbound-api", ["api_version"] = "2010-04-01", ["date_created"] = m.At.ToString("r"),
        });
        return Results.Json(new Dictionary<string, object?>
        {
            ["messages"] = messages.ToList(), ["uri"] = uri, ["first_page_uri"] = uri, ["next_page_uri"] = null, ["previous_page_uri"] = null,
            ["page"] = 0, ["page_size"] = 50,
        });
    }

    private static bool Authorized(HttpContext http, string accountSid, string? authToken)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        return decoded.StartsWith(accountSid + ":", StringComparison.Ordinal) && (authToken is null || decoded == $"{accountSid}:{authToken}");
    }

    /// <summary>Twilio's JSON error body (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions).</summary>
    private static IResult Error(int status, int code, string message) => Results.Json(
        new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status }, statusCode: status);
}

public sealed record PeerMessage(string Sid, string AccountSid, string To, string From, string MessagingServiceSid, string Body, string StatusCallback)
{
    public DateTimeOffset At { get; init; }

    /// <summary>A Content API template sent instead of a body, and its variables (JSON), as Twilio receives them.</summary>
    public string ContentSid { get; init; } = string.Empty;

    public string ContentVariables { get; init; } = string.Empty;
}
