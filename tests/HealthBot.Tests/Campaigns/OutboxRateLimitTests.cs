using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;

namespace HealthBot.Tests.Campaigns;

/// <summary>The per-channel rate limit paces bulk messages, and a reply to someone who wrote in overtakes them.</summary>
public sealed class OutboxRateLimitTests
{
    [Fact]
    public async Task Bulk_messages_go_at_the_channel_limit_and_a_reply_jumps_the_queue()
    {
        await using var h = await CampaignHarness.StartAsync(DateTimeOffset.UtcNow, new Dictionary<string, string?>
        {
            ["Outbox:RateLimits:sms"] = "20",
            ["Campaigns:QuietHoursEnd"] = "00:00:00",
            ["Campaigns:QuietHoursStart"] = "23:59:59",
        }, fakeTime: false);
        for (var i = 0; i < 60; i++)
        {
            await h.ContactAsync($"+2547200{i:D5}", "en", "UTC", group: "alerts");
        }

        await h.CreateAsync(CampaignJson.Once("bulk", DateTime.UtcNow.AddMinutes(-1), "UTC", group: "alerts"));
        await h.Get<HealthBot.Campaigns.PlanTrigger>().NowAsync();
        var started = DateTimeOffset.UtcNow;
        var sending = h.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        await Task.Delay(500);

        var messages = h.Get<IMessageStore>();
        var inbound = await messages.RecordInboundAsync(new InboundMessage("sms", "+254799999999", "how do i make ORS", "SMrate1", DateTimeOffset.UtcNow));
        await messages.CompleteInboundAsync(inbound.MessageId, "en", [new OutboundDraft("Mix one packet of ORS in one litre of clean water.", ReplyKind.Answer, "en", null, null, Priority: 10)]);
        var written = DateTimeOffset.UtcNow;
        await sending;
        await h.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        var all = h.Deliveries.ToList();
        Assert.Equal(61, all.Count);
        var reply = Assert.Single(all, d => d.Message.To == "+254799999999");
        // It waits at most for the round already claimed (about one second of bulk sends), not for the whole campaign.
        Assert.True(reply.At - written < TimeSpan.FromSeconds(2.5), $"the reply waited {(reply.At - written).TotalSeconds:0.00} s");
        Assert.True(all.Count(d => d.At > reply.At) >= 20, "most bulk messages should still be waiting when the reply goes");
        var bulkSeconds = (all.Max(d => d.At) - started).TotalSeconds;
        Assert.InRange(bulkSeconds, 2.7, 15); // 61 messages at 20 per second take at least 3 s
    }
}
