using HealthBot.Dialog;

namespace HealthBot.Channels;

/// <summary>How text travels on a channel, whichever provider carries it.</summary>
public enum TextEncoding
{
    /// <summary>
    /// SMS: GSM-7 when every character has a code (160, then 153 per part), UCS-2 otherwise (70, then 67).
    /// </summary>
    Sms,

    /// <summary>Any Unicode text, counted in characters.</summary>
    Unicode,
}

/// <summary>How a channel shows emphasis and lists: the reply composer turns the content's Markdown into it.</summary>
public enum TextFormatting
{
    /// <summary>Plain text: Markdown is sent as written (SMS keeps it short and plain already).</summary>
    Plain,

    /// <summary>WhatsApp's own *bold* and _italic_ (https://faq.whatsapp.com/539178204879377).</summary>
    WhatsApp,

    /// <summary>The page renders the content's Markdown itself.</summary>
    Markdown,
}

/// <summary>
/// A channel as people see it ("sms", "whatsapp", "webchat"…): its encoding, formatting and its own length limits.
/// Providers add their limits on top (<see cref="ProviderRegistration.Limits"/>). A provider folder registers the
/// channels it carries with <see cref="ProviderRegistration"/>; nothing else lists channel names.
/// </summary>
/// <param name="MaxChars">Characters in one message the channel itself accepts.</param>
/// <param name="MaxParts">How many messages one reply may become before its end is shortened.</param>
/// <param name="UseWebBody">Send the content's longer web body rather than its SMS body.</param>
/// <param name="Campaigns">Staff may target the channel with campaigns (a phone-number channel).</param>
public sealed record ChannelSpec(
    string Name, TextEncoding Encoding, TextFormatting Formatting, int MaxChars, int MaxParts, bool UseWebBody,
    bool Campaigns)
{
    /// <summary>Twilio's 1,600 characters (https://www.twilio.com/docs/api/errors/21617), our cap per SMS.</summary>
    public static readonly ChannelSpec Sms = new(
        ChannelNames.Sms, TextEncoding.Sms, TextFormatting.Plain, 1600, MaxParts: 2, UseWebBody: false,
        Campaigns: true);

    /// <summary>
    /// WhatsApp takes 4,096 characters of text
    /// (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages).
    /// </summary>
    public static readonly ChannelSpec WhatsApp = new(
        ChannelNames.WhatsApp, TextEncoding.Unicode, TextFormatting.WhatsApp, 4096, MaxParts: 2, UseWebBody: true,
        Campaigns: true);

    public static readonly ChannelSpec WebChat = new(
        ChannelNames.WebChat, TextEncoding.Unicode, TextFormatting.Markdown, 8000, MaxParts: 1, UseWebBody: true,
        Campaigns: false);

    /// <summary>The terminal chat shows what an SMS would say (or, with --web, the web chat).</summary>
    public static readonly ChannelSpec Terminal = Sms with
    {
        Name = ChannelNames.Terminal, MaxChars = 8000, MaxParts = 1, Campaigns = false,
        WhenWeb = new(ChannelNames.Terminal, TextEncoding.Unicode, TextFormatting.Plain, 8000, 1, true, false),
    };

    /// <summary>The shape when the person asked for the longer web text; null: this one with the web body.</summary>
    public ChannelSpec? WhenWeb { get; init; }

    /// <summary>
    /// Why a text cannot be an address on this channel (contact import), or null when it can; null for a channel
    /// addressed by phone number in international format, which the importer checks itself.
    /// </summary>
    public Func<string, string?>? AddressProblem { get; init; }

    /// <summary>The channels HealthBot ships, for shaping text without a running host (tests, benchmarks).</summary>
    public static ChannelSpec Standard(string name) =>
        new[] { Sms, WhatsApp, WebChat, Terminal }.FirstOrDefault(s => s.Name == name) ?? Unknown(name);

    /// <summary>A channel nobody registered (an old row, a test): plain Unicode text, one message.</summary>
    public static ChannelSpec Unknown(string name) =>
        new(name, TextEncoding.Unicode, TextFormatting.Plain, 8000, MaxParts: 1, UseWebBody: true, Campaigns: false);
}

/// <summary>A provider's own limit on one message of a channel: Twilio's 1,600 characters, Kannel's parts…</summary>
public sealed record MessageLimit(int? MaxChars = null, int? MaxSegments = null)
{
    public static readonly MessageLimit None = new();
}

/// <summary>
/// What a provider folder registers: its name, the channels it receives and (in this deployment) sends, and its
/// per-channel limits. <see cref="ChannelRegistry"/> is built from all of them.
/// </summary>
/// <param name="Sends">Channels this provider sends now (configuration chooses, e.g. Channels:Sms:Provider).</param>
/// <param name="Configured">False when the provider has no credentials: it stays off and says so.</param>
/// <param name="Note">What is missing or how it is set up, in words staff can act on (never a secret).</param>
public sealed record ProviderRegistration(
    string Name, IReadOnlyList<ChannelSpec> Channels, IReadOnlyList<string> Sends,
    IReadOnlyDictionary<string, MessageLimit> Limits, bool Configured, string Note)
{
    public MessageLimit LimitFor(string channel) => Limits.GetValueOrDefault(channel) ?? MessageLimit.None;
}
