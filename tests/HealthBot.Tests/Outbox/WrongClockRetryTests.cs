using System.Net;
using System.Text.Json;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Outbox;

/// <summary>
/// A reply queued (or a retry scheduled) while the wall clock was days ahead carries a due time days ahead: once the
/// clock is put right it must go out at once, not wait the size of the jump; and /readyz must not say "ok" while a
/// reply is set to wait longer than any retry would.
/// </summary>
public sealed class WrongClockRetryTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 11, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reply_scheduled_while_the_clock_was_two_days_ahead_goes_out_once_the_clock_is_right()
    {
        await using var h = await CampaignHarness.StartAsync(Start);
        var contact = await h.ContactAsync("+254700000051", "en", "Africa/Nairobi");
        h.Time.Jump(TimeSpan.FromDays(2));
        await h.Get<IMessageStore>().EnqueueAsync(contact.Id, "sms",
            new OutboundDraft("Hello", ReplyKind.Greeting, "en", null, null, Priority: 10), "wrong-clock-reply");

        h.Time.Jump(TimeSpan.FromDays(-2));
        h.Time.Advance(TimeSpan.FromSeconds(30));
        await h.StepAsync();

        var sent = Assert.Single(h.To("+254700000051"));
        Assert.True(sent.At < Start.AddMinutes(1), $"sent at {sent.At:u}");
    }

    [Fact]
    public async Task Readyz_fails_while_a_reply_is_set_to_wait_longer_than_any_retry()
    {
        await using var factory = new HealthBotFactory();
        using var client = factory.CreateClient();
        var messages = factory.Service<IMessageStore>();
        var inbound = await messages.RecordInboundAsync(
            new InboundMessage("fax", "+254700000124", "hello", "fax-2", DateTimeOffset.UtcNow));
        await messages.EnqueueAsync(inbound.ContactId, "fax",
            new OutboundDraft("Hello", ReplyKind.Greeting, "en", null, null, Priority: 10), "far-retry-test");
        var outbox = factory.Service<IOutboxStore>();
        var row = Assert.Single(await outbox.ClaimDueAsync(["fax"], 10));
        await outbox.MarkRetryAsync(row.OutboxId, DateTimeOffset.UtcNow.AddDays(2), "provider down");

        var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("outbox");
        Assert.False(body.GetProperty("ok").GetBoolean());
        Assert.True(body.GetProperty("furthest_due_seconds").GetDouble() > 47 * 3600);
        Assert.Contains("longer than any retry", body.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }
}
