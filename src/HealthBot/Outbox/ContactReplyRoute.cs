using HealthBot.Channels;
using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Outbox;

/// <summary>
/// Where a message to a contact that answers none of theirs goes (a staff reply, the USSD menu's SMS) and the shape it
/// must take: the outbox sends such a row through the provider of the person's last message on the channel when that
/// one can send (<see cref="SenderRoutes.SenderFor"/>), so it is shaped for that provider's limits.
/// </summary>
public sealed class ContactReplyRoute(IMessageStore messages, SenderRoutes routes, ChannelRegistry channels)
{
    /// <summary>The provider that will send (null: the channel's chosen sender has no name) and its profile.</summary>
    public async Task<(string? Provider, ChannelProfile Profile)> ForAsync(
        long contactId, string channel, CancellationToken ct)
    {
        var via = await messages.LastInboundProviderAsync(contactId, channel, ct);
        var provider = routes.SenderFor(channel, via)?.Provider;
        return (provider, channels.Profile(channel, provider: provider));
    }
}
