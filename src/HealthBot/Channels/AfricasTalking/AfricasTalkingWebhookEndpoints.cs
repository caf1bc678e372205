using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// The callback URLs registered in Africa's Talking's dashboard (SMS → SMS Callback URLs): incoming messages,
/// delivery reports, Bulk SMS opt-outs and premium subscription updates. Each checks the secret first
/// (<see cref="AtCallbackGuard"/>), then parses (400 with a reason), then stores; replies leave later by the outbox.
/// Africa's Talking may call again with the same message id: it is acknowledged and answered once.
/// </summary>
public static class AfricasTalkingWebhookEndpoints
{
    public const string Base = "/webhooks/africastalking";

    public static IEndpointRouteBuilder MapAfricasTalkingWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).DisableAntiforgery();
        group.MapPost("/sms", ReceiveAsync);
        group.MapPost("/dlr", DeliveryReportAsync);
        group.MapPost("/optout", (HttpContext http, IContactStore contacts, IOptions<AfricasTalkingOptions> o,
            ILoggerFactory logs) => ConsentAsync(http, contacts, o.Value, logs, AtConsentChange.ParseOptOut));
        group.MapPost("/subscription", (HttpContext http, IContactStore contacts, IOptions<AfricasTalkingOptions> o,
            ILoggerFactory logs) => ConsentAsync(http, contacts, o.Value, logs, AtConsentChange.ParseSubscription));
        group.MapPost("/ussd", AfricasTalkingUssdEndpoint.AnswerAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, InboundReceiver receiver, IOptions<AfricasTalkingOptions> options)
    {
        if (AtCallbackGuard.Refuse(http, options.Value) is { } refused)
        {
            return refused;
        }

        var (form, unreadable) = await AtCallbackGuard.FormAsync(http);
        if (form is null)
        {
            return unreadable!;
        }

        var (inbound, error) = AtInboundSms.Parse(form);
        if (inbound is null)
        {
            return Results.Problem(statusCode: 400, title: "Invalid Africa's Talking message", detail: error);
        }

        await receiver.ReceiveAsync(AfricasTalkingProvider.Name, ChannelNames.Sms, inbound.From, inbound.Text,
            inbound.Id, http.RequestAborted, linkId: inbound.LinkId, to: inbound.To);
        return Results.Text(string.Empty, "text/plain");
    }

    private static async Task<IResult> DeliveryReportAsync(
        HttpContext http, IMessageStore messages, IContactStore contacts, IOptions<AfricasTalkingOptions> options,
        ILoggerFactory logs)
    {
        if (AtCallbackGuard.Refuse(http, options.Value) is { } refused)
        {
            return refused;
        }

        var (form, unreadable) = await AtCallbackGuard.FormAsync(http);
        if (form is null)
        {
            return unreadable!;
        }

        var (report, error) = AtDeliveryReport.Parse(form);
        if (report is null)
        {
            return Results.Problem(statusCode: 400, title: "Invalid Africa's Talking delivery report", detail: error);
        }

        // Only a message Africa's Talking sent: another provider's id (a Twilio SID) is not for it to change.
        var scope = http.RequestServices.GetRequiredService<ChannelRegistry>().Scope(AfricasTalkingProvider.Name);
        var known = await messages.UpdateStatusByProviderIdAsync(
            report.Id, report.HealthBotStatus, report.ErrorCode, http.RequestAborted, scope);
        var log = logs.CreateLogger(typeof(AfricasTalkingWebhookEndpoints));
        log.LogInformation(
            "Africa's Talking delivery report {Status} ({Mapped}, {Reason}) for {Known} message",
            LoggedError.Code(report.Status), report.HealthBotStatus, LoggedError.Code(report.FailureReason),
            known ? "a known" : "an unknown");
        if (report.PersonBlocked)
        {
            await BlacklistedAsync(report.Id, scope, messages, contacts, log, http.RequestAborted);
        }

        return Results.Text(string.Empty, "text/plain");
    }

    /// <summary>
    /// UserInBlackList: the recipient of the reported message blocked our sender id. It is that message's contact
    /// who is opted out, found by its messageId; the report's phoneNumber is not trusted for it (a report naming
    /// another number, or a number written otherwise, must neither silence someone else nor be ignored).
    /// </summary>
    private static async Task BlacklistedAsync(
        string providerId, ProviderScope scope, IMessageStore messages, IContactStore contacts, ILogger log,
        CancellationToken ct)
    {
        if (await messages.FindOutboundByProviderIdAsync(providerId, ct, scope) is not { } message)
        {
            log.LogWarning("Africa's Talking reports UserInBlackList for an unknown message: nobody was opted out");
            return;
        }

        await contacts.SetConsentAsync(
            message.ContactId, Consent.OptedOut, message.Channel, "africastalking-blacklist", ct);
        log.LogInformation("Africa's Talking UserInBlackList: contact {ContactId} is now {Consent}",
            message.ContactId, Consent.OptedOut);
    }

    /// <summary>An opt-out or subscription change: recorded as STOP (or START) would be, and nothing is sent.</summary>
    private static async Task<IResult> ConsentAsync(
        HttpContext http, IContactStore contacts, AfricasTalkingOptions options, ILoggerFactory logs,
        Func<IFormCollection, (AtConsentChange? Value, string? Error)> parse)
    {
        if (AtCallbackGuard.Refuse(http, options) is { } refused)
        {
            return refused;
        }

        var (form, unreadable) = await AtCallbackGuard.FormAsync(http);
        if (form is null)
        {
            return unreadable!;
        }

        var (change, error) = parse(form);
        if (change is null)
        {
            return Results.Problem(statusCode: 400, title: "Invalid Africa's Talking notification", detail: error);
        }

        var contact = await contacts.GetOrCreateAsync(ChannelNames.Sms, change.PhoneNumber, http.RequestAborted);
        await contacts.SetConsentAsync(
            contact.Id, change.Consent, ChannelNames.Sms, change.Reason, http.RequestAborted);
        logs.CreateLogger(typeof(AfricasTalkingWebhookEndpoints)).LogInformation(
            "Africa's Talking {Reason}: contact {ContactId} is now {Consent}", change.Reason, contact.Id,
            change.Consent);
        return Results.Text(string.Empty, "text/plain");
    }
}
