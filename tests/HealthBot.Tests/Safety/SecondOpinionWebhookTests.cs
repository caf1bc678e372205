using HealthBot.Channels.Twilio;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Safety;

/// <summary>
/// The learned second opinion end to end through the signed SMS webhook: on an emergency the rules miss, the person
/// gets their normal answer and one safety line, and staff a "possible emergency" alert in the inbox (no page);
/// when the rules fire nothing changes, and a rule's emergency after a second opinion still pages on-call staff.
/// </summary>
public sealed class SecondOpinionWebhookTests() : TwilioPeerTests(new Dictionary<string, string?>
    {
        ["Safety:OnCallNumbers:0"] = OnCall,
        ["Dialog:EmergencyNumber"] = "1199",
    })
{
    private const string OnCall = "+254799000100";
    private const string SafetyLine = "If this is happening now and is serious";

    [Fact]
    public async Task A_missed_emergency_gets_the_answer_and_a_safety_line_and_staff_a_review_alert()
    {
        await SendAsync("+254700000501", SecondOpinionModelTests.MissedByTheRules.Text);

        var replies = await Eventually.WaitForAsync(() => Sent("+254700000501"), r => r.Count >= 2, "the safety line and the answer");
        Assert.Contains(SafetyLine, replies[0].Body, StringComparison.Ordinal);
        Assert.Contains("1199", replies[0].Body, StringComparison.Ordinal);
        // The safety line goes first, so that "Was this helpful?" (when it fits) stays the last thing read.
        Assert.DoesNotContain(SafetyLine, replies[^1].Body, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND kind = 'urgent'"));
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND kind = 'answer'"));
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM alerts WHERE rule = 'second-opinion' AND status = 'open' AND sms = 'none'"));
        Assert.Empty(Sent(OnCall));
    }

    [Fact]
    public async Task The_inbox_shows_the_alert_as_a_possible_emergency()
    {
        await SendAsync("+254700000502", SecondOpinionModelTests.MissedByTheRules.Text);
        await Eventually.WaitAsync(() => Factory.CountAsync("SELECT COUNT(*) FROM alerts"), c => c == 1, "the alert");

        var responder = await Factory.SignedInAsync(HealthBot.Admin.StaffRoles.Responder);
        var inbox = await responder.GetStringAsync("/admin/inbox");
        Assert.Contains("possible emergency (second opinion)", inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_rules_fire_the_referral_and_page_are_the_rules_alone()
    {
        await SendAsync("+254700000503", "im 8 months pregnant and bleeding a lot");

        var toPerson = await Eventually.WaitForAsync(() => Sent("+254700000503"), r => r.Count >= 2, "the referral and item");
        await Eventually.WaitForAsync(() => Sent(OnCall), r => r.Count == 1, "the page");
        Assert.DoesNotContain(toPerson, m => m.Body.Contains(SafetyLine, StringComparison.Ordinal));
        Assert.Equal(0, await Factory.CountAsync("SELECT COUNT(*) FROM alerts WHERE rule = 'second-opinion'"));
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM alerts WHERE rule <> 'second-opinion' AND sms = 'sent'"));
    }

    [Fact]
    public async Task A_rule_emergency_after_a_second_opinion_still_gets_its_own_alert_and_page()
    {
        await SendAsync("+254700000504", SecondOpinionModelTests.MissedByTheRules.Text);
        await Eventually.WaitAsync(() => Factory.CountAsync("SELECT COUNT(*) FROM alerts"), c => c == 1, "the review alert");
        await SendAsync("+254700000504", "now she is unconscious and not breathing");

        await Eventually.WaitForAsync(() => Sent(OnCall), r => r.Count == 1, "the page");
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM alerts WHERE rule <> 'second-opinion' AND sms = 'sent'"));
    }

    private Task SendAsync(string from, string body) => Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, body));

    private List<PeerMessage> Sent(string to) => Peer.Received.Where(m => m.To == to).ToList();
}

/// <summary><c>Safety:SecondOpinion=false</c>: the rules alone, no safety line and no review alert.</summary>
public sealed class SecondOpinionOffTests() : TwilioPeerTests(new Dictionary<string, string?> { ["Safety:SecondOpinion"] = "false" })
{
    [Fact]
    public async Task Switched_off_a_missed_emergency_gets_the_normal_answer_only()
    {
        await Factory.PostSignedAsync("/webhooks/twilio/sms",
            HealthBotFactory.InboundForm("+254700000601", SecondOpinionModelTests.MissedByTheRules.Text));

        await Eventually.WaitAsync(
            () => Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in' AND status = 'processed'"), c => c == 1, "processed");
        await Factory.WaitIdleAsync();
        Assert.DoesNotContain(Peer.Received, m => m.Body.Contains("If this is happening now", StringComparison.Ordinal));
        Assert.Equal(0, await Factory.CountAsync("SELECT COUNT(*) FROM alerts"));
    }
}
