using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Outbox;

/// <summary>
/// A reply whose send timed out is in doubt: Twilio may have it (its CreateAsync cannot be cancelled). Before it is
/// sent again Twilio is asked; it goes out once either way.
/// </summary>
public sealed class OutboxInDoubtTests()
    : TwilioPeerTests(new Dictionary<string, string?> { ["Outbox:SendTimeout"] = "00:00:01" })
{
    private const string Question = "how do i make ORS for my child with diarrhoea";

    [Fact]
    public async Task A_reply_that_timed_out_but_reached_twilio_is_recorded_as_sent_and_not_sent_again()
    {
        Peer.ScriptDelays(TimeSpan.FromSeconds(4)); // Twilio takes the message, then answers long after our 1 s timeout

        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700000601", Question));

        var first = await Eventually.WaitForAsync(() => Peer.Received.ToList(), r => r.Count >= 1, "the reply");
        await Eventually.WaitAsync(() => DoneAsync(), c => c == 1, "the reply to be settled");
        await Task.Delay(TimeSpan.FromSeconds(4)); // past the peer's late answer and many dispatcher polls
        await Factory.WaitIdleAsync();

        Assert.Single(Peer.Received);
        var sid = first[0].Sid;
        Assert.Equal(1, await Factory.CountAsync(
            $"SELECT COUNT(*) FROM messages WHERE direction = 'out' AND status = 'sent' AND provider_id = '{sid}'"));
        Assert.Equal(2, await Factory.CountAsync("SELECT attempts FROM outbox")); // the timed-out send, the lookup
    }

    [Fact]
    public async Task A_reply_whose_call_hangs_without_reaching_twilio_is_sent_once_that_call_is_closed()
    {
        Peer.HangNext(1); // never answered, never taken: closed after four send time limits, then looked up

        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700000604", Question));

        await Eventually.WaitAsync(() => DoneAsync(), c => c == 1, "the reply sent after the hung call", 30_000);
        await Factory.WaitIdleAsync();
        Assert.Single(Peer.Received);
    }

    [Fact]
    public async Task A_reply_whose_send_failed_in_doubt_and_never_reached_twilio_is_sent_once()
    {
        Peer.Script(500); // a server error: Twilio may or may not have created it; this time it did not

        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700000602", Question));

        await Eventually.WaitAsync(() => DoneAsync(), c => c == 1, "the reply to be sent");
        await Factory.WaitIdleAsync();
        Assert.Equal(2, Peer.Attempts);
        var sent = Assert.Single(Peer.Received);
        Assert.Equal(1, await Factory.CountAsync(
            $"SELECT COUNT(*) FROM messages WHERE direction = 'out' AND provider_id = '{sent.Sid}'"));
    }

    [Fact]
    public async Task The_same_answer_again_is_not_mistaken_for_the_first_one_when_its_send_is_in_doubt()
    {
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700000603", Question));
        await Eventually.WaitAsync(() => DoneAsync(), c => c == 1, "the first answer to be sent");
        Peer.Script(500); // the second, identical answer fails in doubt; Twilio holds only the first

        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700000603", Question));

        await Eventually.WaitAsync(() => DoneAsync(), c => c == 2, "the second answer to be sent");
        await Factory.WaitIdleAsync();
        Assert.Equal(2, Peer.Received.Count);
        Assert.Single(Peer.Received.Select(m => m.Body).Distinct());
        Assert.Equal(2, await Factory.CountAsync(
            "SELECT COUNT(DISTINCT provider_id) FROM messages WHERE direction = 'out' AND provider_id IS NOT NULL"));
    }

    private Task<int> DoneAsync() => Factory.CountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'done'");
}
