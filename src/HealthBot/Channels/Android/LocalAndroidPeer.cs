using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace HealthBot.Channels.Android;

/// <summary>
/// A local stand-in for the SMS Gateway for Android app in Local Server mode, on 127.0.0.1: <c>POST /message</c>
/// (and <c>/3rdparty/v1/messages</c>) with basic auth answering 202 with the message state, <c>GET /health</c>,
/// webhook registration (<c>POST/GET /webhooks</c>), and signed webhooks as the phone sends them. Used by tests so
/// that the production sender and webhook are exercised unchanged.
/// </summary>
public sealed class LocalAndroidPeer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> script = new();
    private readonly ConcurrentDictionary<string, (string Url, string Event)> webhooks = new();
    private readonly HttpClient http = new();
    private readonly string username, password, signingKey;

    private LocalAndroidPeer(WebApplication app, string username, string password, string signingKey) =>
        (this.app, this.username, this.password, this.signingKey) = (app, username, password, signingKey);

    public ConcurrentQueue<AndroidPeerMessage> Received { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public string DeviceId { get; } = "ffffffffceb0b1db0000018e937c815b";

    /// <summary>The phone's clock for X-Timestamp (tests with a stale clock set theirs).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Queue the status codes of the next send responses (e.g. 500 then 202); afterwards 202.</summary>
    public void Script(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            script.Enqueue(status);
        }
    }

    public static async Task<LocalAndroidPeer> StartAsync(
        string username, string password, string signingKey, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var peer = new LocalAndroidPeer(app, username, password, signingKey);
        app.MapPost("/message", (Func<HttpContext, Task<IResult>>)peer.SendAsync);
        app.MapPost("/3rdparty/v1/messages", (Func<HttpContext, Task<IResult>>)peer.SendAsync);
        app.MapGet("/health", () => Results.Text(AndroidPeerJson.Health, "application/json"));
        app.MapPost("/webhooks", (Func<HttpContext, Task<IResult>>)peer.RegisterAsync);
        app.MapGet("/webhooks", (HttpContext c) => peer.Authorized(c)
            ? Results.Json(peer.webhooks.Select(w => new { id = w.Key, url = w.Value.Url, @event = w.Value.Event }))
            : Results.Unauthorized());
        await app.StartAsync();
        peer.BaseUrl = app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return peer;
    }

    /// <summary>A person texts the phone: sms:received to each webhook registered for it; returns answers.</summary>
    public Task<IReadOnlyList<HttpStatusCode>> PhoneTextsAsync(string from, string text) =>
        EmitAsync("sms:received", new Dictionary<string, object?>
        {
            ["messageId"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                Encoding.UTF8.GetBytes(from + text)))[..16],
            ["message"] = text, ["phoneNumber"] = from, ["simNumber"] = 1,
            ["receivedAt"] = AndroidPeerJson.Stamp(Clock.GetLocalNow()),
        });

    /// <summary>The network reports on a sent message: sms:sent, sms:delivered or sms:failed (with a reason).</summary>
    public Task<IReadOnlyList<HttpStatusCode>> ReportAsync(
        string @event, AndroidPeerMessage message, string? reason = null)
    {
        var at = @event switch { "sms:sent" => "sentAt", "sms:delivered" => "deliveredAt", _ => "failedAt" };
        var payload = new Dictionary<string, object?>
        {
            ["messageId"] = message.Id, ["phoneNumber"] = message.PhoneNumbers[0], ["simNumber"] = null,
            [at] = AndroidPeerJson.Stamp(Clock.GetUtcNow()),
        };
        if (reason is not null)
        {
            payload["reason"] = reason;
        }

        return EmitAsync(@event, payload);
    }

    private async Task<IReadOnlyList<HttpStatusCode>> EmitAsync(string @event, Dictionary<string, object?> payload)
    {
        var answers = new List<HttpStatusCode>();
        foreach (var (webhookId, (url, _)) in webhooks.Where(w => w.Value.Event == @event))
        {
            var body = AndroidPeerJson.Event(DeviceId, @event, Guid.NewGuid().ToString("N")[..21], payload, webhookId);
            using var response = await http.SendAsync(AndroidPeerJson.Signed(url, body, signingKey, Clock));
            answers.Add(response.StatusCode);
        }

        return answers;
    }

    private async Task<IResult> SendAsync(HttpContext context)
    {
        if (!Authorized(context))
        {
            return Results.Json(new { message = "Unauthorized" }, statusCode: 401);
        }

        var request = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var (message, error) = AndroidPeerJson.ReadMessage(request);
        if (message is null)
        {
            return Results.Json(new { message = error }, statusCode: 400);
        }

        if (script.TryDequeue(out var status) && status >= 300)
        {
            return Results.Json(new { message = "scripted failure" }, statusCode: status);
        }

        Received.Enqueue(message);
        return Results.Json(new
        {
            id = message.Id, state = "Pending", isHashed = false, isEncrypted = false,
            recipients = message.PhoneNumbers.Select(p => new { phoneNumber = p, state = "Pending" }),
        }, statusCode: 202);
    }

    private async Task<IResult> RegisterAsync(HttpContext context)
    {
        if (!Authorized(context))
        {
            return Results.Unauthorized();
        }

        using var json = await JsonDocument.ParseAsync(context.Request.Body);
        var url = json.RootElement.GetProperty("url").GetString()!;
        var @event = json.RootElement.GetProperty("event").GetString()!;
        var id = json.RootElement.TryGetProperty("id", out var i) ? i.GetString()! : Guid.NewGuid().ToString("N")[..21];
        webhooks[id] = (url, @event);
        return Results.Json(new { id, url, @event }, statusCode: 201);
    }

    private bool Authorized(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Basic ", StringComparison.Ordinal) &&
               Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])) == $"{username}:{password}";
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }
}

/// <summary>A message the phone accepted for sending.</summary>
public sealed record AndroidPeerMessage(string Id, IReadOnlyList<string> PhoneNumbers, string Text);
