using HealthBot.Dialog;

namespace HealthBot.Channels;

/// <summary>
/// Every channel and provider this deployment has, built from the <see cref="ProviderRegistration"/>s that provider
/// folders add. Campaign channels, contact import, the guided form, the inbox, insights, readiness and the reply
/// composer read channels from here, so a new provider folder shows up everywhere without edits elsewhere.
/// </summary>
public sealed class ChannelRegistry
{
    private readonly Dictionary<string, ChannelSpec> channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProviderRegistration> senders = new(StringComparer.Ordinal);

    public ChannelRegistry(IEnumerable<ProviderRegistration> registrations)
    {
        Providers = registrations.GroupBy(r => r.Name).Select(g => g.Last())
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        foreach (var provider in Providers)
        {
            foreach (var spec in provider.Channels)
            {
                channels.TryAdd(spec.Name, spec);
            }

            foreach (var channel in provider.Sends)
            {
                if (!senders.TryAdd(channel, provider))
                {
                    throw new InvalidOperationException(
                        $"Both {senders[channel].Name} and {provider.Name} would send {channel}: choose one with " +
                        $"Channels:{channel}:Provider");
                }
            }
        }
    }

    public IReadOnlyList<ProviderRegistration> Providers { get; }

    /// <summary>Every registered channel, by name.</summary>
    public IReadOnlyList<ChannelSpec> Channels => channels.Values.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    /// <summary>The channels staff may target with campaigns: phone-number channels some provider sends.</summary>
    public IReadOnlyList<string> CampaignChannels =>
        Channels.Where(c => c.Campaigns && senders.ContainsKey(c.Name)).Select(c => c.Name).ToList();

    public ChannelSpec Spec(string channel) => channels.GetValueOrDefault(channel) ?? ChannelSpec.Standard(channel);

    /// <summary>The provider sending a channel in this deployment, or null.</summary>
    public ProviderRegistration? Sender(string channel) => senders.GetValueOrDefault(channel);

    /// <summary>
    /// The messages a provider's status callbacks may name: its own, and those from before providers were stored on
    /// the channels it sends (<see cref="Data.ProviderScope"/>).
    /// </summary>
    public Data.ProviderScope Scope(string provider) =>
        new(provider, senders.Where(s => s.Value.Name == provider).Select(s => s.Key).ToList());

    /// <summary>The providers that carry a channel (receiving or sending), for the inbox.</summary>
    public IReadOnlyList<string> ProvidersOf(string channel) =>
        Providers.Where(p => p.Channels.Any(c => c.Name == channel)).Select(p => p.Name).ToList();

    /// <summary>
    /// How replies on a channel are shaped: the channel's own limits and those of the provider that will send them,
    /// <paramref name="provider"/> (the one a reply is routed through, <c>Outbox/SenderRoutes.cs</c>) when it
    /// carries the channel, otherwise the channel's sending provider.
    /// </summary>
    public ChannelProfile Profile(string channel, bool preferWeb = false, string? provider = null)
    {
        var sender = Providers.FirstOrDefault(p => p.Name == provider && p.Channels.Any(c => c.Name == channel))
                     ?? Sender(channel);
        var spec = sender?.Channels.FirstOrDefault(c => c.Name == channel) ?? Spec(channel);
        return ChannelProfile.From(spec, sender?.LimitFor(channel) ?? MessageLimit.None, preferWeb);
    }

    /// <summary>
    /// Why a text cannot go out as one message of the provider sending it (<paramref name="via"/>, or the channel's
    /// sending provider), or null when it fits.
    /// </summary>
    public string? TooLong(string channel, string text, string? via = null)
    {
        var provider = Providers.FirstOrDefault(p => p.Name == via) ?? Sender(channel);
        var profile = ChannelProfile.From(Spec(channel), provider?.LimitFor(channel) ?? MessageLimit.None, false);
        if (provider is null || profile.Fits(text))
        {
            return null;
        }

        var measured = profile.SmsCost ? $"{Sms.SmsSegments.Analyze(text)}, {text.Length} characters"
            : $"{text.Length} characters";
        var allowed = profile.MaxSegments is { } parts
            ? $"{profile.MaxChars} characters and {parts} SMS parts"
            : $"{profile.MaxChars} characters";
        return $"too long for {provider.Name}: {measured}; it sends at most {allowed} per message";
    }
}
