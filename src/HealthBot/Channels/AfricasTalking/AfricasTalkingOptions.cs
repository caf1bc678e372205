using System.ComponentModel.DataAnnotations;
using System.Net;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// Africa's Talking (https://developers.africastalking.com): SMS through its messaging API, its callbacks (inbound
/// SMS, delivery reports, opt-outs) and a USSD health menu. Secrets come from environment variables only:
/// <c>AfricasTalking__ApiKey</c> (the <c>apiKey</c> header of every API call) and <c>AfricasTalking__CallbackSecret</c>
/// (put in every callback URL registered in their dashboard; Africa's Talking signs nothing).
/// </summary>
public sealed class AfricasTalkingOptions : IValidatableObject
{
    public const string Section = "AfricasTalking";

    /// <summary>Live: https://api.africastalking.com; sandbox: https://api.sandbox.africastalking.com.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.africastalking.com";

    /// <summary>The application's username (<c>sandbox</c> in the sandbox).</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The application's API key. Environment variable only.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The sender id or short code people see (<c>from</c>); empty: the account's default.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>
    /// The shared secret in each callback URL (<c>?secret=…</c>), at least 16 characters. Empty: the callbacks answer
    /// 404. Environment variable only.
    /// </summary>
    public string CallbackSecret { get; set; } = string.Empty;

    /// <summary>
    /// IP addresses allowed to call the callbacks, besides knowing the secret. Empty: any address (Africa's Talking
    /// publishes no fixed list; a reverse tunnel makes every caller loopback).
    /// </summary>
    public string[] AllowedAddresses { get; set; } = [];

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// Campaign messages with the same text that the outbox hands over within this many milliseconds go in one API
    /// call (comma-separated <c>to</c>). 0: one call per message.
    /// </summary>
    [Range(0, 2000)]
    public int BulkWindowMilliseconds { get; set; } = 200;

    /// <summary>Most recipients in one bulk call.</summary>
    [Range(1, 1000)]
    public int BulkMaxRecipients { get; set; } = 100;

    public AfricasTalkingUssdOptions Ussd { get; set; } = new();

    public bool CanReceive => CallbackSecret.Length > 0;

    public bool CanSend => Username.Length > 0 && ApiKey.Length > 0;

    public string MessagingUrl => ApiBaseUrl.TrimEnd('/') + "/version1/messaging";

    /// <summary>The application's data (its balance): what the health probe reads.</summary>
    public string UserDataUrl =>
        ApiBaseUrl.TrimEnd('/') + "/version1/user?username=" + Uri.EscapeDataString(Username);

    /// <summary>What is missing for the provider to work, in words staff can act on; null when nothing is.</summary>
    public string? Missing(bool sends) =>
        !CanReceive ? "off: AfricasTalking__CallbackSecret is not set"
        : sends && !CanSend ? "off: AfricasTalking:Username or AfricasTalking__ApiKey is not set"
        : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"AfricasTalking:ApiBaseUrl must be an http(s) URL, got '{ApiBaseUrl}'");
        }

        if (CallbackSecret.Length is > 0 and < 16)
        {
            yield return new ValidationResult("AfricasTalking:CallbackSecret must be at least 16 characters");
        }

        if (Username.Any(char.IsWhiteSpace) || From.Length > 16)
        {
            yield return new ValidationResult(
                "AfricasTalking:Username must have no spaces and AfricasTalking:From at most 16 characters");
        }

        foreach (var address in AllowedAddresses.Where(a => !IPAddress.TryParse(a, out _)))
        {
            yield return new ValidationResult($"AfricasTalking:AllowedAddresses has '{address}', not an IP address");
        }

        foreach (var problem in Ussd.Problems())
        {
            yield return new ValidationResult(problem);
        }
    }
}

/// <summary>The USSD health menu (https://developers.africastalking.com/docs/ussd/overview).</summary>
public sealed class AfricasTalkingUssdOptions
{
    /// <summary>Answer USSD sessions at /webhooks/africastalking/ussd.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Only sessions dialled on these service codes (e.g. <c>*384*123#</c>); empty: any of the account's.
    /// </summary>
    public string[] ServiceCodes { get; set; } = [];

    /// <summary>
    /// A USSD screen carries 160 octets: 182 GSM-7 characters, or 80 UCS-2 characters for other scripts (Hindi).
    /// Lower it for a network with a smaller limit.
    /// </summary>
    public int ScreenOctets { get; set; } = 160;

    /// <summary>
    /// How long the menu may take before it answers: an action still writing (an SMS, an alert) finishes after the
    /// answer instead of making the network drop the session.
    /// </summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromSeconds(3);

    internal IEnumerable<string> Problems()
    {
        if (ScreenOctets is < 60 or > 160)
        {
            yield return "AfricasTalking:Ussd:ScreenOctets must be between 60 and 160";
        }

        if (AnswerWithin < TimeSpan.FromMilliseconds(100) || AnswerWithin > TimeSpan.FromSeconds(20))
        {
            yield return "AfricasTalking:Ussd:AnswerWithin must be between 0.1 and 20 seconds";
        }
    }
}
