using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace HealthBot.Channels.Telegram;

/// <summary>
/// A Telegram bot through the Bot API (https://core.telegram.org/bots/api). Secrets come from environment variables
/// only: <c>Telegram__BotToken</c> (from @BotFather) and <c>Telegram__WebhookSecret</c> (our choice, given to Telegram
/// with setWebhook and sent back in every webhook's X-Telegram-Bot-Api-Secret-Token header).
/// </summary>
public sealed partial class TelegramOptions : IValidatableObject
{
    public const string Section = "Telegram";

    /// <summary>The Bot API host; point it at a local peer for tests.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>The bot's token from @BotFather ("123456:ABC-DEF…"). Environment variable only. Empty: off.</summary>
    public string BotToken { get; set; } = string.Empty;

    /// <summary>
    /// Compared (in constant time) with X-Telegram-Bot-Api-Secret-Token; 1-256 of A-Z, a-z, 0-9, _ and -, as
    /// Telegram allows. Environment variable only. Empty: the webhook answers 404 (polling still works).
    /// </summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>
    /// <c>webhook</c>: Telegram posts updates to /webhooks/telegram (needs a public HTTPS address).
    /// <c>polling</c>: HealthBot asks Telegram with getUpdates, for a box behind NAT without a public address.
    /// </summary>
    public string Mode { get; set; } = "webhook";

    /// <summary>The public HTTPS address Telegram posts to, for <c>healthbot telegram set-webhook</c>.</summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>How long one getUpdates call waits for an update (Telegram's long polling).</summary>
    [Range(0, 50)]
    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>
    /// How long one Bot API call may take. For a send it is the window in which the outcome is unknown: Telegram
    /// cannot be asked afterwards, so such a send goes again and may arrive twice. sendMessage answers in well under a
    /// second, so this stays short.
    /// </summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Largest webhook body accepted, in bytes (one update per request).</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    public bool CanSend => BotToken.Length > 0;

    public bool Polling => string.Equals(Mode, "polling", StringComparison.OrdinalIgnoreCase);

    public bool CanReceiveWebhook => CanSend && WebhookSecret.Length > 0 && !Polling;

    /// <summary>https://api.telegram.org/bot&lt;token&gt;/&lt;method&gt;, the Bot API's form of every call.</summary>
    public string MethodUrl(string method) => $"{ApiBaseUrl.TrimEnd('/')}/bot{BotToken}/{method}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"Telegram:ApiBaseUrl must be an http(s) URL, got '{ApiBaseUrl}'");
        }

        if (Mode.ToLowerInvariant() is not ("webhook" or "polling"))
        {
            yield return new ValidationResult($"Telegram:Mode must be webhook or polling, got '{Mode}'");
        }

        if (WebhookSecret.Length > 0 && !SecretShape().IsMatch(WebhookSecret))
        {
            yield return new ValidationResult(
                "Telegram:WebhookSecret must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)");
        }

        if (BotToken.Length > 0 && !TokenShape().IsMatch(BotToken))
        {
            yield return new ValidationResult("Telegram:BotToken must look like 123456789:AA… (from @BotFather)");
        }

        if (PublicBaseUrl.Length > 0 && !IsPublicUrl(PublicBaseUrl))
        {
            yield return new ValidationResult("Telegram:PublicBaseUrl must be an absolute https URL without spaces, " +
                                              "query or fragment (Telegram posts only there)");
        }
    }

    /// <summary>An address Telegram can post updates to: absolute https, no whitespace, query or fragment.</summary>
    public static bool IsPublicUrl(string url) =>
        !url.Any(char.IsWhiteSpace) && url.IndexOfAny(['?', '#']) < 0 &&
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps &&
        uri.UserInfo.Length == 0 && uri.Host.Length > 0;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();

    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex TokenShape();
}
