namespace HealthBot.Channels;

/// <summary>
/// Which provider sends each channel: <c>Channels:Sms:Provider</c> (twilio | kannel | android) and
/// <c>Channels:WhatsApp:Provider</c> (twilio). A deployment may receive on several providers at once.
/// </summary>
public static class ChannelProviders
{
    public const string Twilio = "twilio";
    public const string Kannel = "kannel";
    public const string Android = "android";

    public static readonly IReadOnlyList<string> SmsProviders = [Twilio, Kannel, Android];

    public static string SmsProvider(IConfiguration configuration)
    {
        var provider = (configuration["Channels:Sms:Provider"] ?? Twilio).Trim().ToLowerInvariant();
        return SmsProviders.Contains(provider)
            ? provider
            : throw new InvalidOperationException(
                $"Channels:Sms:Provider is '{provider}'; expected one of: {string.Join(", ", SmsProviders)}");
    }
}
