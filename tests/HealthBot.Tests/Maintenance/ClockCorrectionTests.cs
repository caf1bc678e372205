using HealthBot.Campaigns;
using HealthBot.Data;
using HealthBot.Maintenance;
using HealthBot.Tests.Campaigns;

namespace HealthBot.Tests.Maintenance;

/// <summary>
/// Campaign messages held while the clock was days ahead are deferred to "that wrong time + ten minutes": once the
/// clock is put back and staff confirm it, they must go out within ten minutes (as deploy/INSTALL.md promises), not
/// days later; one held for longer than Campaigns:CatchUp is skipped with a reason the campaign report shows.
/// </summary>
public sealed class ClockCorrectionTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 11, 6, 0, 0, TimeSpan.Zero); // 09:00 in Nairobi

    [Fact]
    public async Task A_message_held_during_a_ten_day_jump_goes_out_within_ten_minutes_of_the_confirmation()
    {
        await using var h = await StartAsync();
        await h.RunUntilAsync(Start.AddMinutes(30), TimeSpan.FromMinutes(5));
        h.Time.Jump(TimeSpan.FromDays(10));
        await h.RunUntilAsync(Start.AddDays(10).AddHours(2), TimeSpan.FromMinutes(5)); // due 07:00 UTC: held
        Assert.Empty(h.To("+254700000061"));

        h.Time.Jump(TimeSpan.FromDays(-10));
        await h.StepAsync();
        Assert.Empty(h.To("+254700000061")); // a jump back holds too, until confirmed
        await h.Get<ClockHold>().ConfirmAsync("test");
        var confirmed = h.Time.GetUtcNow();
        await h.RunUntilAsync(confirmed.AddMinutes(15), TimeSpan.FromMinutes(5));

        var sent = Assert.Single(h.To("+254700000061"));
        Assert.True(sent.At <= confirmed.AddMinutes(10), $"sent at {sent.At:u}, confirmed at {confirmed:u}");
    }

    [Fact]
    public async Task A_message_held_longer_than_the_catch_up_is_skipped_with_the_reason_in_the_report()
    {
        await using var h = await StartAsync();
        await h.RunUntilAsync(Start.AddMinutes(30), TimeSpan.FromMinutes(5));
        h.Time.Jump(TimeSpan.FromDays(10));
        await h.RunUntilAsync(Start.AddDays(10).AddHours(2), TimeSpan.FromMinutes(5));
        h.Time.Advance(TimeSpan.FromDays(2)); // two real days held (Campaigns:CatchUp is one)
        await h.StepAsync();

        h.Time.Jump(TimeSpan.FromDays(-10));
        await h.Get<ClockHold>().ConfirmAsync("test");
        await h.RunUntilAsync(h.Time.GetUtcNow().AddMinutes(15), TimeSpan.FromMinutes(5));

        Assert.Empty(h.To("+254700000061"));
        using var connection = h.Get<Database>().Open();
        var reason = connection.Command("SELECT state || ':' || reason FROM campaign_sends").ExecuteScalar();
        Assert.Equal("skipped:" + SqlCampaignGateStore.HeldTooLong, reason);
    }

    private static async Task<CampaignHarness> StartAsync()
    {
        var h = await CampaignHarness.StartAsync(Start);
        await h.ContactAsync("+254700000061", "en", "Africa/Nairobi", group: "alerts");
        await h.CreateAsync(CampaignJson.Once(
            "clock-held", new DateTime(2027, 1, 11, 10, 0, 0), "Africa/Nairobi", group: "alerts"));
        return h;
    }
}
