using HealthBot.Channels;
using HealthBot.Dialog;
using HealthBot.Sms;

namespace HealthBot.Campaigns;

/// <summary>Checks a definition before it is stored; every problem is reported, in words staff can act on.</summary>
public static partial class CampaignValidator
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "sw", "pt", "hi"];
    /// <summary>SMS texts are measured as they will be sent: with GSM-friendly punctuation and, except Hindi, folded accents.</summary>
    /// <param name="channels">
    /// The channels campaigns may target (<see cref="ChannelRegistry.CampaignChannels"/>); null: the SMS and WhatsApp
    /// that HealthBot ships, for checks without a running host.
    /// </param>
    /// <param name="tooLong">Why a text cannot go out as one message on a channel, as the sender checks it
    /// (<see cref="ChannelRegistry.TooLong"/>); null: the channels' own character limits.</param>
    public static IReadOnlyList<string> Validate(
        CampaignDefinition campaign, int maxSmsSegments, IReadOnlyList<ChannelSpec>? channels = null,
        Func<string, string, string?>? tooLong = null)
    {
        channels ??= [ChannelSpec.Sms, ChannelSpec.WhatsApp];
        var sendChannels = channels.Select(c => c.Name).ToList();
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(campaign.Name) || campaign.Name.Length > MaxNameChars
            || long.TryParse(campaign.Name, out _))
        {
            problems.Add("name: required, at most 100 characters, not only digits");
        }

        if (campaign.Channels is not { Count: > 0 } || campaign.Channels.Any(c => !sendChannels.Contains(c)))
        {
            problems.Add(sendChannels.Count == 0
                ? "channels: no channel can send campaigns here (configure an SMS or WhatsApp provider)"
                : $"channels: one or more of {string.Join(", ", sendChannels)}");
        }

        problems.AddRange(Schedule(campaign.Schedule));
        var measuredAsSms = campaign.Channels?.Any(c =>
            channels.Any(s => s.Name == c && s.Encoding == TextEncoding.Sms));
        problems.AddRange(Lengths(campaign));
        tooLong ??= (channel, text) => TooLongFor(channels, channel, text);
        var targeted = campaign.Channels?.Where(sendChannels.Contains).ToList() ?? [];
        problems.AddRange(Messages(campaign, maxSmsSegments, measuredAsSms == true, targeted, tooLong));
        foreach (var language in campaign.Who.Languages ?? [])
        {
            if (!Languages.Contains(language))
            {
                problems.Add($"audience.languages: '{language}' is not one of {string.Join(", ", Languages)}");
            }
        }

        if (campaign.WhatsAppTemplate is { } template)
        {
            problems.AddRange(TemplateProblems(template));
        }

        return problems;
    }

    /// <summary>
    /// A Twilio Content SID starts with HX; a Meta template name is lower-case letters, digits and underscores
    /// (https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates).
    /// </summary>
    private static IEnumerable<string> TemplateProblems(WhatsAppTemplate template)
    {
        if (string.IsNullOrEmpty(template.ContentSid) && string.IsNullOrEmpty(template.Name))
        {
            yield return "whatsAppTemplate: give a contentSid (Twilio) or a name (Meta)";
        }

        if (template.ContentSid is { Length: > 0 } sid && !sid.StartsWith("HX", StringComparison.Ordinal))
        {
            yield return "whatsAppTemplate.contentSid: a Twilio Content SID starts with HX";
        }

        if (template.Name is { Length: > 0 } name &&
            (name.Length > 512 || !name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_')))
        {
            yield return "whatsAppTemplate.name: a Meta template name has only lower-case letters, digits and _";
        }
    }

    private static IEnumerable<string> Schedule(CampaignSchedule? schedule)
    {
        if (schedule is null)
        {
            yield return "schedule: required";
            yield break;
        }

        if (schedule.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            yield return $"schedule.timeZone: '{zone}' is not a known time zone (use an IANA id such as Africa/Nairobi)";
        }

        switch (schedule.Kind)
        {
            case CampaignSchedule.Once when schedule.At is null:
                yield return "schedule.at: required for a once schedule (local time, e.g. 2027-01-10T09:00:00)";
                break;
            case CampaignSchedule.Recurring when !IsCron(schedule.Cron):
                yield return $"schedule.cron: '{schedule.Cron}' is not a five-field cron expression (e.g. 0 9 * * MON)";
                break;
            case CampaignSchedule.Relative:
                foreach (var problem in Relative(schedule))
                {
                    yield return problem;
                }

                break;
            case CampaignSchedule.Once or CampaignSchedule.Recurring:
                break;
            default:
                yield return "schedule.kind: once, recurring or relative";
                break;
        }
    }

    private static IEnumerable<string> Relative(CampaignSchedule schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule.Field))
        {
            yield return "schedule.field: the contact date field to count from (e.g. due_date)";
        }

        if (schedule.Hour is < 0 or > 23)
        {
            yield return "schedule.hour: 0 to 23";
        }

        int from = 0, to = 0, every = 0;
        string? problem = null;
        try
        {
            (from, to, every) = (CampaignClock.ParseOffsetDays(schedule.From), CampaignClock.ParseOffsetDays(schedule.To), CampaignClock.ParseOffsetDays(schedule.Every ?? "1w"));
        }
        catch (FormatException ex)
        {
            problem = $"schedule: {ex.Message}";
        }

        if (problem is not null)
        {
            yield return problem;
        }
        else if (to < from || every <= 0)
        {
            yield return "schedule: 'to' must not be before 'from', and 'every' must be at least 1d";
        }
    }

    private static bool IsCron(string? cron)
    {
        try
        {
            return cron is not null && Cronos.CronExpression.Parse(cron) is not null;
        }
        catch (Cronos.CronFormatException)
        {
            return false;
        }
    }
}
