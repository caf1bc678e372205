using System.Globalization;
using System.Net;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using HealthBot.Sms;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Kannel;

/// <summary>
/// Sends SMS through Kannel's sendsms HTTP interface (user guide, "Kannel HTTP interface for sending SMS"):
/// GSM-7 text as is, anything else as UCS-2 (<c>coding=2</c>, <c>charset=UTF-8</c>); Kannel splits long text into a
/// concatenated SMS (the sendsms-user's <c>concatenation</c> and <c>max-messages</c>). Each send asks for every
/// delivery report (<c>dlr-mask=31</c>) at a dlr-url that carries our message id, since sendsms returns no id.
/// </summary>
public sealed class KannelSender(IHttpClientFactory httpClients, IOptions<KannelOptions> options) : IChannelSender
{
    public const string HttpClientName = "kannel";

    public IReadOnlyCollection<string> Channels { get; } = [ChannelNames.Sms];

    public string? Provider => ChannelProviders.Kannel;

    public static string ProviderId(long messageId) => "kannel-" + messageId.ToString(CultureInfo.InvariantCulture);

    public async Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.CanSend)
        {
            return new SendResult.Fail("not-configured", "Kannel:SendSmsUrl, Kannel:Username and Kannel__Secret are not set");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        return await ProviderHttp.GuardAsync(async () =>
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(SendUrl(item, settings), timeout.Token);
            var answer = (await response.Content.ReadAsStringAsync(timeout.Token)).Trim();
            if (!response.IsSuccessStatusCode)
            {
                var refused = ProviderHttp.Refused(ChannelProviders.Kannel, (int)response.StatusCode, answer);
                // sendsms's 503 ("Temporal failure, try again later"): documented as not taken, so not in doubt.
                return response.StatusCode == HttpStatusCode.ServiceUnavailable && refused is SendResult.Retry retry
                    ? retry with { InDoubt = false }
                    : refused;
            }

            // Only sendsms's own answer means taken; any other 2xx (a captive portal's or proxy's page) may or may
            // not have reached Kannel: in doubt, sent again (Kannel has no lookup).
            return Taken(answer)
                ? new SendResult.Sent(ProviderId(item.MessageId), "queued")
                : new SendResult.Retry($"kannel-http-{(int)response.StatusCode}: not sendsms's answer: in doubt");
        }, ct);
    }

    /// <summary>
    /// sendsms's answers to a taken message (user guide, "Kannel HTTP interface for sending SMS"): "0: Accepted for
    /// delivery", or "3: Queued for later delivery" while the SMSC is down.
    /// </summary>
    public static bool Taken(string answer) =>
        answer.StartsWith("0: Accepted", StringComparison.OrdinalIgnoreCase) ||
        answer.StartsWith("3: Queued", StringComparison.OrdinalIgnoreCase);

    private static Uri SendUrl(OutboxItem item, KannelOptions settings)
    {
        var gsm = GsmCharset.CanEncode(item.Body);
        var dlr = $"{settings.CallbackBaseUrl.TrimEnd('/')}/webhooks/kannel/dlr?secret={Escape(settings.Secret)}" +
                  $"&ref={item.MessageId.ToString(CultureInfo.InvariantCulture)}&status=%d";
        var query = new List<(string, string)>
        {
            ("username", settings.Username), ("password", settings.Password), ("to", item.To), ("text", item.Body),
            ("charset", "UTF-8"), ("coding", gsm ? "0" : "2"), ("dlr-mask", "31"), ("dlr-url", dlr),
        };
        if (settings.From.Length > 0)
        {
            query.Add(("from", settings.From));
        }

        if (settings.SmscId.Length > 0)
        {
            query.Add(("smsc", settings.SmscId));
        }

        var separator = settings.SendSmsUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return new Uri(settings.SendSmsUrl + separator + string.Join('&', query.Select(q => $"{q.Item1}={Escape(q.Item2)}")));
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
