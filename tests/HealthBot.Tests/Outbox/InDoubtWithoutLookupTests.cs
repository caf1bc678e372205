using HealthBot.Channels;
using HealthBot.Channels.Kannel;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Outbox;

/// <summary>
/// Kannel (like Africa's Talking and Meta) cannot be asked whether it took a message. An outside test saw a reply
/// sent three times when the provider took 17 s to answer with a 15 s limit. An in-doubt send through such a
/// provider is sent again no sooner than one full backoff after the doubtful call ended, and only once per in-doubt
/// episode: when that one resend gets no answer either, the row fails "unconfirmed" for staff to check.
/// </summary>
public sealed class InDoubtWithoutLookupTests
{
    [Fact]
    public async Task A_slow_provider_gets_one_copy_more_after_a_full_backoff_and_no_third()
    {
        await using var kannel = await LocalKannelPeer.StartAsync("hb", "pw");
        await using var factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Channels:Sms:Provider"] = "kannel", ["Kannel:SendSmsUrl"] = kannel.SendSmsUrl,
            ["Kannel:Username"] = "hb", ["Kannel:Password"] = "pw", ["Kannel:Secret"] = "s",
            ["Kannel:TimeoutSeconds"] = "1",
            ["Outbox:InitialBackoff"] = "00:00:02", ["Outbox:MaxBackoff"] = "00:00:04",
        });
        // Each of these is taken, but answered after the 1 s limit; then Kannel answers at once.
        for (var i = 0; i < 4; i++)
        {
            kannel.ScriptAnswer(202, LocalKannelPeer.Accepted, taken: true, delay: TimeSpan.FromSeconds(1.5));
        }

        var contact = await factory.Service<IContactStore>().GetOrCreateAsync(ChannelNames.Sms, "+254700000414");
        var draft = new OutboundDraft("Take the tablets after food.", ReplyKind.Answer, "en", null, null);
        var id = await factory.Service<IMessageStore>().EnqueueAsync(contact.Id, ChannelNames.Sms, draft, "slow-1");
        factory.Service<OutboxSignal>().Set();

        await Eventually.WaitAsync(
            () => factory.CountAsync($"SELECT COUNT(*) FROM outbox WHERE message_id = {id} AND state <> 'pending'" +
                                     " AND state <> 'sending'"),
            n => n == 1, "the row settled", 40000);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var copies = kannel.Sent.ToList();
        Assert.Equal(2, copies.Count);
        // Not at once: a backoff after the first call ended.
        Assert.True(copies[1].At - copies[0].At >= TimeSpan.FromSeconds(2), $"{copies[1].At - copies[0].At}: " +
            string.Join(" | ", factory.Logs.Where(l => l.Contains("Outbox row", StringComparison.Ordinal))));
        Assert.Equal(1, await factory.CountAsync(
            $"SELECT COUNT(*) FROM messages WHERE id = {id} AND status = 'failed' AND error_code = 'unconfirmed'"));
    }
}
