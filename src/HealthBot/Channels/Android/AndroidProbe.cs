using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Android;

/// <summary>
/// Reads the phone's <c>GET /health</c> (https://docs.sms-gate.app/features/health/). The app's overall status counts
/// the internet connection, which an offline deployment never has; so the phone is up when it answers and no check
/// but <c>connection:*</c> fails (battery under 10%, or every message of the last hour failed).
/// </summary>
public sealed class AndroidProbe(IHttpClientFactory httpClients, IOptions<AndroidGatewayOptions> options)
    : IProviderProbe
{
    public string Provider => ChannelProviders.Android;

    public async Task<ProviderProbe> ProbeAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        using var response = await httpClients.CreateClient(AndroidSender.HttpClientName)
            .GetAsync(options.Value.BaseUrl.TrimEnd('/') + "/health", timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        return response.IsSuccessStatusCode
            ? Read(body)
            : new ProviderProbe(false, $"health answered {(int)response.StatusCode}");
    }

    public static ProviderProbe Read(string health)
    {
        JsonElement checks;
        try
        {
            using var json = JsonDocument.Parse(health);
            if (!json.RootElement.TryGetProperty("checks", out var c) || c.ValueKind != JsonValueKind.Object)
            {
                return new ProviderProbe(false, "the health answer has no checks (is this the SMS gateway app?)");
            }

            checks = c.Clone();
        }
        catch (JsonException)
        {
            return new ProviderProbe(false, "the health answer is not JSON (is this the SMS gateway app?)");
        }

        var failing = checks.EnumerateObject()
            .Where(c => !c.Name.StartsWith("connection:", StringComparison.Ordinal) && Status(c.Value) == "fail")
            .Select(c => Describe(c.Name, c.Value)).ToList();
        if (failing.Count > 0)
        {
            return new ProviderProbe(false, string.Join("; ", failing));
        }

        var battery = checks.TryGetProperty("battery:level", out var b) ? Describe("battery:level", b) : null;
        return new ProviderProbe(true, battery is null ? "phone answering" : $"phone answering, {battery}");
    }

    private static string? Status(JsonElement check) =>
        check.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;

    private static string Describe(string name, JsonElement check)
    {
        var value = check.TryGetProperty("observedValue", out var v) ? v.ToString() : "?";
        return name switch
        {
            "battery:level" => $"battery {value}%",
            "messages:failed" => $"{value} failed messages in the last hour",
            _ => $"{name} {value}",
        };
    }
}
