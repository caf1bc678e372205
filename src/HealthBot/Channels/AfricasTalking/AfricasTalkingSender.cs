using System.Globalization;
using System.Net.Http.Headers;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// Sends SMS with <c>POST {ApiBaseUrl}/version1/messaging</c> (https://developers.africastalking.com/docs/sms/sending):
/// form fields <c>username</c>, <c>to</c> (comma-separated), <c>message</c>, <c>from</c>, and the <c>apiKey</c> header.
/// Replies go one call each, at once; campaign messages with the same text are gathered for
/// <see cref="AfricasTalkingOptions.BulkWindowMilliseconds"/> into one call to many recipients (<see cref="AtBulk"/>).
/// The messageId of each recipient is what its delivery reports carry. Africa's Talking cannot be asked later whether
/// it took a message, so a send left in doubt is sent again (at least once, never lost).
/// </summary>
public sealed class AfricasTalkingSender : IChannelSender
{
    public const string HttpClientName = "africastalking";
    private readonly IHttpClientFactory httpClients;
    private readonly IOptions<AfricasTalkingOptions> options;
    private readonly AtBulk bulk;

    public AfricasTalkingSender(IHttpClientFactory httpClients, IOptions<AfricasTalkingOptions> options)
    {
        this.httpClients = httpClients;
        this.options = options;
        bulk = new AtBulk(PostAsync, options.Value);
    }

    public IReadOnlyCollection<string> Channels { get; } = [ChannelNames.Sms];

    public string? Provider => AfricasTalkingProvider.Name;

    /// <summary>API calls made, for the logs and tests: a campaign to many people should take few.</summary>
    public int Calls => calls;

    private int calls;

    public async Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct)
    {
        if (!options.Value.CanSend)
        {
            return new SendResult.Fail(
                "not-configured", "AfricasTalking:Username and AfricasTalking__ApiKey are not set");
        }

        if (item.Kind == "campaign" && options.Value.BulkWindowMilliseconds > 0)
        {
            return await bulk.SendAsync(item, ct);
        }

        // A reply goes from the short code the person wrote to (Channels/README.md, "Which provider answers").
        var from = options.Value.SendFrom(item.ReplyFrom);
        // A premium linkId belongs to the message the person sent to that short code: sent from any other sender
        // (SendFrom's fallback for a code not configured here) it is refused or billed to the wrong service
        // (https://developers.africastalking.com/docs/sms/sending/premium), so the reply goes without it. A message
        // stored before its code was (migration 0025) was answered from From, as it still is, with its linkId.
        var linkId = item.ReplyFrom is null || string.Equals(from, item.ReplyFrom, StringComparison.OrdinalIgnoreCase)
            ? item.LinkId
            : null;
        var results = await PostAsync([item.To], item.Body, linkId, from, ct);
        return results[AtSendAnswer.Digits(item.To)];
    }

    /// <summary>
    /// A bulk call: many recipients, no linkId (it belongs to one person's message), from the configured sender.
    /// </summary>
    private Task<IReadOnlyDictionary<string, SendResult>> PostAsync(
        IReadOnlyList<string> to, string message, CancellationToken ct) =>
        PostAsync(to, message, null, options.Value.From, ct);

    /// <summary>One API call; a result for each recipient, keyed by the number's digits.</summary>
    private async Task<IReadOnlyDictionary<string, SendResult>> PostAsync(
        IReadOnlyList<string> to, string message, string? linkId, string from, CancellationToken ct)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        Interlocked.Increment(ref calls);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.MessagingUrl)
        {
            Content = new FormUrlEncodedContent(Fields(settings, to, message, linkId, from)),
        };
        request.Headers.Add("apiKey", settings.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var answer = await response.Content.ReadAsStringAsync(timeout.Token);
            // Their error page is stored as the reason (without control characters), never logged: it may echo the
            // number and the text (Retry.Detail).
            return response.IsSuccessStatusCode
                ? AtSendAnswer.Read(answer, to)
                : All(to, ProviderHttp.Refused(
                    AfricasTalkingProvider.Name, (int)response.StatusCode, AtForm.Clean(answer)));
        }
        catch (HttpRequestException ex)
        {
            // Refused or unreachable before any byte left: a plain retry; otherwise it may have been taken.
            return All(to, new SendResult.Retry($"connection: {ex.HttpRequestError}",
                InDoubt: !ProviderHttp.NeverSent(ex)));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return All(to, new SendResult.Retry("timeout"));
        }
    }

    private static List<KeyValuePair<string, string>> Fields(
        AfricasTalkingOptions settings, IReadOnlyList<string> to, string message, string? linkId, string from)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("username", settings.Username), new("to", string.Join(',', to)), new("message", message),
        };
        if (from.Length > 0)
        {
            fields.Add(new("from", from));
        }

        return settings.Premium.Enabled ? [.. fields, .. PremiumFields(settings.Premium, linkId)] : fields;
    }

    /// <summary>
    /// https://developers.africastalking.com/docs/sms/premium: <c>bulkSMSMode=0</c> (the premium service, not our
    /// account, is billed), the <c>keyword</c>, and the <c>linkId</c> of the message answered, only on its reply.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string>> PremiumFields(
        AfricasTalkingPremiumOptions premium, string? linkId)
    {
        yield return new("bulkSMSMode", "0");
        if (premium.Keyword.Length > 0)
        {
            yield return new("keyword", premium.Keyword);
        }

        if (linkId is not null)
        {
            yield return new("linkId", linkId);
        }

        if (premium.RetryDurationInHours > 0)
        {
            yield return new(
                "retryDurationInHours", premium.RetryDurationInHours.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static Dictionary<string, SendResult> All(IReadOnlyList<string> to, SendResult result) =>
        to.Select(AtSendAnswer.Digits).Distinct().ToDictionary(d => d, _ => result);
}
