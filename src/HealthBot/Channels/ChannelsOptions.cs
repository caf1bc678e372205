using Microsoft.Extensions.Options;

namespace HealthBot.Channels;

/// <summary>Which provider sends each channel, and how providers are watched.</summary>
public sealed class ChannelsOptions
{
    public const string Section = "Channels";

    public ChannelChoice Sms { get; set; } = new();

    public ChannelChoice WhatsApp { get; set; } = new();

    /// <summary>How often each provider's health is checked.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A provider down this long is reported to staff.</summary>
    public TimeSpan DownAlertAfter { get; set; } = TimeSpan.FromMinutes(3);
}

public sealed class ChannelChoice
{
    public string Provider { get; set; } = ChannelProviders.Twilio;
}

/// <summary>
/// Checks the choices against what provider folders registered, so a new provider is a valid choice without an
/// edit here, and a misspelt one stops the start with the names that would work. A provider chosen in the settings
/// but left without its credentials stops the start too: the box would say "ready" while no SMS could arrive. (The
/// default, Twilio, may stay unconfigured: the quick start runs without it.)
/// </summary>
public sealed class ChannelsOptionsCheck(IEnumerable<ProviderRegistration> registrations, IConfiguration configuration)
    : IValidateOptions<ChannelsOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannelsOptions options)
    {
        var problems = new List<string>();
        foreach (var (channel, choice) in new[] { ("Sms", options.Sms), ("WhatsApp", options.WhatsApp) })
        {
            var carriers = registrations.Where(r => r.Channels.Any(c => c.Name == channel.ToLowerInvariant()))
                .Select(r => r.Name).Distinct().Order(StringComparer.Ordinal).ToList();
            if (!carriers.Contains(choice.Provider.Trim().ToLowerInvariant()))
            {
                problems.Add($"Channels:{channel}:Provider is '{choice.Provider}'; expected one of: " +
                             string.Join(", ", carriers));
            }
            else if (configuration[$"Channels:{channel}:Provider"] is { Length: > 0 }
                     && registrations.FirstOrDefault(r => r.Name == choice.Provider.Trim().ToLowerInvariant())
                         is { Configured: false } chosen)
            {
                problems.Add($"Channels:{channel}:Provider is '{chosen.Name}', but {chosen.Name} is {chosen.Note}");
            }
        }

        if (options.ProbeInterval < TimeSpan.FromSeconds(1) || options.DownAlertAfter < TimeSpan.Zero)
        {
            problems.Add("Channels:ProbeInterval must be at least 1 s and DownAlertAfter not negative");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
