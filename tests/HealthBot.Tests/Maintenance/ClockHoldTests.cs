using HealthBot.Data;
using HealthBot.Tests.Campaigns;

namespace HealthBot.Tests.Maintenance;

/// <summary>
/// A Raspberry Pi without a real-time clock can start in the past after a power cut. While the clock is earlier than
/// the newest stored message, campaign messages are held (not sent at the wrong hour); once it is right they go out.
/// </summary>
public sealed class ClockHoldTests
{
    [Fact]
    public async Task Campaign_messages_wait_while_the_clock_is_behind_the_stored_data_and_go_out_once_it_is_right()
    {
        var start = new DateTimeOffset(2027, 1, 11, 6, 0, 0, TimeSpan.Zero); // 09:00 in Nairobi
        await using var h = await CampaignHarness.StartAsync(start);
        var contact = await h.ContactAsync("+254700000031", "en", "Africa/Nairobi", group: "alerts");
        // Stored while the clock was right: three hours later than the box's clock says now.
        var storedAt = start.AddHours(3);
        await h.Get<IDatabaseWriter>().WriteAsync((connection, transaction) => connection.Command(
                "INSERT INTO messages (contact_id, direction, channel, body, status, created_at, updated_at) " +
                "VALUES (@c, 'in', 'sms', 'hello', 'answered', @t, @t)", transaction)
            .With("@c", contact.Id).With("@t", storedAt).ExecuteNonQuery());
        await h.CreateAsync(CampaignJson.Once(
            "clock-alert", new DateTime(2027, 1, 11, 9, 5, 0), "Africa/Nairobi", group: "alerts"));

        // More than ClockCheck's hour of tolerance behind: held; within it the clock counts as right.
        await h.RunUntilAsync(storedAt.AddMinutes(-65), TimeSpan.FromMinutes(5));
        Assert.Empty(h.To("+254700000031"));

        await h.RunUntilAsync(storedAt.AddMinutes(30), TimeSpan.FromMinutes(5));
        var sent = Assert.Single(h.To("+254700000031"));
        Assert.True(sent.At >= storedAt.AddMinutes(-60), $"sent at {sent.At:u}, while the clock was behind");
    }
}
