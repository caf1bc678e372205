using System.ComponentModel.DataAnnotations;

namespace HealthBot.Channels.Meta;

/// <summary>
/// WhatsApp through Meta's Cloud API directly (https://developers.facebook.com/docs/whatsapp/cloud-api). Secrets come
/// from environment variables only: <c>MetaWhatsApp__AccessToken</c> (a system user token),
/// <c>MetaWhatsApp__AppSecret</c> (signs the webhooks) and <c>MetaWhatsApp__VerifyToken</c> (our choice, typed into
/// the app dashboard when subscribing the webhook).
/// </summary>
public sealed class MetaWhatsAppOptions : IValidatableObject
{
    public const string Section = "MetaWhatsApp";

    /// <summary>The Graph API host; point it at a local peer for tests.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://graph.facebook.com";

    /// <summary>The Graph API version in every path.</summary>
    [Required]
    public string ApiVersion { get; set; } = "v21.0";

    /// <summary>The business phone number's id (not the number itself), from WhatsApp Manager → API setup.</summary>
    public string PhoneNumberId { get; set; } = string.Empty;

    /// <summary>Bearer token for sending. Environment variable only.</summary>
    public string AccessToken { get; set; } = string.Empty;

    /// <summary>The app secret: X-Hub-Signature-256 is keyed with it. Empty: the webhook answers 404.</summary>
    public string AppSecret { get; set; } = string.Empty;

    /// <summary>Answers Meta's GET verification (hub.verify_token). Environment variable only.</summary>
    public string VerifyToken { get; set; } = string.Empty;

    /// <summary>
    /// A template sent when Meta refuses free text because the 24-hour window closed (error 131047) and the message
    /// has no campaign template: its one body variable is the text. Empty: such a message fails with the reason.
    /// </summary>
    public string ReengagementTemplate { get; set; } = string.Empty;

    /// <summary>Our language code → the language code the templates were approved in at Meta.</summary>
    public Dictionary<string, string> TemplateLanguages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Send the help reply as an interactive list of topics (tapping one asks about it).</summary>
    public bool TopicList { get; set; } = true;

    /// <summary>The content ids offered in the list, at most 10, in this order.</summary>
    public List<string> TopicIds { get; set; } = [];

    /// <summary>Used when <see cref="TopicIds"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> DefaultTopicIds =
    [
        "malaria-prevention", "diarrhoea-ors", "pregnancy-danger-signs", "childhood-vaccination", "fever-child",
        "family-planning", "hiv-testing", "breastfeeding", "handwashing", "mental-health",
    ];

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>Largest webhook body accepted, in bytes (Meta batches up to 1,000 updates in one).</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    public bool CanReceive => AppSecret.Length > 0;

    public bool CanSend => PhoneNumberId.Length > 0 && AccessToken.Length > 0;

    public string MessagesUrl => $"{ApiBaseUrl.TrimEnd('/')}/{ApiVersion}/{PhoneNumberId}/messages";

    /// <summary>The template language for a person's language: as configured, else the same code.</summary>
    public string TemplateLanguage(string? language) =>
        TemplateLanguages.GetValueOrDefault(language ?? "en") ?? language ?? "en";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"MetaWhatsApp:ApiBaseUrl must be an http(s) URL, got '{ApiBaseUrl}'");
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(ApiVersion, @"^v[0-9]+\.[0-9]+$"))
        {
            yield return new ValidationResult($"MetaWhatsApp:ApiVersion must look like v21.0, got '{ApiVersion}'");
        }

        if (TopicIds.Count > 10)
        {
            yield return new ValidationResult("MetaWhatsApp:TopicIds may list at most 10 topics (WhatsApp's limit)");
        }

        if (PhoneNumberId.Length > 0 && !PhoneNumberId.All(char.IsAsciiDigit))
        {
            yield return new ValidationResult("MetaWhatsApp:PhoneNumberId must be the numeric id, not the number");
        }
    }
}
