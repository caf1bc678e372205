using System.ComponentModel.DataAnnotations;

namespace HealthBot.Channels;

/// <summary>Which provider sends each channel, and how providers are watched.</summary>
public sealed class ChannelsOptions : IValidatableObject
{
    public const string Section = "Channels";

    public ChannelChoice Sms { get; set; } = new();

    public ChannelChoice WhatsApp { get; set; } = new();

    /// <summary>How often each provider's health is checked.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A provider down this long is reported to staff.</summary>
    public TimeSpan DownAlertAfter { get; set; } = TimeSpan.FromMinutes(3);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ChannelProviders.SmsProviders.Contains(Sms.Provider))
        {
            yield return new ValidationResult(
                $"Channels:Sms:Provider is '{Sms.Provider}'; expected one of: {string.Join(", ", ChannelProviders.SmsProviders)}");
        }

        if (!ChannelProviders.WhatsAppProviders.Contains(WhatsApp.Provider))
        {
            var expected = string.Join(", ", ChannelProviders.WhatsAppProviders);
            yield return new ValidationResult(
                $"Channels:WhatsApp:Provider is '{WhatsApp.Provider}'; expected one of: {expected}");
        }

        if (ProbeInterval < TimeSpan.FromSeconds(1) || DownAlertAfter < TimeSpan.Zero)
        {
            yield return new ValidationResult("Channels:ProbeInterval must be at least 1 s and DownAlertAfter not negative");
        }
    }
}

public sealed class ChannelChoice
{
    [Required]
    public string Provider { get; set; } = ChannelProviders.Twilio;
}
