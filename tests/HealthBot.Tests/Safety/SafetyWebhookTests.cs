using HealthBot.Channels.Twilio;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Safety;

/// <summary>Emergencies, consent and limits, end to end through the signed SMS webhook and the Twilio peer.</summary>
public sealed class SafetyWebhookTests() : TwilioPeerTests(new Dictionary<string, string?>
    {
        ["Safety:OnCallNumbers:0"] = OnCall,
        ["Safety:MaxRepliesPerHour"] = "3",
        ["Dialog:EmergencyNumber"] = "1199",
        ["Dialog:NearestFacility:en"] = "Kisumu County Hospital",
    })
{
    private const string OnCall = "+254799000000";

    [Fact]
    public async Task Emergency_gets_the_referral_first_then_the_item_and_alerts_on_call_staff_once()
    {
        await SendAsync("+254700000401", "im 8 months pregnant and bleeding a lot");
        await SendAsync("+254700000401", "please help the bleeding is heavy");

        var toPerson = await RepliesAsync("+254700000401", 4);
        Assert.Contains("1199", toPerson[0].Body, StringComparison.Ordinal);
        Assert.Contains("Kisumu County Hospital", toPerson[0].Body, StringComparison.Ordinal);
        Assert.Equal(2, await Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND kind = 'urgent'"));
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM alerts WHERE topic = 'pregnancy-danger-signs' AND status = 'open'"));
        var staff = await RepliesAsync(OnCall, 1);
        Assert.DoesNotContain("+254700000401", staff[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("bleeding", staff[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_is_confirmed_once_then_nothing_until_start()
    {
        await SendAsync("+254700000402", "STOP");
        await RepliesAsync("+254700000402", 1);
        await SendAsync("+254700000402", "how do i prevent malaria");
        await WaitProcessedAsync(2);
        await Factory.WaitIdleAsync();
        Assert.Single(Sent("+254700000402"));

        await SendAsync("+254700000402", "START");
        var replies = await RepliesAsync("+254700000402", 2);
        Assert.Contains("START", replies[0].Body, StringComparison.Ordinal);
        Assert.Equal(2, await Factory.CountAsync("SELECT COUNT(*) FROM consent_events WHERE channel = 'sms' AND reason = 'keyword'"));
    }

    [Fact]
    public async Task Opted_out_contact_in_an_emergency_gets_no_message_but_staff_are_alerted()
    {
        await SendAsync("+254700000403", "arret");
        await RepliesAsync("+254700000403", 1);
        await SendAsync("+254700000403", "a snake just bit my son");

        await Eventually.WaitAsync(() => Factory.CountAsync("SELECT COUNT(*) FROM alerts"), c => c == 1, "the alert");
        await RepliesAsync(OnCall, 1);
        Assert.Single(Sent("+254700000403"));
    }

    [Fact]
    public async Task Twilio_opt_out_signal_is_recorded_without_a_second_confirmation()
    {
        var form = HealthBotFactory.InboundForm("+254700000404", "STOP");
        form["OptOutType"] = "STOP";
        await Factory.PostSignedAsync("/webhooks/twilio/sms", form);

        await Eventually.WaitAsync(() => ConsentAsync("+254700000404"), c => c == "opted_out", "the opt-out");
        await Factory.WaitIdleAsync();
        Assert.Empty(Sent("+254700000404"));
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM consent_events WHERE reason = 'provider-opt-out-type'"));
    }

    [Fact]
    public async Task Twilio_error_21610_opts_the_contact_out()
    {
        Peer.Script(21610);
        await SendAsync("+254700000405", "how to wash hands");

        await Eventually.WaitAsync(() => ConsentAsync("+254700000405"), c => c == "opted_out", "the opt-out from 21610");
        // The opt-out is written before the send's failure (a kill between them must not lose it): wait for both.
        await Eventually.WaitAsync(() => Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE error_code = '21610'"),
            n => n == 1, "the 21610 failure on the message");
    }

    [Fact]
    public async Task Over_the_hourly_limit_one_notice_then_silence_but_emergencies_still_answered()
    {
        foreach (var question in new[] { "how to wash hands", "how to make ors", "signs of malaria", "what is cholera", "how to boil water" })
        {
            await SendAsync("+254700000406", question);
        }

        await WaitProcessedAsync(5);
        await Factory.WaitIdleAsync();
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE kind = 'rate_limited'"));
        Assert.Equal(3, await Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE kind = 'answer'"));

        await SendAsync("+254700000406", "my newborn baby 3 days old is not feeding and very hot");
        await Eventually.WaitAsync(() => Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE kind = 'urgent'"), c => c == 1, "the urgent referral despite the limit");
    }

    [Theory]
    [InlineData("how many tablets of paracetamol for my 2 year old", "referral")]
    [InlineData("quelle dose de coartem pour un enfant", "referral")]
    [InlineData("who won the football match", "out_of_scope")]
    public async Task Doses_get_a_referral_and_other_subjects_a_polite_decline(string text, string kind)
    {
        await SendAsync("+254700000407", text);

        await Eventually.WaitAsync(() => Factory.CountAsync($"SELECT COUNT(*) FROM messages WHERE direction = 'out' AND kind = '{kind}'"), c => c == 1, kind);
    }

    [Fact]
    public async Task Message_over_1600_characters_asks_for_a_shorter_question()
    {
        await SendAsync("+254700000408", string.Concat(Enumerable.Repeat("my child has a fever and cough ", 60)));

        var reply = await RepliesAsync("+254700000408", 1);
        Assert.Contains("shorter", reply[0].Body, StringComparison.Ordinal);
    }

    private async Task<string?> ConsentAsync(string address) =>
        (await Factory.Service<HealthBot.Dialog.IContactStore>().FindAsync("sms", address))?.Consent;

    private Task SendAsync(string from, string body) => Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, body));

    private List<PeerMessage> Sent(string to) => Peer.Received.Where(m => m.To == to).ToList();

    private Task<List<PeerMessage>> RepliesAsync(string to, int count) =>
        Eventually.WaitForAsync(() => Sent(to), r => r.Count >= count, $"{count} messages to {to}");

    private Task WaitProcessedAsync(int count) =>
        Eventually.WaitAsync(() => Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in' AND status = 'processed'"), c => c >= count, $"{count} processed messages");
}
