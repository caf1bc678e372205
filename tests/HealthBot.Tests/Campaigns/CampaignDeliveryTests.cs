using System.Text.Json;
using HealthBot.Campaigns;
using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Tests.Campaigns;

/// <summary>What contacts receive, and when, as fake time moves over weeks and months.</summary>
public sealed class CampaignDeliveryTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_pregnancy_campaign_in_five_languages_sends_week_n_in_each_contacts_language_in_their_daytime()
    {
        await using var h = await CampaignHarness.StartAsync(Start, new Dictionary<string, string?> { ["Campaigns:PlanAhead"] = "12:00:00" });
        var people = new (string Phone, string Language, string Zone)[]
        {
            ("+254700000001", "sw", "Africa/Nairobi"), ("+33600000002", "fr", "Europe/Paris"), ("+15550000003", "en", "America/New_York"),
            ("+258840000004", "pt", "Africa/Maputo"), ("+919800000005", "hi", "Asia/Kolkata"),
        };
        foreach (var (phone, language, zone) in people)
        {
            await h.ContactAsync(phone, language, zone, fields: new Dictionary<string, string> { ["due_date"] = "2026-12-07" });
        }

        await h.CreateAsync(CampaignJson.Pregnancy());
        await h.RunUntilAsync(new DateTimeOffset(2027, 3, 15, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(6));

        foreach (var (phone, language, zone) in people)
        {
            var got = h.To(phone);
            var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
            // Due Monday 2026-12-07: week 4 was 2026-03-30. Week 17 (June 29) is over a day before the campaign started on
            // July 1, so the first is week 18 (July 6); the last is due date + 12 weeks, week 52. Each exactly once.
            var weeks = got.Select(d => int.Parse(d.Message.Body.Split(' ', ':')[1].TrimEnd(':'))).ToList();
            Assert.Equal(Enumerable.Range(18, 35), weeks);
            Assert.All(got, d => Assert.Contains(CampaignJson.Languages.Single(l => l == language) switch
            {
                "en" => "Week", "fr" => "Semaine", "sw" => "Wiki", "pt" => "Semana", _ => "सप्ताह",
            }, d.Message.Body));
            Assert.All(got, d => Assert.InRange(TimeOnly.FromDateTime(CampaignClock.ToLocal(d.At, tz)), new TimeOnly(9, 0), new TimeOnly(19, 59)));
        }
    }

    [Fact]
    public async Task A_broadcast_at_night_in_Nairobi_waits_for_the_morning_there_but_reaches_New_York_at_once()
    {
        var evening = new DateTimeOffset(2027, 1, 10, 18, 55, 0, TimeSpan.Zero);
        await using var h = await CampaignHarness.StartAsync(evening);
        await h.ContactAsync("+254700000011", "en", "Africa/Nairobi", group: "alerts");
        await h.ContactAsync("+15550000012", "en", "America/New_York", group: "alerts");
        await h.CreateAsync(CampaignJson.Once("cholera-alert", new DateTime(2027, 1, 10, 22, 0, 0), "Africa/Nairobi", group: "alerts"));

        await h.RunUntilAsync(new DateTimeOffset(2027, 1, 11, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(5));

        var nairobi = Assert.Single(h.To("+254700000011"));
        Assert.Equal(new DateTimeOffset(2027, 1, 11, 5, 0, 0, TimeSpan.Zero), nairobi.At); // 08:00 in Nairobi
        var newYork = Assert.Single(h.To("+15550000012"));
        Assert.Equal(new DateTimeOffset(2027, 1, 10, 19, 0, 0, TimeSpan.Zero), newYork.At); // 14:00 in New York
    }

    [Fact]
    public async Task No_contact_gets_more_than_two_campaign_messages_a_day_the_third_comes_next_morning()
    {
        var morning = new DateTimeOffset(2027, 1, 11, 5, 50, 0, TimeSpan.Zero); // 08:50 in Nairobi
        await using var h = await CampaignHarness.StartAsync(morning);
        await h.ContactAsync("+254700000021", "en", "Africa/Nairobi", group: "alerts");
        for (var i = 1; i <= 3; i++)
        {
            await h.CreateAsync(CampaignJson.Once($"alert-{i}", new DateTime(2027, 1, 11, 9, 0, 0), "Africa/Nairobi", group: "alerts", text: $"Alert {i}."));
        }

        await h.RunUntilAsync(new DateTimeOffset(2027, 1, 12, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(10));

        var got = h.To("+254700000021");
        Assert.Equal(3, got.Count);
        Assert.Equal(2, got.Count(d => d.At.UtcDateTime.Date == new DateTime(2027, 1, 11)));
        Assert.Equal(new DateTimeOffset(2027, 1, 12, 5, 0, 0, TimeSpan.Zero), got[2].At); // 08:00 the next day
    }

    [Fact]
    public async Task Opting_out_or_leaving_after_planning_stops_the_message_and_the_report_says_why()
    {
        var morning = new DateTimeOffset(2027, 1, 11, 3, 0, 0, TimeSpan.Zero); // 06:00 in Nairobi: planned, waiting for 08:00
        await using var h = await CampaignHarness.StartAsync(morning);
        var stays = await h.ContactAsync("+254700000031", "en", "Africa/Nairobi", group: "alerts");
        var stops = await h.ContactAsync("+254700000032", "en", "Africa/Nairobi", group: "alerts");
        var leaves = await h.ContactAsync("+254700000033", "en", "Africa/Nairobi", group: "alerts");
        var id = await h.CreateAsync(CampaignJson.Once("measles", new DateTime(2027, 1, 11, 6, 0, 0), "Africa/Nairobi", group: "alerts"));
        await h.StepAsync();
        Assert.Empty(h.Deliveries);

        await h.Get<IContactStore>().SetConsentAsync(stops.Id, Consent.OptedOut, "sms", "keyword");
        await h.Get<SqlAudienceStore>().LeaveAsync(leaves.Id, "alerts");
        await h.RunUntilAsync(new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(30));

        Assert.Single(h.To(stays.Address));
        Assert.Empty(h.To(stops.Address));
        Assert.Empty(h.To(leaves.Address));
        var report = h.Get<CampaignService>().Report(id)!;
        Assert.Equal((3, 1, 0), (report.Targeted, report.Sent, report.Queued));
        Assert.Equal(new Dictionary<string, int> { ["left_audience"] = 1, ["opted_out"] = 1 }, report.Skipped);
    }

    [Fact]
    public async Task A_paused_campaign_waits_and_a_cancelled_one_sends_nothing_more()
    {
        var morning = new DateTimeOffset(2027, 1, 11, 3, 0, 0, TimeSpan.Zero);
        await using var h = await CampaignHarness.StartAsync(morning);
        await h.ContactAsync("+254700000041", "en", "Africa/Nairobi", group: "alerts");
        await h.ContactAsync("+254700000042", "en", "Africa/Nairobi", group: "polio");
        var paused = await h.CreateAsync(CampaignJson.Once("paused", new DateTime(2027, 1, 11, 6, 0, 0), "Africa/Nairobi", group: "alerts"));
        var cancelled = await h.CreateAsync(CampaignJson.Once("cancelled", new DateTime(2027, 1, 11, 6, 0, 0), "Africa/Nairobi", group: "polio"));
        await h.StepAsync();
        var service = h.Get<CampaignService>();
        Assert.True(await service.SetStateAsync(paused, CampaignState.Paused));
        Assert.True(await service.SetStateAsync(cancelled, CampaignState.Cancelled));

        await h.RunUntilAsync(new DateTimeOffset(2027, 1, 11, 8, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(30));
        Assert.Empty(h.Deliveries);

        Assert.True(await service.SetStateAsync(paused, CampaignState.Active));
        Assert.False(await service.SetStateAsync(cancelled, CampaignState.Active));
        await h.RunUntilAsync(new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(5));
        Assert.Equal(new DateTimeOffset(2027, 1, 11, 8, 5, 0, TimeSpan.Zero), Assert.Single(h.To("+254700000041")).At); // at the first step after resuming
        Assert.Empty(h.To("+254700000042"));
        Assert.Equal(1, service.Report(cancelled)!.Skipped["campaign_cancelled"]);
    }

    [Fact]
    public async Task WhatsApp_gets_free_text_only_inside_the_24_hour_window()
    {
        var noon = new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero);
        await using var h = await WhatsAppPairAsync(noon, "whatsapp:+254700000051", "whatsapp:+254700000052");
        var id = await h.CreateAsync(CampaignJson.Once("wa", new DateTime(2027, 1, 11, 12, 0, 0), "Africa/Nairobi", group: "alerts", channels: "[\"whatsapp\"]"));

        await h.RunUntilAsync(noon.AddHours(1), TimeSpan.FromMinutes(10));

        Assert.Single(h.To("whatsapp:+254700000051"));
        Assert.Empty(h.To("whatsapp:+254700000052"));
        Assert.Equal(1, h.Get<CampaignService>().Report(id)!.Skipped["whatsapp_window_closed"]);
    }

    [Fact]
    public async Task Outside_the_window_WhatsApp_gets_the_campaigns_template_with_the_message_as_its_variable()
    {
        var noon = new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero);
        await using var h = await WhatsAppPairAsync(noon, "whatsapp:+254700000061", "whatsapp:+254700000062");
        var definition = CampaignJson.Once("wa-template", new DateTime(2027, 1, 11, 12, 0, 0), "Africa/Nairobi", group: "alerts", channels: "[\"whatsapp\"]")
            .Replace("\"schedule\":", "\"whatsAppTemplate\": { \"contentSid\": \"HX0123456789abcdef0123456789abcdef\", \"variables\": { \"1\": \"{message}\" } }, \"schedule\":", StringComparison.Ordinal);
        var id = await h.CreateAsync(definition);

        await h.RunUntilAsync(noon.AddHours(1), TimeSpan.FromMinutes(10));

        var inside = Assert.Single(h.To("whatsapp:+254700000061")).Message;
        Assert.Equal("Vaccination day is Tuesday at the clinic.", inside.Body);
        Assert.Empty(inside.ContentSid);
        var outside = Assert.Single(h.To("whatsapp:+254700000062")).Message;
        Assert.Empty(outside.Body);
        Assert.Equal("HX0123456789abcdef0123456789abcdef", outside.ContentSid);
        Assert.Equal("Vaccination day is Tuesday at the clinic.", JsonDocument.Parse(outside.ContentVariables).RootElement.GetProperty("1").GetString());
        Assert.Empty(h.Get<CampaignService>().Report(id)!.Skipped);
    }

    /// <summary>Two WhatsApp contacts in "alerts": the first wrote three hours before <paramref name="now"/> (inside the 24-hour window), the second never.</summary>
    private static async Task<CampaignHarness> WhatsAppPairAsync(DateTimeOffset now, string inside, string outside)
    {
        var h = await CampaignHarness.StartAsync(now);
        var recent = await h.ContactAsync(inside, "en", "Africa/Nairobi", group: "alerts", channel: "whatsapp");
        await h.ContactAsync(outside, "en", "Africa/Nairobi", group: "alerts", channel: "whatsapp");
        await h.Get<IMessageStore>().RecordInboundAsync(new HealthBot.Dialog.InboundMessage("whatsapp", recent.Address, "hi", "SM" + Guid.NewGuid().ToString("N"), now.AddHours(-3)));
        return h;
    }

    [Fact]
    public async Task A_recurring_campaign_sends_every_monday_at_nine_in_its_zone_and_once_after_downtime()
    {
        var sunday = new DateTimeOffset(2027, 1, 3, 0, 0, 0, TimeSpan.Zero);
        await using var h = await CampaignHarness.StartAsync(sunday);
        await h.ContactAsync("+254700000061", "en", "Africa/Nairobi", group: "alerts");
        await h.CreateAsync("""
            {"name":"clinic-day","channels":["sms"],"audience":{"groups":["alerts"]},
             "schedule":{"kind":"recurring","cron":"0 9 * * MON","timeZone":"Africa/Nairobi"},
             "messages":[{"text":{"en":"Clinic day is today."}}]}
            """);

        await h.RunUntilAsync(sunday.AddDays(15), TimeSpan.FromMinutes(30));
        h.Time.Advance(new TimeSpan(7, 9, 0, 0)); // down over the third Monday; back on the fourth at 12:00 in Nairobi
        await h.StepAsync();
        await h.RunUntilAsync(sunday.AddDays(25), TimeSpan.FromMinutes(30));

        // The missed Jan 18 is older than the one-day catch-up and is not sent late; Jan 25 goes at once, three hours late.
        Assert.Equal(
            [new DateTimeOffset(2027, 1, 4, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 11, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 25, 9, 0, 0, TimeSpan.Zero)],
            h.To("+254700000061").Select(d => d.At).ToArray());
    }
}
