using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace HealthBot.Channels.Twilio;

/// <summary>Sends SMS and WhatsApp replies through the Twilio REST API with the official C# library.</summary>
public sealed class TwilioSender(IHttpClientFactory httpClients, IOptions<TwilioOptions> options, TwilioChannels channels)
    : IChannelSender
{
    public const string HttpClientName = "twilio";

    private readonly Lazy<TwilioRestClient> client = new(() => new TwilioRestClient(
        options.Value.AccountSid, options.Value.AuthToken, httpClient: new global::Twilio.Http.SystemNetHttpClient(httpClients.CreateClient(HttpClientName))));

    public IReadOnlyCollection<string> Channels => channels.Names;

    public string? Provider => ChannelProviders.Twilio;

    /// <summary>With credentials, it answers SMS and WhatsApp it received, whichever provider sends them.</summary>
    public IReadOnlyCollection<string> Answers =>
        options.Value.CanSend ? [ChannelNames.Sms, ChannelNames.WhatsApp] : channels.Names;

    /// <summary>Contacts are stored without Twilio's whatsapp: scheme (<see cref="ContactAddress"/>).</summary>
    public static string To(OutboxItem item) =>
        item.Channel == ChannelNames.WhatsApp ? ContactAddress.WithScheme(item.Channel, item.To) : item.To;

    /// <summary>
    /// A message sid: SM or MM and 32 hex digits (https://www.twilio.com/docs/glossary/what-is-a-sid).
    /// </summary>
    public static bool IsMessageSid(string sid) =>
        sid.Length == 34 && sid[..2] is "SM" or "MM" && sid[2..].All(char.IsAsciiHexDigit);

    public async Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.CanSend)
        {
            return new SendResult.Fail("not-configured", "Twilio:AccountSid and Twilio:AuthToken are not set");
        }

        var create = new CreateMessageOptions(new PhoneNumber(To(item)));
        if (item.Template is { } template)
        {
            if (template.ContentSid.Length == 0)
            {
                return new SendResult.Fail(
                    "no-content-sid", "the campaign's whatsAppTemplate has no Twilio contentSid");
            }

            // A Content API template (https://www.twilio.com/docs/content/send-templates-created-with-the-content-editor).
            create.ContentSid = template.ContentSid;
            create.ContentVariables = template.VariablesJson;
        }
        else
        {
            create.Body = item.Body;
        }

        if (settings.MessagingServiceSid.Length > 0)
        {
            create.MessagingServiceSid = settings.MessagingServiceSid;
        }
        else
        {
            create.From = new PhoneNumber(item.Channel == ChannelNames.WhatsApp ? settings.WhatsAppFrom : settings.SmsFrom);
        }

        if (settings.StatusCallbacks && settings.PublicBaseUrl.Length > 0)
        {
            create.StatusCallback = new Uri(settings.PublicBaseUrl.TrimEnd('/') + "/webhooks/twilio/status");
        }

        try
        {
            var message = await MessageResource.CreateAsync(create, client.Value).WaitAsync(ct);
            // Twilio's answer to a created message always has its sid (SM…/MM…). A 2xx without one (an empty
            // object, a captive portal's or proxy's page) says nothing about the message: in doubt, so the lookup
            // finds it or it is sent again, never recorded as queued under an id Twilio did not give.
            return message?.Sid is { } sid && IsMessageSid(sid)
                ? new SendResult.Sent(sid, message.Status?.ToString() ?? "queued")
                : new SendResult.Retry("twilio: a 2xx answer without a message sid: in doubt");
        }
        catch (ApiException ex) when (ex.Status == 0)
        {
            // Not an answer of Twilio's (the library could not read it as a message): in doubt.
            return new SendResult.Retry("twilio: an answer that is not Twilio's JSON: in doubt");
        }
        catch (ApiException ex) when (ex.Status is >= 400 and < 500 && ex.Status != 429)
        {
            // Permanent: bad number, opted out (21610), unverified sender… Retrying would only repeat the error.
            // 21610: the recipient replied STOP to this sender (https://www.twilio.com/docs/api/errors/21610).
            return new SendResult.Fail(ex.Code != 0 ? ex.Code.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"http-{ex.Status}", ex.Message, RecipientOptedOut: ex.Code == 21610);
        }
        catch (ApiException ex)
        {
            // 429: refused, not created (https://www.twilio.com/docs/api/errors/20429). A 5xx may have been created.
            return new SendResult.Retry($"http-{ex.Status} code {ex.Code}", InDoubt: ex.Status != 429);
        }
        catch (ApiConnectionException ex)
        {
            // The request may have reached Twilio before the connection broke: in doubt (the default), unless the
            // connection was refused or never made.
            return new SendResult.Retry($"connection: {ex.InnerException?.GetType().Name ?? ex.GetType().Name}",
                InDoubt: ex.InnerException is not HttpRequestException http || !ProviderHttp.NeverSent(http));
        }
        catch (HttpRequestException ex)
        {
            return new SendResult.Retry($"connection: {ex.HttpRequestError}", InDoubt: !ProviderHttp.NeverSent(ex));
        }
    }
}

/// <summary>
/// Sends the library's requests to <see cref="TwilioOptions.ApiBaseUrl"/> with the same path, so a local
/// Twilio-protocol peer can receive them. With the default base URL nothing changes.
/// </summary>
public sealed class TwilioApiBaseHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && Uri.TryCreate(options.Value.ApiBaseUrl, UriKind.Absolute, out var baseUri))
        {
            var builder = new UriBuilder(uri) { Scheme = baseUri.Scheme, Host = baseUri.Host, Port = baseUri.Port };
            var prefix = baseUri.AbsolutePath.TrimEnd('/');
            builder.Path = prefix + uri.AbsolutePath;
            request.RequestUri = builder.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
