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
    /// Other short codes and numbers of this account that people write to: the reply to an SMS sent to one of them
    /// goes from it (the callback's <c>to</c>). Campaigns go from <see cref="From"/>.
    /// </summary>
    public string[] ShortCodes { get; set; } = [];

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

    /// <summary>A premium (on-demand) short code: its replies carry the person's linkId.</summary>
    public AfricasTalkingPremiumOptions Premium { get; set; } = new();

    public bool CanReceive => CallbackSecret.Length > 0;

    public bool CanSend => Username.Length > 0 && ApiKey.Length > 0;

    /// <summary>
    /// The <c>from</c> of a reply to a person who wrote to <paramref name="wroteTo"/>: that code when it is one of ours
    /// (<see cref="From"/> or <see cref="ShortCodes"/>). Any other code falls back to <see cref="From"/>: Africa's
    /// Talking refuses a sender the account does not own (InvalidSenderId), and a callback's <c>to</c> may name a
    /// shared short code's number or a code added in their dashboard but not here; the person still gets an answer.
    /// </summary>
    public string SendFrom(string? wroteTo) =>
        wroteTo is { Length: > 0 } code && (string.Equals(code, From, StringComparison.OrdinalIgnoreCase) ||
                                            ShortCodes.Contains(code, StringComparer.OrdinalIgnoreCase))
            ? code
            : From;

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

        foreach (var code in ShortCodes.Where(c => c.Length is 0 or > 16 || c.Any(char.IsWhiteSpace)))
        {
            yield return new ValidationResult(
                $"AfricasTalking:ShortCodes has '{code}': each must be 1 to 16 characters without spaces");
        }

        foreach (var address in AllowedAddresses.Where(a => !IPAddress.TryParse(a, out _)))
        {
            yield return new ValidationResult($"AfricasTalking:AllowedAddresses has '{address}', not an IP address");
        }

        if (Premium.Keyword.Any(char.IsWhiteSpace) || Premium.RetryDurationInHours is < 0 or > 72)
        {
            yield return new ValidationResult(
                "AfricasTalking:Premium:Keyword must be one word and RetryDurationInHours between 0 and 72");
        }

        foreach (var problem in Ussd.Problems())
        {
            yield return new ValidationResult(problem);
        }
    }
}

/// <summary>
/// A premium or on-demand short code (https://developers.africastalking.com/docs/sms/premium): every send goes with
/// <c>bulkSMSMode=0</c> and the <c>keyword</c>, and the reply to a person's message with the <c>linkId</c> that came
/// with it, so the network delivers it as the answer to that message. Campaigns have no message to answer and go
/// without one (linkIds expire).
/// </summary>
public sealed class AfricasTalkingPremiumOptions
{
    public bool Enabled { get; set; }

    /// <summary>The premium keyword registered with Africa's Talking for the short code (e.g. <c>HEALTH</c>).</summary>
    public string Keyword { get; set; } = string.Empty;

    /// <summary>Hours Africa's Talking retries an undelivered premium message; 0: its default, not sent.</summary>
    public int RetryDurationInHours { get; set; }
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
