namespace HealthBot.Dialog;

/// <summary>
/// How replies are shaped for a channel: which curated body to use and the hard length limit.
/// Twilio accepts at most 1,600 characters per message (https://www.twilio.com/docs/api/errors/21617).
/// </summary>
public sealed record ChannelProfile(string Channel, bool UseWebBody, int MaxChars, bool SmsCost, int MaxParts)
{
    public const int TwilioMaxChars = 1600;

    public static ChannelProfile For(string channel, bool preferWeb = false) => channel switch
    {
        ChannelNames.Sms => new(channel, UseWebBody: preferWeb, TwilioMaxChars, SmsCost: true, MaxParts: 2),
        ChannelNames.WhatsApp => new(channel, UseWebBody: true, TwilioMaxChars, SmsCost: false, MaxParts: 2),
        ChannelNames.Terminal => new(channel, UseWebBody: preferWeb, 8000, SmsCost: !preferWeb, MaxParts: 1),
        _ => new(channel, UseWebBody: true, 8000, SmsCost: false, MaxParts: 1),
    };
}
