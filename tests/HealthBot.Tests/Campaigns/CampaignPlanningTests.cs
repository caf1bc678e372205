using HealthBot.Campaigns;
using HealthBot.Data;
using HealthBot.Dialog;
using Send = (string State, string? Reason, System.DateTimeOffset Due, System.DateTimeOffset? Next, string? Body,
    string? Language);

namespace HealthBot.Tests.Campaigns;

/// <summary>
/// A broadcast planned over many pages (100 contacts each): every member once, in their language, at the first
/// daytime minute of their own zone; a zone first met pages in, an unknown zone, no zone, a language the campaign
/// lacks, opted-out members and a gap of non-members in the ids all planned as a single page of them would be.
/// </summary>
public sealed class CampaignPlanningTests
{
    private static readonly DateTimeOffset Evening = new(2027, 1, 10, 18, 55, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_broadcast_over_many_pages_reaches_each_member_once_at_daytime_in_their_zone_and_language()
    {
        await using var h = await CampaignHarness.StartAsync(Evening, new Dictionary<string, string?>
        {
            ["Campaigns:PlanBatchSize"] = "100",
            ["Campaigns:DefaultTimeZone"] = "Asia/Kolkata",
        });
        var nairobi = await Contacts(h, 150, "alerts", "en", "Africa/Nairobi");
        await Contacts(h, 300, "other", "en", "Africa/Nairobi");
        var newYork = await Contacts(h, 100, "alerts", "fr", "America/New_York");
        var noZone = await Contacts(h, 20, "alerts", null, null);
        var unknownZone = await Contacts(h, 5, "alerts", "sw", "Mars/Olympus_Mons");
        var noText = await Contacts(h, 10, "alerts", "xx", "Africa/Nairobi");
        var optedOut = await Contacts(h, 10, "alerts", "en", "Africa/Nairobi", Consent.OptedOut);
        var id = await h.CreateAsync(
            CampaignJson.Once("cholera", new DateTime(2027, 1, 10, 22, 0, 0), "Africa/Nairobi", group: "alerts"));

        h.Time.Advance(TimeSpan.FromMinutes(10));
        var planner = h.Get<CampaignPlanner>();
        var run = Assert.Single(planner.DueRuns(h.Time.GetUtcNow()), r => r.CampaignId == id);
        Assert.Equal(285, await planner.PlanAsync(run, CancellationToken.None));

        var sends = Sends(h.Get<Database>(), id);
        Assert.Equal(285, sends.Count);
        var morningInNairobi = new DateTimeOffset(2027, 1, 11, 5, 0, 0, TimeSpan.Zero);
        var morningInKolkata = new DateTimeOffset(2027, 1, 11, 2, 30, 0, TimeSpan.Zero);
        var text = "Vaccination day is Tuesday at the clinic.";
        Assert.All(nairobi, c => Assert.Equal((morningInNairobi, text, "en"), Outbox(sends, c)));
        Assert.All(newYork, c => Assert.Equal((Evening.AddMinutes(5), text + " (fr)", "fr"), Outbox(sends, c)));
        Assert.All(noZone, c => Assert.Equal((morningInKolkata, text, "en"), Outbox(sends, c)));
        Assert.All(unknownZone, c => Assert.Equal((morningInKolkata, text + " (sw)", "sw"), Outbox(sends, c)));
        Assert.All(noText, c => Assert.Equal(
            ("skipped", "no_message_in_language", morningInNairobi), Skipped(sends, c)));
        Assert.All(optedOut, c => Assert.False(sends.ContainsKey(c)));
        Assert.Equal(0, await planner.PlanAsync(run, CancellationToken.None));
    }

    private int next;

    private async Task<List<long>> Contacts(
        CampaignHarness h, int count, string group, string? language, string? zone, string consent = Consent.OptedIn)
    {
        var start = next;
        next += count;
        var subscriptions = Enumerable.Range(0, count)
            .Select(i => new Subscription("sms", $"+2547{start + i:D8}", [group], new Dictionary<string, string>(),
                consent, language, zone))
            .ToList();
        var contacts = await h.Get<SqlAudienceStore>().SubscribeAllAsync(subscriptions);
        return [.. contacts.Select(c => c.Id)];
    }

    private static (DateTimeOffset Due, string Body, string Language) Outbox(
        Dictionary<long, Send> sends, long contact)
    {
        var send = sends[contact];
        Assert.Equal("queued", send.State);
        Assert.Equal(send.Due, send.Next);
        return (send.Next!.Value, send.Body!, send.Language!);
    }

    private static (string State, string? Reason, DateTimeOffset Due) Skipped(
        Dictionary<long, Send> sends, long contact)
    {
        var send = sends[contact];
        Assert.Null(send.Next);
        return (send.State, send.Reason, send.Due);
    }

    /// <summary>Each contact's send with its outbox row and message, if any (a second send fails the add).</summary>
    private static Dictionary<long, Send> Sends(Database database, long campaignId)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                "SELECT s.contact_id, s.state, s.reason, s.due_at, o.next_attempt_at, m.body, m.language " +
                "FROM campaign_sends s LEFT JOIN messages m ON m.id = s.message_id " +
                "LEFT JOIN outbox o ON o.message_id = m.id WHERE s.campaign_id = @c")
            .With("@c", campaignId).ExecuteReader();
        var sends = new Dictionary<long, Send>();
        while (reader.Read())
        {
            sends.Add(reader.GetInt64(0), (reader.GetString(1), reader.GetNullableString(2), reader.GetTime(3),
                reader.GetNullableTime(4), reader.GetNullableString(5), reader.GetNullableString(6)));
        }

        return sends;
    }
}
