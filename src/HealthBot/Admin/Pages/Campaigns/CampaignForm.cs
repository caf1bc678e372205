using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HealthBot.Campaigns;

namespace HealthBot.Admin.Pages.Campaigns;

/// <summary>
/// The guided create form: plain fields that become a <see cref="CampaignDefinition"/>, so staff who do not write JSON
/// can start one. Starts empty (the weekly pregnancy example is one button away), so no text of the example is sent by
/// mistake; anything the validator dislikes is reported in its words.
/// </summary>
public sealed class CampaignForm
{
    private static readonly JsonSerializerOptions Indented = new(CampaignDefinition.Json)
    {
        WriteIndented = true,
        // Hindi and accented text stay readable in the definition box instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string? Name { get; set; }

    public List<string> Channels { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    /// <summary>Comma-separated: a contact must be in every group.</summary>
    public string? Groups { get; set; }

    /// <summary><c>district=Kisumu; clinic=North</c>: every field must have that value.</summary>
    public string? Fields { get; set; }

    public string? DateField { get; set; }

    public string? DateFrom { get; set; }

    public string? DateTo { get; set; }

    public string? Kind { get; set; }

    public string? At { get; set; }

    public string? TimeZone { get; set; }

    public string? Cron { get; set; }

    public string? Field { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Every { get; set; }

    public int Hour { get; set; } = 9;

    public int FirstNumber { get; set; } = 1;

    public Dictionary<string, string> Text { get; set; } = [];

    /// <summary>The weekly pregnancy example, the same as the definition box's after "Start from the example".</summary>
    public static CampaignForm Example() => Showing(CampaignDefinition.Parse(CampaignExample.Pregnancy));

    /// <summary>The form showing a definition (its first message's texts), so the two boxes on the page agree.</summary>
    public static CampaignForm Showing(CampaignDefinition definition)
    {
        var s = definition.Schedule;
        var who = definition.Who;
        return new CampaignForm
        {
            Name = definition.Name, Channels = [.. definition.Channels ?? []], Languages = [.. who.Languages ?? []],
            Groups = string.Join(", ", who.Groups ?? []), Fields = who.Fields is { Count: > 0 } f ? string.Join("; ", f.Select(p => $"{p.Key}={p.Value}")) : null,
            DateField = who.DateField, DateFrom = who.DateFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTo = who.DateTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Kind = s?.Kind, TimeZone = s?.TimeZone, Cron = s?.Cron,
            At = s?.At?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), Field = s?.Field, From = s?.From, To = s?.To, Every = s?.Every,
            Hour = s?.Hour ?? 9, FirstNumber = s?.FirstNumber ?? 1,
            Text = definition.Messages?.OfType<CampaignMessage>().FirstOrDefault()?.Text?.ToDictionary() ?? [],
        };
    }

    /// <summary>The definition as indented JSON, with the form's own problems (dates it could not read) listed apart.</summary>
    public (string Json, IReadOnlyList<string> Problems) ToJson()
    {
        var problems = new List<string>();
        var texts = Text.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value.Trim());
        // No language ticked: the languages written, never "everyone" (contacts in other languages would get nothing).
        var languages = Languages.Count > 0 ? Languages : CampaignValidator.Languages.Where(texts.ContainsKey).ToList();
        var audience = new AudienceFilter(
            languages.Count > 0 ? languages : null,
            Split(Groups, ','),
            Split(Fields, ';')?.Select(f => f.Split('=', 2, StringSplitOptions.TrimEntries)).ToDictionary(p => p[0], p => p.ElementAtOrDefault(1) ?? string.Empty),
            Blank(DateField),
            Date(DateFrom, "audience.dateFrom", problems),
            Date(DateTo, "audience.dateTo", problems));
        DateTime? at = Blank(At) is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        if (Blank(At) is not null && at is null)
        {
            problems.Add($"schedule.at: '{At}' is not a date and time (e.g. 2027-01-10T09:00)");
        }

        var kind = Kind ?? string.Empty;
        var schedule = kind == CampaignSchedule.Relative
            ? new CampaignSchedule(kind, TimeZone: Blank(TimeZone), Field: Blank(Field), From: Blank(From), To: Blank(To), Every: Blank(Every), Hour: Hour, FirstNumber: FirstNumber)
            : new CampaignSchedule(kind, At: kind == CampaignSchedule.Once ? at : null, TimeZone: Blank(TimeZone), Cron: kind == CampaignSchedule.Recurring ? Blank(Cron) : null);
        var definition = new CampaignDefinition(Name?.Trim() ?? string.Empty, Channels, audience, schedule, [new CampaignMessage(null, texts)]);
        return (JsonSerializer.Serialize(definition, Indented), problems);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string>? Split(string? value, char separator) =>
        value?.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } parts ? [.. parts] : null;

    private static DateOnly? Date(string? value, string label, List<string> problems)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{label}: '{text}' is not a date (e.g. 2027-03-15)");
        return null;
    }
}
