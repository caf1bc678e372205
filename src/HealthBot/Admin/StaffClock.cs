using System.Globalization;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin;

/// <summary>
/// Times as staff read them: in the deployment's zone (Admin:TimeZone), not UTC, so "14:05" on the inbox is the
/// nurse's 14:05. Stored times stay UTC; only the display converts.
/// </summary>
public sealed class StaffClock(IOptions<AdminOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeZoneInfo Zone => zone;

    /// <summary>The zone's name, said once on a page that shows times.</summary>
    public string Label => options.Value.TimeZone;

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);

    /// <summary>yyyy-MM-dd HH:mm (with <paramref name="seconds"/>, :ss) in the deployment's zone.</summary>
    public string Format(DateTimeOffset at, bool seconds = false) =>
        Local(at).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Format(DateTimeOffset? at) => at is { } value ? Format(value) : "";

    /// <summary>HH:mm in the deployment's zone, for times of today's work.</summary>
    public string Time(DateTimeOffset at) => Local(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant a local calendar day starts, for searches by date.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
