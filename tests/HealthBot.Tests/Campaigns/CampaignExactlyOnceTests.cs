using HealthBot.Campaigns;
using HealthBot.Data;
using HealthBot.Outbox;

namespace HealthBot.Tests.Campaigns;

/// <summary>Each (campaign, message, contact) is sent once, whatever runs twice or stops halfway.</summary>
public sealed class CampaignExactlyOnceTests
{
    private static readonly DateTimeOffset Noon = new(2027, 1, 11, 9, 0, 0, TimeSpan.Zero); // 12:00 in Nairobi

    [Fact]
    public async Task Planning_the_same_run_three_times_at_once_sends_one_message_per_contact()
    {
        await using var h = await CampaignHarness.StartAsync(Noon);
        for (var i = 0; i < 300; i++)
        {
            await h.ContactAsync($"+2547100{i:D5}", "en", "Africa/Nairobi", group: "alerts");
        }

        await h.CreateAsync(CampaignJson.Once("polio-day", new DateTime(2027, 1, 11, 11, 0, 0), "Africa/Nairobi", group: "alerts"));
        var planner = h.Get<CampaignPlanner>();
        var run = Assert.Single(planner.DueRuns(Noon));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => planner.PlanAsync(run, CancellationToken.None))));
        await h.StepAsync();
        await planner.PlanAsync(run, CancellationToken.None);
        await h.StepAsync();

        Assert.Equal(300, h.Deliveries.Count);
        Assert.Equal(300, h.Deliveries.Select(d => d.Message.To).Distinct().Count());
    }

    [Fact]
    public async Task A_send_left_in_doubt_by_a_crash_is_not_repeated_when_the_provider_has_it_and_is_sent_when_it_does_not()
    {
        // The crash is staged in SQLite's own terms (plain addresses, $ parameters), on SQLite in every pass.
        await using var h = await CampaignHarness.StartAsync(
            Noon, new Dictionary<string, string?> { ["Storage:Provider"] = "sqlite" });
        await h.ContactAsync("+254711000001", "en", "Africa/Nairobi", group: "alerts");
        await h.ContactAsync("+254711000002", "en", "Africa/Nairobi", group: "alerts");
        await h.CreateAsync(CampaignJson.Once("doubt", new DateTime(2027, 1, 11, 11, 0, 0), "Africa/Nairobi", group: "alerts"));
        await h.Get<PlanTrigger>().NowAsync();
        using (var connection = h.Get<SqliteDatabase>().Open())
        {
            // Contact 2: the process died after marking the send started but before calling the provider.
            connection.Command("UPDATE campaign_sends SET state = 'started', started_at = $t WHERE contact_id = (SELECT id FROM contacts WHERE address = '+254711000002')")
                .With("$t", Noon).ExecuteNonQuery();
        }

        await h.StepAsync();
        Assert.Equal(2, h.Deliveries.Count);

        // Both rows now look as they would after a kill -9 between the provider's answer and recording it.
        using (var connection = h.Get<SqliteDatabase>().Open())
        {
            connection.Command("UPDATE outbox SET state = 'sending'").ExecuteNonQuery();
        }

        Assert.Equal(2, await h.Get<IOutboxStore>().RecoverInFlightAsync());
        await h.StepAsync();

        Assert.Equal(2, h.Deliveries.Count);
        Assert.Equal(0, await h.Get<IOutboxStore>().CountAsync("pending"));
    }

    [Fact]
    public async Task A_run_being_planned_is_not_planned_again_until_its_planner_falls_silent()
    {
        await using var h = await CampaignHarness.StartAsync(Noon);
        var id = await h.CreateAsync(CampaignJson.Once("orphan", new DateTime(2027, 1, 11, 11, 0, 0), "Africa/Nairobi", group: "alerts"));
        var campaigns = h.Get<SqlCampaignStore>();
        var planner = h.Get<CampaignPlanner>();

        Assert.True(await campaigns.BeginRunAsync(id, "once", CampaignPlanner.Orphaned)); // a planner starts, then dies
        Assert.Empty(planner.DueRuns(h.Time.GetUtcNow()));
        Assert.False(await campaigns.BeginRunAsync(id, "once", CampaignPlanner.Orphaned));

        h.Time.Advance(CampaignPlanner.Orphaned + TimeSpan.FromSeconds(1));
        Assert.Single(planner.DueRuns(h.Time.GetUtcNow()));
        await h.ContactAsync("+254711000009", "en", "Africa/Nairobi", group: "alerts");
        await h.StepAsync();
        Assert.Single(h.Deliveries);
        Assert.Empty(planner.DueRuns(h.Time.GetUtcNow()));
    }
}
