using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthBot.Campaigns;

/// <summary>
/// What staff write to create a campaign (a JSON file for <c>healthbot campaign create</c>, or the API body).
/// Stored as JSON with the campaign, so a definition reads back exactly as it was accepted.
/// </summary>
public sealed record CampaignDefinition(
    string Name,
    IReadOnlyList<string> Channels,
    AudienceFilter? Audience,
    CampaignSchedule Schedule,
    IReadOnlyList<CampaignMessage> Messages,
    WhatsAppTemplate? WhatsAppTemplate = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public AudienceFilter Who => Audience ?? new AudienceFilter(null, null, null, null);

    public static CampaignDefinition Parse(string json) =>
        JsonSerializer.Deserialize<CampaignDefinition>(json, Json) ?? throw new JsonException("the campaign definition is empty");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The text for message number <paramref name="n"/> in a language, with <c>{n}</c> filled in; null when there is none.</summary>
    public string? TextFor(int? n, string language)
    {
        var message = Messages.FirstOrDefault(m => m.N == n) ?? Messages.FirstOrDefault(m => m.N is null);
        return message?.Text.GetValueOrDefault(language)?.Replace("{n}", n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal);
    }
}

/// <summary>
/// Who gets a campaign. Every given condition must hold: one of the languages, every group, every field value,
/// and the date field inside [<see cref="DateFrom"/>, <see cref="DateTo"/>] when those are given.
/// </summary>
public sealed record AudienceFilter(
    IReadOnlyList<string>? Languages,
    IReadOnlyList<string>? Groups,
    IReadOnlyDictionary<string, string>? Fields,
    string? DateField,
    DateOnly? DateFrom = null,
    DateOnly? DateTo = null);

/// <summary>
/// When messages go. <c>once</c>: at <see cref="At"/> (local time in <see cref="TimeZone"/>). <c>recurring</c>: at each
/// <see cref="Cron"/> occurrence in <see cref="TimeZone"/>. <c>relative</c>: like RapidPro's campaign events, at
/// <see cref="Hour"/> in each contact's time zone on the contact's date <see cref="Field"/> plus <see cref="From"/>,
/// then every <see cref="Every"/> until <see cref="To"/>; occurrence k sends message number <see cref="FirstNumber"/> + k.
/// Offsets are written like <c>-36w</c>, <c>+12w</c>, <c>3d</c>.
/// </summary>
public sealed record CampaignSchedule(
    string Kind,
    DateTime? At = null,
    string? TimeZone = null,
    string? Cron = null,
    string? Field = null,
    string? From = null,
    string? To = null,
    string? Every = null,
    int Hour = 9,
    int FirstNumber = 1)
{
    public const string Once = "once";
    public const string Recurring = "recurring";
    public const string Relative = "relative";
}

/// <summary>One message in every language; <see cref="N"/> numbers it for relative schedules (null: any number).</summary>
public sealed record CampaignMessage(int? N, IReadOnlyDictionary<string, string> Text);

/// <summary>
/// A pre-approved WhatsApp template for contacts outside WhatsApp's 24-hour customer-service window, where free-form
/// text is refused: a Twilio Content SID (https://www.twilio.com/docs/content) and/or, for Meta's Cloud API, the
/// template's <paramref name="Name"/> (sent in the person's language; variables "1", "2"… fill its body in order).
/// </summary>
public sealed record WhatsAppTemplate(
    string? ContentSid, IReadOnlyDictionary<string, string>? Variables, string? Name = null);
