using HealthBot.Channels;
using HealthBot.Data;

namespace HealthBot.Outbox;

/// <summary>
/// Which sender takes an outbox row: the provider that carried the message it answers, when that provider can send on
/// the channel (an SMS that came in through Africa's Talking is answered through Africa's Talking, even where Twilio
/// sends the deployment's SMS); otherwise the channel's chosen sender (<c>Channels:&lt;Channel&gt;:Provider</c>).
/// Channels/README.md, "Which provider answers", says why.
/// </summary>
public sealed class SenderRoutes
{
    private readonly Dictionary<string, IChannelSender> byChannel;
    private readonly Dictionary<(string Channel, string Provider), IChannelSender> byProvider;

    public SenderRoutes(IEnumerable<IChannelSender> senders, ChannelRegistry registry)
    {
        var list = senders.ToList();
        // The last sender registered for a channel wins, so a deployment or test can replace one. A provider's
        // sender that is not the channel's chosen one only answers the messages its provider carried.
        byChannel = list
            .SelectMany(s => s.Channels.Where(c => Chosen(s, c, registry)).Select(c => (Channel: c, Sender: s)))
            .GroupBy(x => x.Channel).ToDictionary(g => g.Key, g => g.Last().Sender);
        byProvider = list.Where(s => s.Provider is not null)
            .SelectMany(s => s.Answers.Concat(s.Channels).Distinct().Select(c => (Key: (c, s.Provider!), Sender: s)))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Last().Sender);
    }

    /// <summary>The channels some sender takes.</summary>
    public IReadOnlyCollection<string> Channels => byChannel.Keys;

    /// <summary>
    /// The sender for a row, and the row as it is given to it: a premium linkId and the short code the person wrote
    /// to only go to the provider that carried their message. A replacement sender with no provider name (a test's,
    /// the terminal) takes every row of its channel.
    /// </summary>
    public (IChannelSender Sender, OutboxItem Item) For(OutboxItem item)
    {
        var sender = SenderFor(item.Channel, item.Via)
                     ?? throw new KeyNotFoundException($"no sender takes the {item.Channel} channel");
        return (sender, item.Via == sender.Provider ? item : item with { LinkId = null, ReplyFrom = null });
    }

    /// <summary>
    /// The sender of a reply on <paramref name="channel"/> to a message <paramref name="via"/> carried (null: a
    /// campaign or an old message): the reply composer shapes the text for it. Null when no sender takes the channel.
    /// </summary>
    public IChannelSender? SenderFor(string channel, string? via)
    {
        if (!byChannel.TryGetValue(channel, out var chosen))
        {
            return null;
        }

        return chosen.Provider is not null && via is not null && via != chosen.Provider &&
               byProvider.TryGetValue((channel, via), out var carrier)
            ? carrier
            : chosen;
    }

    /// <summary>
    /// One sending lane per sender: the rows it takes (those <see cref="For"/> gives it), so the outbox can claim and
    /// send them apart from the other senders' and a provider that hangs holds up only its own rows.
    /// </summary>
    public IReadOnlyList<SendLane> Lanes()
    {
        var shares = new List<(IChannelSender Sender, OutboxShare Share)>();
        foreach (var (channel, chosen) in byChannel)
        {
            // Providers that answer what they carried on this channel, when another is the chosen one.
            var carriers = chosen.Provider is null
                ? []
                : byProvider.Where(p => p.Key.Channel == channel && p.Key.Provider != chosen.Provider).ToList();
            shares.Add((chosen, new OutboxShare(channel, NotVia: carriers.Select(c => c.Key.Provider).ToList())));
            shares.AddRange(carriers.Select(c => (c.Value, new OutboxShare(channel, Via: c.Key.Provider))));
        }

        return shares.GroupBy(s => s.Sender, ReferenceEqualityComparer.Instance)
            .Select(g => new SendLane(
                ((IChannelSender)g.Key!).Provider ?? string.Join('+', g.Select(s => s.Share.Channel)),
                g.Select(s => s.Share).ToList()))
            .ToList();
    }

    private static bool Chosen(IChannelSender sender, string channel, ChannelRegistry registry) =>
        sender.Provider is null || registry.Sender(channel)?.Name is not { } chosen || chosen == sender.Provider;
}

/// <summary>The rows one sender takes (<see cref="SenderRoutes.Lanes"/>); <paramref name="Name"/> for logs.</summary>
public sealed record SendLane(string Name, IReadOnlyList<OutboxShare> Shares);

