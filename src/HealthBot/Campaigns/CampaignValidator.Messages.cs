using System.Globalization;
using HealthBot.Channels;
using HealthBot.Dialog;
using HealthBot.Sms;

namespace HealthBot.Campaigns;

/// <summary>
/// The messages' texts and every field's length. A text longer than the provider sends was accepted here and then
/// failed at send time as "too-long" in the outbox, long after the person who wrote it had gone; a 5,000-character
/// group name was stored as is. Both are refused here, with the field, its length and the limit.
/// </summary>
public static partial class CampaignValidator
{
    /// <summary>A campaign's name: it names the campaign in lists, reports and the audit.</summary>
    public const int MaxNameChars = 100;

    /// <summary>One audience or schedule value (a group, a custom field, a time zone, a cron line, an offset): far
    /// longer than any real one, short enough that a paste by mistake is caught.</summary>
    public const int MaxValueChars = 200;

    private static IEnumerable<string> Messages(CampaignDefinition campaign, int maxSmsSegments, bool asSms,
        IReadOnlyList<string> channels, Func<string, string, string?> tooLong)
    {
        if (campaign.Messages is not { Count: > 0 })
        {
            yield return "messages: at least one";
            yield break;
        }

        foreach (var message in campaign.Messages)
        {
            // A pasted definition can hold a bare null; it gets a problem, not a NullReferenceException.
            if (message is null)
            {
                yield return "messages: an entry is empty (null)";
                continue;
            }

            var label = message.N is { } n ? $"messages[n={n}]" : "messages[]";
            foreach (var (language, text) in message.Text ?? new Dictionary<string, string>())
            {
                if (!Languages.Contains(language))
                {
                    yield return $"{label}.text: '{language}' is not one of {string.Join(", ", Languages)}";
                }
                else if (string.IsNullOrWhiteSpace(text))
                {
                    yield return $"{label}.text.{language}: empty";
                }
                else if (channels
                             .Select(c => tooLong(c, CampaignPlanner.ForChannel(Fill(text, message.N), c, language)))
                             .FirstOrDefault(p => p is not null) is { } refused)
                {
                    // The sender's own check, on the text as it would go out: what it refuses is never stored.
                    yield return $"{label}.text.{language}: {refused}";
                }
                else if (asSms && SmsSegments.Analyze(CampaignPlanner.ForChannel(
                             Fill(text, message.N), ChannelNames.Sms, language)) is { Segments: var segments } info
                         && segments > maxSmsSegments)
                {
                    yield return $"{label}.text.{language}: {info} is over the SMS budget of {maxSmsSegments} segments";
                }
            }
        }
    }

    /// <summary>Without a running host: the channel's own limit, worded as <see cref="ChannelRegistry.TooLong"/>.
    /// </summary>
    private static string? TooLongFor(IReadOnlyList<ChannelSpec> channels, string channel, string text)
    {
        if (channels.FirstOrDefault(c => c.Name == channel) is not { } spec || text.Length <= spec.MaxChars)
        {
            return null;
        }

        var (length, max) = (text.Length, spec.MaxChars);
        return string.Create(CultureInfo.InvariantCulture,
            $"too long for {channel}: {length} characters; it sends at most {max} characters per message");
    }

    /// <summary>Every audience and schedule value longer than <see cref="MaxValueChars"/>.</summary>
    private static IEnumerable<string> Lengths(CampaignDefinition campaign)
    {
        var who = campaign.Who;
        var s = campaign.Schedule;
        var values = new List<(string Field, string? Value)>();
        values.AddRange((who.Groups ?? []).Select(g => ("audience.groups", (string?)g)));
        foreach (var (key, value) in who.Fields ?? new Dictionary<string, string>())
        {
            values.AddRange([("audience.fields", key), ("audience.fields", value)]);
        }

        values.Add(("audience.dateField", who.DateField));
        if (s is not null)
        {
            values.AddRange([("schedule.timeZone", s.TimeZone), ("schedule.cron", s.Cron), ("schedule.field", s.Field),
                ("schedule.from", s.From), ("schedule.to", s.To), ("schedule.every", s.Every)]);
        }

        return values.Where(v => v.Value?.Length > MaxValueChars).DistinctBy(v => v.Field)
            .Select(v => string.Create(CultureInfo.InvariantCulture,
                $"{v.Field}: {v.Value!.Length} characters; at most {MaxValueChars}"));
    }

    private static string Fill(string text, int? n) =>
        text.Replace("{n}", (n ?? 99).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
