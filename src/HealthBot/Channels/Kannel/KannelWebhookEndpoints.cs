using System.Net;
using System.Security.Cryptography;
using System.Text;
using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Kannel;

/// <summary>
/// The URLs Kannel's smsbox calls: an sms-service get-url for each message a person sends, and the dlr-url of each
/// message we sent. Kannel signs nothing, so both need the shared secret in the URL and a caller from
/// <see cref="KannelOptions.AllowedAddresses"/>. They only translate: parse, store, wake the dialog worker.
/// </summary>
public static class KannelWebhookEndpoints
{
    public static IEndpointRouteBuilder MapKannelWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks/kannel").DisableAntiforgery();
        group.MapMethods("/sms", ["GET", "POST"], ReceiveAsync);
        group.MapMethods("/dlr", ["GET", "POST"], DeliveryReportAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, InboundReceiver receiver, IOptions<KannelOptions> options)
    {
        if (Refuse(http, options.Value) is { } refused)
        {
            return refused;
        }

        var (inbound, error) = KannelInbound.Parse(http.Request.QueryString.Value ?? string.Empty);
        if (inbound is null)
        {
            return Results.Problem(statusCode: 400, title: "Invalid Kannel message", detail: error);
        }

        await receiver.ReceiveAsync(ChannelProviders.Kannel, inbound.Channel, inbound.From, inbound.Text, inbound.Id,
            http.RequestAborted);

        // The sms-service has max-messages = 0, so this body is never sent back as an SMS; replies leave by the outbox.
        return Results.Text(string.Empty, "text/plain");
    }

    private static async Task<IResult> DeliveryReportAsync(
        HttpContext http, IMessageStore messages, IOptions<KannelOptions> options, ILoggerFactory logs)
    {
        if (Refuse(http, options.Value) is { } refused)
        {
            return refused;
        }

        var (report, error) = KannelDeliveryReport.Parse(http.Request.QueryString.Value ?? string.Empty);
        if (report is null)
        {
            return Results.Problem(statusCode: 400, title: "Invalid Kannel delivery report", detail: error);
        }

        var known = await messages.UpdateStatusByProviderIdAsync(
            KannelSender.ProviderId(report.MessageId), report.Status, report.ErrorCode, http.RequestAborted,
            http.RequestServices.GetRequiredService<ChannelRegistry>().Scope(ChannelProviders.Kannel));
        logs.CreateLogger(typeof(KannelWebhookEndpoints)).LogInformation(
            "Kannel delivery report {Type} ({Status}) for {Known} message", report.Type, report.Status,
            known ? "a known" : "an unknown");
        return Results.Text(string.Empty, "text/plain");
    }

    /// <summary>Not configured: 404. Wrong caller or secret: 403, before anything is parsed or stored.</summary>
    private static IResult? Refuse(HttpContext http, KannelOptions options)
    {
        if (!options.CanReceive)
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "Kannel is not configured here");
        }

        if (!IsAllowed(http.Connection.RemoteIpAddress, options.AllowedAddresses))
        {
            return Results.Problem(statusCode: 403, title: "Forbidden", detail: "this address may not call Kannel URLs");
        }

        var given = Encoding.UTF8.GetBytes(http.Request.Query["secret"].ToString());
        var expected = Encoding.UTF8.GetBytes(options.Secret);
        return CryptographicOperations.FixedTimeEquals(given, expected)
            ? null
            : Results.Problem(statusCode: 403, title: "Forbidden", detail: "missing or wrong secret");
    }

    /// <summary>An in-memory test server has no remote address; it stands for the same machine.</summary>
    private static bool IsAllowed(IPAddress? remote, string[] allowed)
    {
        if (allowed.Length == 0)
        {
            return remote is null || IPAddress.IsLoopback(remote);
        }

        var caller = remote is null ? null : remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return allowed.Any(a => caller is null ? IPAddress.IsLoopback(IPAddress.Parse(a)) : IPAddress.Parse(a).Equals(caller));
    }
}
