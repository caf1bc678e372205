using HealthBot.Channels;
using HealthBot.Sms;

namespace HealthBot.Dialog;

/// <summary>
/// How replies are shaped for a channel: which curated body to use, the formatting, and the hard limits of the
/// channel and of the provider sending it. Built from the registrations (<see cref="ChannelRegistry.Profile"/>).
/// </summary>
public sealed record ChannelProfile(string Channel, bool UseWebBody, int MaxChars, bool SmsCost, int MaxParts)
{
    /// <summary>Twilio's most characters a message (https://www.twilio.com/docs/api/errors/21617).</summary>
    public const int TwilioMaxChars = 1600;

    public TextFormatting Formatting { get; init; } = TextFormatting.Plain;

    /// <summary>The sending provider's most SMS parts per message (Kannel's max-messages…), or none.</summary>
    public int? MaxSegments { get; init; }

    /// <summary>The shape of a channel HealthBot ships, without a provider's limits (tests, benchmarks).</summary>
    public static ChannelProfile For(string channel, bool preferWeb = false) =>
        From(ChannelSpec.Standard(channel), MessageLimit.None, preferWeb);

    public static ChannelProfile From(ChannelSpec spec, MessageLimit limit, bool preferWeb)
    {
        var shape = preferWeb ? spec.WhenWeb ?? spec with { UseWebBody = true } : spec;
        var sms = shape.Encoding == TextEncoding.Sms;
        var maxChars = Math.Min(shape.MaxChars, limit.MaxChars ?? int.MaxValue);
        return new ChannelProfile(shape.Name, shape.UseWebBody, maxChars, sms, PartsFor(shape, limit, maxChars, sms))
        {
            Formatting = shape.Formatting,
            MaxSegments = sms ? limit.MaxSegments : null,
        };
    }

    /// <summary>
    /// A provider that sends fewer SMS parts per message (Kannel's max-messages) gets the same text in more messages,
    /// never a shorter one: an outside test saw the danger signs cut from a Hindi answer. The segments paid are the
    /// same; the cap keeps a misconfigured limit of 1 from sending dozens.
    /// </summary>
    private static int PartsFor(ChannelSpec shape, MessageLimit limit, int maxChars, bool sms)
    {
        if (!sms || limit.MaxSegments is not { } segments)
        {
            return shape.MaxParts;
        }

        var perMessage = segments * SmsSegments.Ucs2Part;
        var needed = (shape.MaxParts * maxChars + perMessage - 1) / perMessage;
        return Math.Clamp(needed, shape.MaxParts, MostParts);
    }

    private const int MostParts = 30;

    /// <summary>Whether one message with this text is within every limit (SMS parts counted as sent).</summary>
    public bool Fits(string text) =>
        text.Length <= MaxChars && (MaxSegments is not { } max || SmsSegments.Analyze(text).Segments <= max);

    /// <summary>The most characters of this kind of text that fit one message (UCS-2 parts are shorter).</summary>
    public int MaxCharsFor(string text)
    {
        if (MaxSegments is not { } max)
        {
            return MaxChars;
        }

        var (single, part) = GsmCharset.CanEncode(text)
            ? (SmsSegments.GsmSingle, SmsSegments.GsmPart)
            : (SmsSegments.Ucs2Single, SmsSegments.Ucs2Part);
        return Math.Min(MaxChars, max == 1 ? single : max * part);
    }
}
