using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthBot.Campaigns;

/// <summary>
/// Calendar arithmetic for campaigns: relative offsets, local times in a contact's zone (daylight-saving gaps and
/// overlaps included), and the occurrences of each kind of schedule inside a window.
/// </summary>
public static partial class CampaignClock
{
    /// <summary><c>-36w</c>, <c>+12w</c>, <c>3d</c>, <c>0</c> as a whole number of days.</summary>
    public static int ParseOffsetDays(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        var match = Offset().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not an offset such as -36w, +12w or 3d");
        }

        var amount = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) * (match.Groups[1].Value == "-" ? -1 : 1);
        return match.Groups[3].Value.ToLowerInvariant() == "w" ? amount * 7 : amount;
    }

    public static TimeZoneInfo Zone(string? id, TimeZoneInfo fallback)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return fallback;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : fallback;
    }

    /// <summary>
    /// The instant a local wall-clock time happens in <paramref name="zone"/>. A time skipped by a daylight-saving
    /// change (02:30 on a spring-forward night) moves forward by the gap; a repeated one takes its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var guard = 0;
        while (zone.IsInvalidTime(local) && guard++ < 24 * 4)
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>
    /// Occurrences of a relative schedule for one contact whose due instant lies in (<paramref name="after"/>,
    /// <paramref name="until"/>]. Only the few occurrences near the window are converted, so a long schedule costs
    /// the same as a short one.
    /// </summary>
    public static IEnumerable<(int N, DateTimeOffset Due)> RelativeOccurrences(
        CampaignSchedule schedule, DateOnly anchor, TimeZoneInfo zone, DateTimeOffset after, DateTimeOffset until)
    {
        var start = anchor.AddDays(ParseOffsetDays(schedule.From));
        var end = anchor.AddDays(ParseOffsetDays(schedule.To));
        var every = Math.Max(1, ParseOffsetDays(schedule.Every ?? "1w"));
        var count = (end.DayNumber - start.DayNumber) / every;
        var firstDay = DateOnly.FromDateTime(after.UtcDateTime).DayNumber - 2;
        var lastDay = DateOnly.FromDateTime(until.UtcDateTime).DayNumber + 2;
        var kMin = Math.Max(0, CeilDiv(firstDay - start.DayNumber, every));
        var kMax = Math.Min(count, FloorDiv(lastDay - start.DayNumber, every));
        for (var k = kMin; k <= kMax; k++)
        {
            var day = start.AddDays(k * every);
            var due = ToInstant(day.ToDateTime(new TimeOnly(schedule.Hour, 0)), zone);
            if (due > after && due <= until)
            {
                yield return (schedule.FirstNumber + k, due);
            }
        }
    }

    /// <summary>Anchor dates that can have an occurrence in the window: the SQL range for streaming the audience.</summary>
    public static (DateOnly From, DateOnly To) AnchorRange(CampaignSchedule schedule, DateTimeOffset after, DateTimeOffset until)
    {
        var from = DateOnly.FromDateTime(after.UtcDateTime).AddDays(-2 - ParseOffsetDays(schedule.To));
        var to = DateOnly.FromDateTime(until.UtcDateTime).AddDays(2 - ParseOffsetDays(schedule.From));
        return (from, to);
    }

    /// <summary>Occurrences of a cron schedule in (<paramref name="after"/>, <paramref name="until"/>], in its time zone.</summary>
    public static IEnumerable<DateTimeOffset> CronOccurrences(string cron, TimeZoneInfo zone, DateTimeOffset after, DateTimeOffset until) =>
        Cronos.CronExpression.Parse(cron).GetOccurrences(after, until, zone, fromInclusive: false, toInclusive: true);

    private static int FloorDiv(int a, int b) => (int)Math.Floor(a / (double)b);

    private static int CeilDiv(int a, int b) => (int)Math.Ceiling(a / (double)b);

    [GeneratedRegex(@"^([+-]?)(\d{1,4})\s*([dDwW])$")]
    private static partial Regex Offset();
}

/// <summary>
/// The hours in which campaign messages may arrive, in each contact's own time zone (default 08:00–20:00):
/// a message due at night waits for the morning.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public bool Allows(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var time = TimeOnly.FromDateTime(CampaignClock.ToLocal(instant, zone));
        return time >= Start && time < End;
    }

    /// <summary>The instant itself when it is inside the window, else the next local start of the window.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant, TimeZoneInfo zone)
    {
        if (Allows(instant, zone))
        {
            return instant;
        }

        var local = CampaignClock.ToLocal(instant, zone);
        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= End)
        {
            day = day.AddDays(1);
        }

        return CampaignClock.ToInstant(day.ToDateTime(Start), zone);
    }

    /// <summary>The start and end of the contact's local day around <paramref name="instant"/>, as instants.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) LocalDay(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(CampaignClock.ToLocal(instant, zone));
        return (CampaignClock.ToInstant(day.ToDateTime(TimeOnly.MinValue), zone), CampaignClock.ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
    }
}
