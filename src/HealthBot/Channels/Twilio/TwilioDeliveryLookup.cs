using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace HealthBot.Channels.Twilio;

/// <summary>
/// Finds messages Twilio already accepted by listing the recent ones to the same number from our sender
/// (https://www.twilio.com/docs/messaging/api/message-resource#read-multiple-message-resources) and matching the text.
/// Twilio has no idempotency key for creating a message, and a Message resource does not show the StatusCallback URL
/// or any other marker we could set, so recipient, sender, text and time are what identify it.
/// </summary>
public sealed class TwilioDeliveryLookup(
    IHttpClientFactory httpClients, IOptions<TwilioOptions> options, TwilioChannels channels)
    : IDeliveryLookup
{
    private readonly Lazy<TwilioRestClient> client = new(() => new TwilioRestClient(
        options.Value.AccountSid,
        options.Value.AuthToken,
        httpClient: new SystemNetHttpClient(httpClients.CreateClient(TwilioSender.HttpClientName))));

    public IReadOnlyCollection<string> Channels => channels.Names;

    public string Provider => ChannelProviders.Twilio;

    public async Task<IReadOnlyList<ProviderMessage>?> FindAsync(
        OutboxItem item, DateTimeOffset since, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.CanSend)
        {
            return []; // nothing can have been sent
        }

        var read = new ReadMessageOptions { To = new PhoneNumber(TwilioSender.To(item)), PageSize = 50, Limit = 50 };
        if (settings.MessagingServiceSid.Length == 0)
        {
            // With a Messaging Service Twilio picks the sender from its pool: only a fixed sender narrows the search.
            var from = item.Channel == ChannelNames.WhatsApp ? settings.WhatsAppFrom : settings.SmsFrom;
            read.From = new PhoneNumber(from);
        }

        var messages = await MessageResource.ReadAsync(read, client.Value).WaitAsync(ct);
        return messages
            .Where(m => m.Body == item.Body)
            .Where(m => m.DateCreated is not { } created || created.ToUniversalTime() >= since.UtcDateTime)
            .OrderBy(m => m.DateCreated ?? DateTime.MaxValue)
            .Select(m => new ProviderMessage(m.Sid, m.Status?.ToString() ?? "sent"))
            .ToList();
    }
}
