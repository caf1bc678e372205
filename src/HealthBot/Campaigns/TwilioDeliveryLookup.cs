using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace HealthBot.Campaigns;

/// <summary>
/// Finds a message Twilio already accepted, by listing the recent messages to the same number
/// (https://www.twilio.com/docs/messaging/api/message-resource#read-multiple-message-resources) and matching the body.
/// Twilio has no idempotency key for creating messages, so this is how a send left in doubt by a crash is settled.
/// </summary>
public sealed class TwilioDeliveryLookup(IHttpClientFactory httpClients, IOptions<TwilioOptions> options) : IDeliveryLookup
{
    private readonly Lazy<TwilioRestClient> client = new(() => new TwilioRestClient(
        options.Value.AccountSid, options.Value.AuthToken, httpClient: new global::Twilio.Http.SystemNetHttpClient(httpClients.CreateClient(TwilioSender.HttpClientName))));

    public IReadOnlyCollection<string> Channels { get; } = [ChannelNames.Sms, ChannelNames.WhatsApp];

    public async Task<string?> FindAsync(OutboxItem item, DateTimeOffset since, CancellationToken ct)
    {
        if (!options.Value.CanSend)
        {
            return null;
        }

        var messages = await MessageResource.ReadAsync(new ReadMessageOptions { To = new PhoneNumber(item.To), PageSize = 50, Limit = 50 }, client.Value).WaitAsync(ct);
        return messages.FirstOrDefault(m => m.Body == item.Body && (m.DateCreated is not { } created || created.ToUniversalTime() >= since.UtcDateTime))?.Sid;
    }
}
