using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Android;

/// <summary>
/// Sends SMS through the phone's local server: <c>POST /message</c> with basic auth and
/// <c>{ id, textMessage: { text }, phoneNumbers, withDeliveryReport }</c>
/// (https://docs.sms-gate.app/features/sending-messages/). The app splits long text itself. We set the message
/// <c>id</c> to our own message id, so the sms:sent/delivered/failed webhooks map back, and a retried send after a
/// lost answer names the same message.
/// </summary>
public sealed class AndroidSender(IHttpClientFactory httpClients, IOptions<AndroidGatewayOptions> options)
    : IChannelSender
{
    public const string HttpClientName = "android-gateway";

    public IReadOnlyCollection<string> Channels { get; } = [ChannelNames.Sms];

    public string? Provider => ChannelProviders.Android;

    public static string GatewayId(long messageId) => "healthbot-" + messageId.ToString(CultureInfo.InvariantCulture);

    public static string ProviderId(string gatewayMessageId) => "android-" + gatewayMessageId;

    public async Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.CanSend)
        {
            return new SendResult.Fail("not-configured",
                "AndroidGateway:BaseUrl, AndroidGateway:Username and AndroidGateway__Password are not set");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        return await ProviderHttp.GuardAsync(async () =>
        {
            using var request = Request(item, settings);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var answer = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var (id, state) = Accepted(answer);
                return new SendResult.Sent(ProviderId(id ?? GatewayId(item.MessageId)), state);
            }

            // A retry after a lost answer repeats our id; should the app refuse it as a conflict, the phone already has
            // the message (an assumption: the docs do not list this answer), so it counts as sent, not as failed.
            return status == 409
                ? new SendResult.Sent(ProviderId(GatewayId(item.MessageId)), "queued")
                : ProviderHttp.Refused("android", status, answer);
        }, ct);
    }

    private static HttpRequestMessage Request(OutboxItem item, AndroidGatewayOptions settings)
    {
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Username}:{settings.Password}"));
        return new HttpRequestMessage(HttpMethod.Post, settings.BaseUrl.TrimEnd('/') + "/message")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", credentials) },
            Content = JsonContent.Create(new
            {
                id = GatewayId(item.MessageId),
                textMessage = new { text = item.Body },
                phoneNumbers = new[] { item.To },
                withDeliveryReport = true,
            }),
        };
    }

    /// <summary>The app answers 202 with the message state: <c>{ id, state: "Pending", recipients }</c>.</summary>
    private static (string? Id, string Status) Accepted(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            var root = json.RootElement;
            var id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            var state = root.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()
                : null;
            return (string.IsNullOrEmpty(id) ? null : id, state switch
            {
                "Sent" => "sent",
                "Delivered" => "delivered",
                _ => "queued",
            });
        }
        catch (JsonException)
        {
            return (null, "queued");
        }
    }
}
