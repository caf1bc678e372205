using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;

namespace HealthBot.Channels.Kannel;

/// <summary>One SMS as Kannel's sendsms took it.</summary>
public sealed record KannelSentSms(string To, string Text, string Coding, string DlrUrl)
{
    /// <summary>When the peer took it.</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// A local stand-in for Kannel's smsbox sendsms interface on 127.0.0.1 (user guide, "Kannel HTTP interface for sending
/// SMS"): <c>GET /cgi-bin/sendsms?username=…&amp;password=…&amp;to=…&amp;text=…</c>, answered <c>202 "0: Accepted for
/// delivery"</c>, or 403 for a wrong user. It can be taught to misbehave (a 5xx with a body, a proxy's page, a slow
/// answer after taking the message), so the sender's production code path runs in tests without a real Kannel.
/// </summary>
public sealed class LocalKannelPeer : IAsyncDisposable
{
    public const string Accepted = "0: Accepted for delivery";
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(int Status, string Body, bool Taken, TimeSpan Delay)> script = new();
    private int calls;

    private LocalKannelPeer(WebApplication app, string username, string password)
    {
        this.app = app;
        Username = username;
        Password = password;
    }

    public string Username { get; }

    public string Password { get; }

    public string SendSmsUrl { get; private set; } = string.Empty;

    /// <summary>Every SMS taken, in order.</summary>
    public ConcurrentQueue<KannelSentSms> Sent { get; } = new();

    /// <summary>Calls to sendsms, taken or not.</summary>
    public int Calls => calls;

    public static async Task<LocalKannelPeer> StartAsync(string username, string password)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var peer = new LocalKannelPeer(app, username, password);
        app.MapGet("/cgi-bin/sendsms", (HttpRequest request) => peer.SendAsync(request));
        await app.StartAsync();
        peer.SendSmsUrl = app.Urls.First() + "/cgi-bin/sendsms";
        return peer;
    }

    /// <summary>
    /// The next call answers this status and body as it is (a 503 with a body, a proxy's 200 HTML page…), after
    /// <paramref name="delay"/>. <paramref name="taken"/>: the SMS was taken first, as when only the answer is lost.
    /// </summary>
    public void ScriptAnswer(int status, string body, bool taken = false, TimeSpan delay = default) =>
        script.Enqueue((status, body, taken, delay));

    private async Task<IResult> SendAsync(HttpRequest request)
    {
        Interlocked.Increment(ref calls);
        var q = request.Query;
        if (q["username"] != Username || q["password"] != Password)
        {
            return Results.Text("Authorization failed for sendsms", statusCode: 403);
        }

        var sms = new KannelSentSms(q["to"].ToString(), q["text"].ToString(), q["coding"].ToString(),
            q["dlr-url"].ToString());
        if (script.TryDequeue(out var next))
        {
            if (next.Taken)
            {
                Sent.Enqueue(sms);
            }

            await Task.Delay(next.Delay);
            return Results.Text(next.Body, next.Body.StartsWith('<') ? "text/html" : "text/plain",
                statusCode: next.Status);
        }

        Sent.Enqueue(sms);
        return Results.Text(Accepted, "text/plain", statusCode: 202);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
