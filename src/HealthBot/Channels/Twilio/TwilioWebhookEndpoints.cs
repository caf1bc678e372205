using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Twilio;

/// <summary>
/// Twilio webhooks. They only translate: verify the signature, parse, store, wake the dialog worker and return
/// empty TwiML at once. Answers leave later through the outbox and the REST API.
/// </summary>
public static class TwilioWebhookEndpoints
{
    public const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks/twilio").DisableAntiforgery();
        group.MapPost("/sms", ReceiveAsync);
        group.MapPost("/status", StatusAsync);
        var options = app.ServiceProvider.GetRequiredService<IOptions<TwilioOptions>>().Value;
        if (options.AuthToken.Length > 0 && options.PublicBaseUrl.Length == 0)
        {
            var logs = app.ServiceProvider.GetRequiredService<ILoggerFactory>();
            logs.CreateLogger(typeof(TwilioWebhookEndpoints)).LogWarning(
                "Twilio is configured without Twilio:PublicBaseUrl: webhook signatures are checked against the URL " +
                "of each request (its Host header, or X-Forwarded-* from a trusted proxy). Set Twilio:PublicBaseUrl " +
                "to the https URL Twilio calls.");
        }

        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, InboundReceiver receiver, IOptions<TwilioOptions> options)
    {
        var (form, problem) = await VerifiedFormAsync(http, options.Value);
        if (form is null)
        {
            return problem!;
        }

        var (inbound, error) = TwilioInbound.Parse(form);
        if (inbound is null)
        {
            return Results.Problem(statusCode: 400, title: "Invalid Twilio webhook", detail: error);
        }

        await receiver.ReceiveAsync(ChannelProviders.Twilio, inbound.Channel, inbound.Address, inbound.Body,
            inbound.MessageSid, http.RequestAborted, Answered(inbound.OptOutType));
        return Results.Text(EmptyTwiml, "text/xml");
    }

    /// <summary>
    /// Twilio's Advanced Opt-Out already answered the keyword
    /// (https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out): its OptOutType says which.
    /// </summary>
    private static ProviderAnswered? Answered(string? optOutType) => optOutType is { Length: > 0 }
        ? new ProviderAnswered(optOutType.ToUpperInvariant() switch
        {
            "STOP" => Consent.OptedOut,
            "START" => Consent.OptedIn,
            _ => null,
        }, "provider-opt-out-type")
        : null;

    private static async Task<IResult> StatusAsync(HttpContext http, IMessageStore messages, IOptions<TwilioOptions> options, ILoggerFactory logs)
    {
        var (form, problem) = await VerifiedFormAsync(http, options.Value);
        if (form is null)
        {
            return problem!;
        }

        var (callback, error) = TwilioStatusCallback.Parse(form);
        if (callback is null)
        {
            return Results.Problem(statusCode: 400, title: "Invalid Twilio status callback", detail: error);
        }

        var known = await messages.UpdateStatusByProviderIdAsync(
            callback.MessageSid, callback.MessageStatus, callback.ErrorCode, http.RequestAborted,
            http.RequestServices.GetRequiredService<ChannelRegistry>().Scope(ChannelProviders.Twilio));
        logs.CreateLogger(typeof(TwilioWebhookEndpoints)).LogInformation(
            "Twilio status {Status} (error {ErrorCode}) for {Known} message", callback.MessageStatus, callback.ErrorCode, known ? "a known" : "an unknown");
        return Results.Text(EmptyTwiml, "text/xml");
    }

    /// <summary>Reads the form within the size limit and checks X-Twilio-Signature; nothing is stored before this passes.</summary>
    private static async Task<(IFormCollection? Form, IResult? Problem)> VerifiedFormAsync(HttpContext http, TwilioOptions options)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBytes;
        }

        if (http.Request.ContentLength > options.MaxRequestBytes)
        {
            return (null, Results.Problem(statusCode: 413, title: "Request too large", detail: $"Twilio webhooks are limited to {options.MaxRequestBytes} bytes"));
        }

        if (!TwilioForm.IsUrlEncoded(http.Request))
        {
            return (null, Results.Problem(statusCode: 400, title: "Invalid Twilio webhook", detail: "expected an application/x-www-form-urlencoded body"));
        }

        IFormCollection? form;
        try
        {
            form = await TwilioForm.ReadAsync(http.Request, options.MaxRequestBytes, http.RequestAborted);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException)
        {
            return (null, Results.Problem(statusCode: ex is BadHttpRequestException { StatusCode: 413 } ? 413 : 400, title: "Invalid Twilio webhook", detail: "the form body could not be read"));
        }

        if (form is null)
        {
            var detail = $"Twilio webhooks are limited to {options.MaxRequestBytes} bytes";
            return (null, Results.Problem(statusCode: 413, title: "Request too large", detail: detail));
        }

        var url = PublicUrl(http, options);
        var signature = http.Request.Headers["X-Twilio-Signature"].ToString();
        // Each value of a repeated name is its own pair: StringValues.ToString() would join them with commas,
        // which is not what Twilio signs (see TwilioSignature.Compute).
        var parameters = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty)));
        if (!TwilioSignature.IsValid(options.AuthToken, url, parameters, signature))
        {
            return (null, Results.Problem(statusCode: 403, title: "Forbidden", detail: "missing or invalid X-Twilio-Signature"));
        }

        return (form, null);
    }

    /// <summary>The URL Twilio called: the configured public base, or this request as seen after forwarded headers.</summary>
    public static string PublicUrl(HttpContext http, TwilioOptions options)
    {
        var pathAndQuery = $"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}";
        return options.PublicBaseUrl.Length > 0
            ? options.PublicBaseUrl.TrimEnd('/') + pathAndQuery
            : $"{http.Request.Scheme}://{http.Request.Host}{pathAndQuery}";
    }
}
