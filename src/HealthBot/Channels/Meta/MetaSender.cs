using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Meta;

/// <summary>
/// Sends WhatsApp messages with <c>POST /{version}/{phone-number-id}/messages</c> and a bearer token. Replies are
/// free text (the person just wrote, so the 24-hour window is open); a campaign message outside the window carries
/// its template from the campaign gate; the help reply becomes a list of topics. Should Meta still answer 131047
/// (the window closed meanwhile), the text goes once more inside the re-engagement template, if one is configured.
/// Meta has no way to look a sent message up, so a send left in doubt is sent again (at least once, never lost).
/// </summary>
public sealed class MetaSender(
    IHttpClientFactory httpClients, IOptions<MetaWhatsAppOptions> options, IMessageStore messages,
    MetaTopicMenu topics) : IChannelSender
{
    public const string HttpClientName = "meta-whatsapp";

    public IReadOnlyCollection<string> Channels { get; } = [ChannelNames.WhatsApp];

    public string? Provider => ChannelProviders.Meta;

    public async Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.CanSend)
        {
            return new SendResult.Fail("not-configured",
                "MetaWhatsApp:PhoneNumberId and MetaWhatsApp__AccessToken are not set");
        }

        if (item.Template is { } template && string.IsNullOrEmpty(template.Name))
        {
            return new SendResult.Fail("no-template-name", "the campaign's whatsAppTemplate has no name for Meta");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        return await ProviderHttp.GuardAsync(async () =>
        {
            var to = item.To.TrimStart('+');
            var (result, needsTemplate) = await PostAsync(await BodyAsync(item, to, timeout.Token), timeout.Token);
            if (!needsTemplate || item.Template is not null || settings.ReengagementTemplate.Length == 0)
            {
                return result;
            }

            var variables = JsonSerializer.Serialize(new Dictionary<string, string> { ["1"] = item.Body });
            var fallback = MetaRequests.Template(
                to, settings.ReengagementTemplate, await TemplateLanguageAsync(item, timeout.Token), variables);
            return (await PostAsync(fallback, timeout.Token)).Result;
        }, ct);
    }

    private async Task<object> BodyAsync(OutboxItem item, string to, CancellationToken ct)
    {
        if (item.Template is { Name: { } name } template)
        {
            return MetaRequests.Template(to, name, await TemplateLanguageAsync(item, ct), template.VariablesJson);
        }

        if (item.Kind == ReplyKind.Help && options.Value.TopicList && item.Body.Length <= 1024)
        {
            var language = (await messages.GetAsync(item.MessageId, ct))?.Language ?? "en";
            if (topics.Rows(language) is { Count: > 0 } rows)
            {
                return MetaRequests.List(to, item.Body, topics.Button(language), rows);
            }
        }

        return MetaRequests.Text(to, item.Body);
    }

    private async Task<string> TemplateLanguageAsync(OutboxItem item, CancellationToken ct) =>
        options.Value.TemplateLanguage((await messages.GetAsync(item.MessageId, ct))?.Language);

    private async Task<(SendResult Result, bool NeedsTemplate)> PostAsync(object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.MessagesUrl)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken) },
            Content = JsonContent.Create(body),
        };
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode
            ? (Accepted(answer), false)
            : MetaErrors.Map((int)response.StatusCode, answer);
    }

    /// <summary>Meta's answer: <c>{ contacts: [{ input, wa_id }], messages: [{ id, message_status }] }</c>.</summary>
    private static SendResult Accepted(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            var first = json.RootElement.TryGetProperty("messages", out var list) &&
                        list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
                ? list[0]
                : default;
            if (MetaWebhook.Str(first, "id") is { Length: > 0 } id)
            {
                return new SendResult.Sent(id, "accepted");
            }
        }
        catch (JsonException)
        {
        }

        // A 2xx without messages[0].id (an empty object, a proxy's page) is not Meta's answer to an accepted
        // message: it may or may not be out. In doubt, like a timeout; Meta has no lookup, so it is sent again
        // (at least once, Channels/README.md) rather than recorded as accepted and lost.
        return new SendResult.Retry("meta: a 2xx answer without messages[0].id: in doubt");
    }
}
