using System.ComponentModel.DataAnnotations;

namespace HealthBot.Privacy;

/// <summary>
/// Protection of personal data at rest. The keys themselves come only from environment variables:
/// <c>HEALTHBOT_DATA_KEY</c> (current key, base64 of 32 bytes, optionally prefixed "id:"),
/// <c>HEALTHBOT_DATA_KEYS_PREVIOUS</c> (older keys, comma-separated, for rotation) and
/// <c>HEALTHBOT_LOOKUP_KEY</c> (the key of the address hash; defaults to one derived from the data key).
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Refuse to start without HEALTHBOT_DATA_KEY (production). Otherwise a development key file is created in the data folder.</summary>
    public bool RequireDataKey { get; set; }

    /// <summary>Message bodies older than this are erased (anonymous counts stay).</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the retention and forget job runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
