using HealthBot.Campaigns;

namespace HealthBot.Tests.Campaigns;

/// <summary>Quiet hours and relative schedules in contacts' own time zones, daylight-saving changes included.</summary>
public sealed class CampaignClockTests
{
    private static readonly QuietHours Daytime = new(new TimeOnly(8, 0), new TimeOnly(20, 0));

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Theory]
    [InlineData("Africa/Nairobi", "2027-01-10T19:00:00Z", "2027-01-11T05:00:00Z")] // 22:00 in Nairobi waits for 08:00
    [InlineData("America/New_York", "2027-01-10T19:00:00Z", "2027-01-10T19:00:00Z")] // 14:00 in New York goes at once
    [InlineData("Asia/Kolkata", "2027-01-10T01:00:00Z", "2027-01-10T02:30:00Z")] // 06:30 in Kolkata waits 1.5 h
    [InlineData("America/New_York", "2027-03-14T05:00:00Z", "2027-03-14T12:00:00Z")] // spring-forward day: 08:00 EDT
    [InlineData("America/New_York", "2027-03-13T05:00:00Z", "2027-03-13T13:00:00Z")] // the day before: 08:00 EST
    [InlineData("Europe/London", "2026-10-25T05:00:00Z", "2026-10-25T08:00:00Z")] // fall-back day: 08:00 GMT
    [InlineData("Europe/London", "2026-10-24T05:00:00Z", "2026-10-24T07:00:00Z")] // the day before: 08:00 BST
    public void A_message_due_at_night_waits_for_the_contacts_morning(string zone, string due, string expected)
    {
        var at = Daytime.NextAllowed(DateTimeOffset.Parse(due), Zone(zone));
        Assert.Equal(DateTimeOffset.Parse(expected), at);
    }

    [Fact]
    public void Quiet_hours_that_start_in_the_hour_a_clock_skips_still_start()
    {
        // Chile moves clocks from 00:00 to 01:00; a window starting at 00:30 starts at 01:00 that night.
        var zone = Zone("America/Santiago");
        var nightOwl = new QuietHours(new TimeOnly(0, 30), new TimeOnly(20, 0));
        var lateEvening = new DateTimeOffset(2026, 9, 6, 3, 30, 0, TimeSpan.Zero); // 23:30 local on Sept 5
        var at = nightOwl.NextAllowed(lateEvening, zone);
        Assert.Equal(new DateTime(2026, 9, 6, 1, 0, 0), HealthBot.Campaigns.CampaignClock.ToLocal(at, zone));
    }

    [Theory]
    [InlineData("Africa/Nairobi")]
    [InlineData("America/New_York")]
    [InlineData("Europe/London")]
    [InlineData("Asia/Kolkata")]
    public void A_pregnancy_schedule_sends_message_n_in_week_n_at_nine_local_through_every_week(string zoneId)
    {
        var zone = Zone(zoneId);
        var schedule = new CampaignSchedule(CampaignSchedule.Relative, Field: "due_date", From: "-36w", To: "+12w", Every: "1w", Hour: 9, FirstNumber: 4);
        var due = new DateOnly(2027, 3, 15);
        var seen = new List<(int N, DateTimeOffset Due)>();
        // Sweep 14 months in 6-hour windows, as the planner's repeated runs would.
        for (var at = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero); at < new DateTimeOffset(2027, 8, 1, 0, 0, 0, TimeSpan.Zero); at = at.AddHours(6))
        {
            seen.AddRange(CampaignClock.RelativeOccurrences(schedule, due, zone, at, at.AddHours(6)));
        }

        Assert.Equal(Enumerable.Range(4, 49), seen.Select(s => s.N));
        Assert.All(seen, s => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(CampaignClock.ToLocal(s.Due, zone))));
        Assert.All(seen, s => Assert.Equal(DayOfWeek.Monday, CampaignClock.ToLocal(s.Due, zone).DayOfWeek));
        Assert.Equal(new DateOnly(2026, 7, 6), DateOnly.FromDateTime(CampaignClock.ToLocal(seen[0].Due, zone)));
        Assert.Equal(new DateOnly(2027, 6, 7), DateOnly.FromDateTime(CampaignClock.ToLocal(seen[^1].Due, zone)));
    }

    [Theory]
    [InlineData("-36w", -252)]
    [InlineData("+12w", 84)]
    [InlineData("3d", 3)]
    [InlineData("0d", 0)]
    public void Offsets_are_days_or_weeks(string text, int days) => Assert.Equal(days, CampaignClock.ParseOffsetDays(text));

    [Theory]
    [InlineData("2027-03-15")]
    [InlineData("15/3/2027")]
    [InlineData("15.03.27")]
    [InlineData("15-03-2027")]
    [InlineData("15 March 2027")]
    [InlineData("March 15, 2027")]
    [InlineData("15 mars 2027")]
    [InlineData("15 machi 2027")]
    [InlineData("15 de março de 2027")]
    [InlineData("15 मार्च 2027")]
    [InlineData("3/15/2027")]
    public void Dates_are_read_as_people_type_them(string text) => Assert.Equal(new DateOnly(2027, 3, 15), LenientDate.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("31/02/2027")]
    [InlineData("15 2027")]
    public void Non_dates_are_not_guessed(string text) => Assert.Null(LenientDate.Parse(text));
}
