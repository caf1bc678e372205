using System.Globalization;
using HealthBot.Campaigns;
using HealthBot.Dialog;

namespace HealthBot.Admin.Pages.Campaigns;

/// <summary>One message in one language, with the SMS length it will have when sent.</summary>
public sealed record MessagePreview(string Number, string Language, string Text, SmsPreview Sms);

/// <summary>What the campaign pages show of a definition, shared by the create form and the campaign page.</summary>
public static class CampaignView
{
    /// <summary>
    /// Measured as the planner sends it (<see cref="CampaignPlanner.ForChannel"/>: GSM-friendly punctuation, folded
    /// accents except Hindi), with <c>{n}</c> filled by a two-digit number, so the segment count is the one the SMS
    /// budget is checked against.
    /// </summary>
    public static IReadOnlyList<MessagePreview> Messages(CampaignDefinition definition, AdminOptions options) =>
        (definition.Messages ?? []).OfType<CampaignMessage>()
            .SelectMany(m => (m.Text ?? new Dictionary<string, string>()).Where(t => t.Value is not null).Select(t =>
            {
                var n = (m.N ?? 99).ToString(CultureInfo.InvariantCulture);
                var filled = t.Value.Replace("{n}", n, StringComparison.Ordinal);
                var number = m.N?.ToString(CultureInfo.InvariantCulture) ?? "*";
                var sent = CampaignPlanner.ForChannel(filled, ChannelNames.Sms, t.Key);
                return new MessagePreview(number, t.Key, t.Value, SmsPreview.Of(filled, sent, t.Key, options));
            })).ToList();

    /// <summary>The schedule in a line of the page's language (<see cref="UiText"/> holds the patterns).</summary>
    public static string Schedule(CampaignSchedule? s, string language) => s?.Kind switch
    {
        CampaignSchedule.Once => Format(
            language,
            "once at {0} {1}",
            s.At?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            s.TimeZone ?? "UTC"),
        CampaignSchedule.Recurring => Format(language, "recurring, cron '{0}' in {1}", s.Cron, s.TimeZone ?? "UTC"),
        CampaignSchedule.Relative => Format(
            language,
            "relative to {0}: {1} to {2} every {3} at {4}:00",
            s.Field,
            s.From,
            s.To,
            s.Every ?? "1w",
            s.Hour),
        _ => "?",
    };

    private static string Format(string language, string english, params object?[] values) =>
        string.Format(CultureInfo.InvariantCulture, UiText.Get(language, english), values);

    /// <summary>
    /// The campaign's definition, or null when the stored JSON no longer parses (never a 500 for one bad row).
    /// </summary>
    public static CampaignDefinition? TryParse(string json)
    {
        try
        {
            return CampaignDefinition.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
