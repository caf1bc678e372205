using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Meta;

/// <summary>
/// Reads the business phone number (<c>GET /{version}/{phone-number-id}?fields=…</c>,
/// https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account-to-number-current-status/):
/// up when the token is accepted; the quality rating is shown, since a RED number is about to be limited.
/// </summary>
public sealed class MetaProbe(IHttpClientFactory httpClients, IOptions<MetaWhatsAppOptions> options) : IProviderProbe
{
    public string Provider => ChannelProviders.Meta;

    public async Task<ProviderProbe> ProbeAsync(CancellationToken ct)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var url = $"{settings.ApiBaseUrl.TrimEnd('/')}/{settings.ApiVersion}/{settings.PhoneNumberId}" +
                  "?fields=display_phone_number,quality_rating,verified_name";
        using var request = new HttpRequestMessage(HttpMethod.Get, url)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken) },
        };
        var client = httpClients.CreateClient(MetaSender.HttpClientName);
        using var response = await client.SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        return response.IsSuccessStatusCode
            ? Read(body)
            : new ProviderProbe(false, $"the Graph API answered {(int)response.StatusCode}" +
                                      (response.StatusCode == System.Net.HttpStatusCode.Unauthorized
                                          ? " (is MetaWhatsApp__AccessToken valid?)"
                                          : string.Empty));
    }

    public static ProviderProbe Read(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var quality = MetaWebhook.Str(json.RootElement, "quality_rating") ?? "UNKNOWN";
            return new ProviderProbe(true, $"number answering, quality {quality}");
        }
        catch (JsonException)
        {
            return new ProviderProbe(false, "the phone number answer is not JSON (is ApiBaseUrl the Graph API?)");
        }
    }
}
