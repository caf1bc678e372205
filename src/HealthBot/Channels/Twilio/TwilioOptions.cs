using System.ComponentModel.DataAnnotations;

namespace HealthBot.Channels.Twilio;

/// <summary>
/// The Twilio channel (SMS and WhatsApp). Secrets come from environment variables only:
/// <c>Twilio__AccountSid</c> and <c>Twilio__AuthToken</c>.
/// </summary>
public sealed class TwilioOptions : IValidatableObject
{
    public const string Section = "Twilio";

    public string AccountSid { get; set; } = string.Empty;

    /// <summary>Verifies X-Twilio-Signature and authenticates REST calls. Environment variable only.</summary>
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>Base of the REST API; point it at a local protocol peer for tests.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>The public https base URL Twilio calls (e.g. https://bot.example.org), when behind a proxy. Empty: from the request.</summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>Sender for SMS replies: a Twilio number in E.164, or empty when <see cref="MessagingServiceSid"/> is set.</summary>
    public string SmsFrom { get; set; } = string.Empty;

    /// <summary>Sender for WhatsApp replies, e.g. whatsapp:+14155238886.</summary>
    public string WhatsAppFrom { get; set; } = string.Empty;

    /// <summary>A Messaging Service (MG…) to send from instead of a number.</summary>
    public string MessagingServiceSid { get; set; } = string.Empty;

    /// <summary>Ask Twilio for delivery status callbacks (needs a public URL).</summary>
    public bool StatusCallbacks { get; set; } = true;

    /// <summary>Largest webhook body accepted, in bytes.</summary>
    [Range(1024, 1048576)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    public bool CanSend => AccountSid.Length > 0 && AuthToken.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"Twilio:ApiBaseUrl must be an absolute http(s) URL, got '{ApiBaseUrl}'");
        }

        if (PublicBaseUrl.Length > 0 && !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"Twilio:PublicBaseUrl must be an absolute URL, got '{PublicBaseUrl}'");
        }

        if (AccountSid.Length > 0 && !AccountSid.StartsWith("AC", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Twilio:AccountSid must start with AC");
        }
    }
}
