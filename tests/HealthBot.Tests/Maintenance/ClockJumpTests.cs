using HealthBot.Maintenance;
using HealthBot.Tests.Campaigns;

namespace HealthBot.Tests.Maintenance;

/// <summary>
/// A clock set wrong while the service runs (a modem's bad network time, someone's <c>date -s</c>) would send
/// campaign messages at the wrong hour: a jump of more than Clock:MaxJump holds them until staff confirm the time;
/// NTP's small corrections do not.
/// </summary>
public sealed class ClockJumpTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 11, 6, 0, 0, TimeSpan.Zero); // 09:00 in Nairobi

    [Fact]
    public async Task A_jump_forward_of_three_days_holds_a_planned_message_until_staff_confirm_the_time()
    {
        await using var h = await StartAsync();
        await h.RunUntilAsync(Start.AddMinutes(30), TimeSpan.FromMinutes(5));
        Assert.Empty(h.To("+254700000041")); // due at 10:00 Nairobi, 07:00 UTC

        h.Time.Jump(TimeSpan.FromDays(3));
        await h.RunUntilAsync(h.Time.GetUtcNow().AddHours(2), TimeSpan.FromMinutes(5));

        Assert.Empty(h.To("+254700000041"));
        Assert.Contains("jumped 3 days forward", h.Get<ClockCheck>().Check(), StringComparison.Ordinal);

        await h.Get<ClockHold>().ConfirmAsync("test");
        Assert.Null(h.Get<ClockCheck>().Check());
        await h.RunUntilAsync(h.Time.GetUtcNow().AddMinutes(20), TimeSpan.FromMinutes(5));
        Assert.Single(h.To("+254700000041"));
    }

    [Theory]
    [InlineData(90)]
    [InlineData(-200)]
    public async Task A_small_correction_like_NTPs_does_not_hold_the_message(int seconds)
    {
        await using var h = await StartAsync();
        await h.RunUntilAsync(Start.AddMinutes(30), TimeSpan.FromMinutes(5));

        h.Time.Jump(TimeSpan.FromSeconds(seconds));
        await h.RunUntilAsync(Start.AddMinutes(70), TimeSpan.FromMinutes(5));

        var sent = Assert.Single(h.To("+254700000041"));
        Assert.True(sent.At < Start.AddMinutes(70), $"sent at {sent.At:u}");
        Assert.Null(h.Get<ClockCheck>().Check());
    }

    [Fact]
    public async Task Half_an_hour_ahead_then_put_right_holds_nothing_though_messages_were_stored_meanwhile()
    {
        await using var h = await StartAsync();
        await h.RunUntilAsync(Start.AddMinutes(50), TimeSpan.FromMinutes(5)); // the message is due at +60
        h.Time.Jump(TimeSpan.FromMinutes(30));
        var contact = await h.ContactAsync("+254700000042", "en", "Africa/Nairobi");
        await h.Get<HealthBot.Dialog.IMessageStore>().EnqueueAsync(contact.Id, "sms",
            new HealthBot.Dialog.OutboundDraft("Hello", HealthBot.Dialog.ReplyKind.Greeting, "en", null, null,
                Priority: 10), "stamped-ahead"); // stored 30 minutes ahead

        h.Time.Jump(TimeSpan.FromMinutes(-30));
        await h.RunUntilAsync(Start.AddMinutes(70), TimeSpan.FromMinutes(5));

        Assert.Null(h.Get<ClockCheck>().Check());
        var sent = Assert.Single(h.To("+254700000041"));
        Assert.True(sent.At < Start.AddMinutes(70), $"sent at {sent.At:u}");
    }

    [Fact]
    public async Task A_confirmation_on_the_command_line_releases_the_running_service_within_seconds()
    {
        await using var h = await StartAsync();
        await h.RunUntilAsync(Start.AddMinutes(10), TimeSpan.FromMinutes(5));
        h.Time.Jump(TimeSpan.FromDays(3));
        await h.StepAsync();
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        Assert.NotNull(h.Get<ClockCheck>().CachedCheck(logger));

        // What `healthbot clock confirm` writes from its own process: this service's caches know nothing of it.
        await h.Get<SqlClockEvents>().ConfirmAsync([], "cli", h.Time.GetUtcNow(), "a jump");
        h.Time.Advance(TimeSpan.FromSeconds(6));

        Assert.Null(h.Get<ClockCheck>().CachedCheck(logger));
    }

    [Fact]
    public async Task A_jump_back_of_two_days_holds_too_and_is_stored_for_the_doctor_and_a_restart()
    {
        await using var h = await StartAsync();
        await h.RunUntilAsync(Start.AddMinutes(10), TimeSpan.FromMinutes(5));

        h.Time.Jump(TimeSpan.FromDays(-2));
        await h.StepAsync();

        Assert.Contains("jumped 2 days back", h.Get<ClockCheck>().Check(), StringComparison.Ordinal);
        var stored = Assert.Single(h.Get<SqlClockEvents>().Read()!.OpenJumps);
        Assert.InRange(stored.By.TotalHours, -48.1, -47.9);
    }

    private static async Task<CampaignHarness> StartAsync()
    {
        var h = await CampaignHarness.StartAsync(Start);
        await h.ContactAsync("+254700000041", "en", "Africa/Nairobi", group: "alerts");
        await h.CreateAsync(CampaignJson.Once(
            "clock-jump", new DateTime(2027, 1, 11, 10, 0, 0), "Africa/Nairobi", group: "alerts"));
        return h;
    }
}
