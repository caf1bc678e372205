using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace HealthBot.Channels.Meta;

/// <summary>
/// The person's side of the peer: their messages and the delivery statuses, posted to <see cref="WebhookUrl"/> as
/// Meta posts them (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples), signed with
/// the app secret.
/// </summary>
public sealed partial class LocalMetaPeer
{
    private static readonly HttpClient Http = new();

    /// <summary>The last webhook body posted, for replaying it.</summary>
    public string LastWebhook { get; private set; } = string.Empty;

    /// <summary>The person types <paramref name="text"/>; returns HealthBot's answer status.</summary>
    public Task<HttpStatusCode> PersonSendsAsync(string waId, string text, string? id = null) =>
        PersonSendsAsync(waId, "text", new { body = text }, id);

    /// <summary>A message of any type with its type object (image, location, reaction, interactive…).</summary>
    public Task<HttpStatusCode> PersonSendsAsync(string waId, string type, object content, string? id = null)
    {
        lastInbound[waId] = Clock.GetUtcNow();
        var message = new Dictionary<string, object>
        {
            ["from"] = waId, ["id"] = id ?? NewId(), ["timestamp"] = Timestamp(), ["type"] = type, [type] = content,
        };
        return PostAsync(Notification(new Dictionary<string, object>
        {
            ["contacts"] = new[] { new { profile = new { name = "Test Person" }, wa_id = waId } },
            ["messages"] = new[] { message },
        }));
    }

    /// <summary>Meta learns the person wrote at <paramref name="at"/> (its 24-hour window), with no webhook.</summary>
    public void PersonWrote(string waId, DateTimeOffset at) => lastInbound[waId] = at;

    /// <summary>A status for a message this peer accepted; failed ones carry Meta's error code.</summary>
    public Task<HttpStatusCode> ReportAsync(string messageId, string status, int? errorCode = null)
    {
        var to = Received.FirstOrDefault(m => (string?)m["id"] == messageId)?["to"]?.GetValue<string>() ?? "";
        var item = new Dictionary<string, object>
        {
            ["id"] = messageId, ["status"] = status, ["timestamp"] = Timestamp(), ["recipient_id"] = to.TrimStart('+'),
        };
        if (errorCode is { } code)
        {
            item["errors"] = new[]
            {
                new { code, title = code == MetaErrors.Undeliverable ? "Message undeliverable" : "Error" },
            };
        }

        return PostAsync(Notification(new Dictionary<string, object> { ["statuses"] = new[] { item } }));
    }

    /// <summary>Posts a body as Meta does, signed; <paramref name="signature"/> overrides the signature.</summary>
    public async Task<HttpStatusCode> PostAsync(string body, string? signature = null)
    {
        LastWebhook = body;
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(MetaSignature.Header,
            signature ?? MetaSignature.Compute(AppSecret, Encoding.UTF8.GetBytes(body)));
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    private string Notification(Dictionary<string, object> value)
    {
        value["messaging_product"] = "whatsapp";
        value["metadata"] = new { display_phone_number = "15550783881", phone_number_id = PhoneNumberId };
        return JsonSerializer.Serialize(new
        {
            @object = "whatsapp_business_account",
            entry = new[] { new { id = "102290129340398", changes = new[] { new { value, field = "messages" } } } },
        });
    }

    private string Timestamp() => Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string NewId() => "wamid." + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=');
}
