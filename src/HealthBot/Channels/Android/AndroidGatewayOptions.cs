using System.ComponentModel.DataAnnotations;

namespace HealthBot.Channels.Android;

/// <summary>
/// "SMS Gateway for Android" (https://github.com/capcom6/android-sms-gateway, Apache-2.0) in Local Server mode: the
/// app serves an HTTP API on the phone (https://docs.sms-gate.app/getting-started/local-server/) and posts signed
/// webhooks here. Secrets come from environment variables only: <c>AndroidGateway__Password</c> (the basic-auth
/// password the app shows) and <c>AndroidGateway__SigningKey</c> (Settings → Webhooks → Signing Key).
/// </summary>
public sealed class AndroidGatewayOptions : IValidatableObject
{
    public const string Section = "AndroidGateway";

    /// <summary>The phone's local server, e.g. http://192.168.1.50:8080.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The username shown in the app's Local Server section.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The password shown in the app's Local Server section. Environment variable only.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>
    /// The webhook signing key (HMAC-SHA256). Empty: the webhook answers 404. Environment variable only.
    /// </summary>
    public string SigningKey { get; set; } = string.Empty;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// The most SMS parts one message may take. The app splits long text itself and documents no limit, but
    /// operators refuse or drop very long concatenated SMS: a longer text is refused here with the reason.
    /// </summary>
    [Range(1, 255)]
    public int MaxSegments { get; set; } = 10;

    /// <summary>
    /// How far X-Timestamp may be from our clock; older (or newer) webhooks are refused as replays. The app's docs
    /// suggest ±5 minutes; the phone's clock must be set (it is, from the mobile network).
    /// </summary>
    public TimeSpan MaxSkew { get; set; } = TimeSpan.FromMinutes(5);

    public bool CanReceive => SigningKey.Length > 0;

    public bool CanSend => BaseUrl.Length > 0 && Username.Length > 0 && Password.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl.Length > 0 && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) &&
                                    uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult($"AndroidGateway:BaseUrl must be an http(s) URL, got '{BaseUrl}'");
        }

        if (MaxSkew < TimeSpan.FromSeconds(30) || MaxSkew > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult(
                $"AndroidGateway:MaxSkew must be between 00:00:30 and 01:00:00, got {MaxSkew}");
        }
    }
}
