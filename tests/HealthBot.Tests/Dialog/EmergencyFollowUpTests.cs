using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Dialog;

/// <summary>
/// Issue #12: a follow-up after an emergency keeps the emergency: the referral is sent again and staff see the
/// message on the same open alert (no second alert, no second page to on-call staff).
/// </summary>
public sealed class EmergencyFollowUpTests() : TwilioPeerTests(new Dictionary<string, string?> { ["Safety:OnCallNumbers:0"] = "+15550109999" })
{
    private const string From = "+254700300001";

    [Fact]
    public async Task A_follow_up_after_a_snakebite_repeats_the_referral_on_the_same_alert()
    {
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(From, "my son was bitten by a snake"));
        await Eventually.WaitForAsync(() => Peer.Received.Where(m => m.To == From).ToList(), r => r.Count >= 2, "the referral and the snakebite item");
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(From, "he is 5, the leg is swelling, what now"));
        await Factory.WaitIdleAsync();

        var contact = (await Factory.Service<IContactStore>().FindAsync("sms", From))!;
        var conversation = await Factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 20);
        var inbound = conversation.Where(m => m.Direction == "in").ToList();
        var replies = conversation.Where(m => m.Direction == "out").ToList();
        var alert = Assert.Single(await Factory.Service<IAlertStore>().OpenAsync(10));

        Assert.Equal(2, replies.Count(r => r.Kind == ReplyKind.Urgent));
        // The part of the snakebite item that speaks of the swelling leg.
        Assert.Contains("swelling", replies.Last(r => r.Kind == ReplyKind.Answer).Body, StringComparison.Ordinal);
        Assert.Equal("snakebite", replies.Last(r => r.Kind == ReplyKind.Answer).ContentId);
        Assert.Equal(inbound[0].Id, alert.MessageId);
        Assert.Equal(1, alert.FollowUps);
        Assert.Equal(inbound[1].Id, await Factory.CountAsync($"SELECT last_message_id FROM alerts WHERE id = {alert.Id}"));
        Assert.Single(Peer.Received, m => m.To == "+15550109999");
    }

    [Fact]
    public async Task A_hinglish_pregnancy_bleeding_said_in_months_keeps_its_emergency_on_the_next_turns()
    {
        const string from = "+919800300002";
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, "abhi 6 mahine hai aur aaj thoda khoon aaya, pet me dard bhi"));
        await Eventually.WaitForAsync(() => Peer.Received.Where(m => m.To == from).ToList(), r => r.Count >= 2, "the referral and its item");
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, "gaadi nahi mil rahi, kal subah jaayein to chalega?"));
        await Factory.WaitIdleAsync();

        var contact = (await Factory.Service<IContactStore>().FindAsync("sms", from))!;
        var replies = (await Factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 20)).Where(m => m.Direction == "out").ToList();
        var alert = Assert.Single(await Factory.Service<IAlertStore>().OpenAsync(10));

        Assert.Equal(2, replies.Count(r => r.Kind == ReplyKind.Urgent));
        Assert.All(replies, r => Assert.Equal("hi", r.Language));
        Assert.Equal("hi:pregnancy-danger-signs", alert.Rule);
        Assert.Equal(1, alert.FollowUps);
    }

    [Fact]
    public async Task A_new_question_after_an_emergency_is_answered_without_the_referral()
    {
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(From, "my son was bitten by a snake"));
        await Eventually.WaitForAsync(() => Peer.Received.Where(m => m.To == From).ToList(), r => r.Count >= 2, "the referral");
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(From, "how do I protect my family from malaria"));
        await Factory.WaitIdleAsync();

        var contact = (await Factory.Service<IContactStore>().FindAsync("sms", From))!;
        var replies = (await Factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 20)).Where(m => m.Direction == "out").ToList();

        Assert.Single(replies, r => r.Kind == ReplyKind.Urgent);
        Assert.Equal("malaria-prevention", replies.Last().ContentId);
        Assert.Equal(0, Assert.Single(await Factory.Service<IAlertStore>().OpenAsync(10)).FollowUps);
    }
}
