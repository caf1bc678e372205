namespace HealthBot.Channels;

/// <summary>
/// Which provider sends each channel: <c>Channels:Sms:Provider</c> (twilio | kannel | android) and
/// <c>Channels:WhatsApp:Provider</c> (twilio | meta). A deployment may receive on several providers at once.
/// </summary>
public static class ChannelProviders
{
    public const string Twilio = "twilio";
    public const string Kannel = "kannel";
    public const string Android = "android";
    public const string Meta = "meta";

    public static readonly IReadOnlyList<string> SmsProviders = [Twilio, Kannel, Android];
    public static readonly IReadOnlyList<string> WhatsAppProviders = [Twilio, Meta];

    public static string SmsProvider(IConfiguration configuration)
    {
        var provider = (configuration["Channels:Sms:Provider"] ?? Twilio).Trim().ToLowerInvariant();
        return SmsProviders.Contains(provider)
            ? provider
            : throw new InvalidOperationException(
                $"Channels:Sms:Provider is '{provider}'; expected one of: {string.Join(", ", SmsProviders)}");
    }

    public static string WhatsAppProvider(IConfiguration configuration)
    {
        var provider = (configuration["Channels:WhatsApp:Provider"] ?? Twilio).Trim().ToLowerInvariant();
        return WhatsAppProviders.Contains(provider)
            ? provider
            : throw new InvalidOperationException(
                $"Channels:WhatsApp:Provider is '{provider}'; expected one of: {string.Join(", ", WhatsAppProviders)}");
    }
}
