using System.ComponentModel.DataAnnotations;

namespace HealthBot.Channels.Kannel;

/// <summary>
/// Kannel, the open-source SMS gateway (https://www.kannel.org/download/kannel-userguide-snapshot/userguide.html)
/// in front of a GSM modem or an operator's SMPP link. Secrets come from environment variables only:
/// <c>Kannel__Secret</c> (in the URLs Kannel calls) and <c>Kannel__Password</c> (the sendsms-user's password).
/// </summary>
public sealed class KannelOptions : IValidatableObject
{
    public const string Section = "Kannel";

    /// <summary>smsbox's sendsms interface, e.g. http://127.0.0.1:13013/cgi-bin/sendsms.</summary>
    public string SendSmsUrl { get; set; } = string.Empty;

    /// <summary>The sendsms-user's username.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The sendsms-user's password. Environment variable only.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Shared secret Kannel puts in the get-url and dlr-url. Kannel signs nothing. Environment variable only.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The sender number or short code shown to people (Kannel's <c>from</c>); empty: the SMSC's default.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>Send through this SMSC group (Kannel's <c>smsc</c>); empty: Kannel routes.</summary>
    public string SmscId { get; set; } = string.Empty;

    /// <summary>How Kannel reaches this service for delivery reports, e.g. http://127.0.0.1:5080.</summary>
    public string CallbackBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Addresses allowed to call the Kannel webhooks (smsbox's). Empty: loopback only (smsbox on the same box).
    /// No default entries, since configuration binding would merge a configured list into them.
    /// </summary>
    public string[] AllowedAddresses { get; set; } = [];

    /// <summary>Kannel's admin status page (for readiness), e.g. http://127.0.0.1:13000/status.txt.</summary>
    public string StatusUrl { get; set; } = string.Empty;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// The sendsms-user's <c>max-messages</c>: Kannel cuts a longer text silently, so a longer one is refused here
    /// with the reason instead. deploy/kannel/kannel.conf sets 30.
    /// </summary>
    [Range(1, 255)]
    public int MaxSegments { get; set; } = 30;

    public bool CanReceive => Secret.Length > 0;

    public bool CanSend => SendSmsUrl.Length > 0 && Username.Length > 0 && Secret.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { ("SendSmsUrl", SendSmsUrl), ("CallbackBaseUrl", CallbackBaseUrl) })
        {
            if (value.Length > 0 && !Uri.TryCreate(value, UriKind.Absolute, out _))
            {
                yield return new ValidationResult($"Kannel:{name} must be an absolute URL, got '{value}'");
            }
        }

        foreach (var address in AllowedAddresses)
        {
            if (!System.Net.IPAddress.TryParse(address, out _))
            {
                yield return new ValidationResult($"Kannel:AllowedAddresses has '{address}', which is not an IP address");
            }
        }
    }
}
