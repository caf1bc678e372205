using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// Reads the application's data (<c>GET {ApiBaseUrl}/version1/user?username=…</c> with the <c>apiKey</c> header,
/// https://developers.africastalking.com/docs/application): up when the key is accepted and the answer is theirs,
/// <c>{"UserData": {"balance": "KES 1785.5000"}}</c>; the balance is shown, since at none messages wait (405). For
/// /readyz, the staff workspace and <c>healthbot doctor</c>; the detail says what to fix.
/// </summary>
public sealed class AfricasTalkingProbe(IHttpClientFactory httpClients, IOptions<AfricasTalkingOptions> options)
    : IProviderProbe
{
    public string Provider => AfricasTalkingProvider.Name;

    public async Task<ProviderProbe> ProbeAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.CanSend)
        {
            return new ProviderProbe(false, "AfricasTalking:Username or AfricasTalking__ApiKey is not set");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Get, settings.UserDataUrl);
        request.Headers.Add("apiKey", settings.ApiKey);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await httpClients.CreateClient(AfricasTalkingSender.HttpClientName)
            .SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        return response.StatusCode switch
        {
            _ when response.IsSuccessStatusCode => Read(body),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ProviderProbe(false,
                $"the API key is refused ({(int)response.StatusCode}): check AfricasTalking:Username (sandbox: " +
                "\"sandbox\" with ApiBaseUrl https://api.sandbox.africastalking.com) and AfricasTalking__ApiKey"),
            _ => new ProviderProbe(false, $"the user data answered {(int)response.StatusCode}: check " +
                                          "AfricasTalking:ApiBaseUrl and https://status.africastalking.com"),
        };
    }

    public static ProviderProbe Read(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object &&
                json.RootElement.TryGetProperty("UserData", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                var balance = data.TryGetProperty("balance", out var b) && b.ValueKind == JsonValueKind.String
                    ? AtForm.Clean(b.GetString()!)
                    : null;
                return new ProviderProbe(true, balance is { Length: > 0 and <= 40 }
                    ? $"messaging API answering, balance {balance}"
                    : "messaging API answering");
            }
        }
        catch (JsonException)
        {
        }

        return new ProviderProbe(false,
            "the user data answer is not Africa's Talking's (is AfricasTalking:ApiBaseUrl their API?)");
    }
}
