using HealthBot.Channels;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Channels.Kannel;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Channels.AfricasTalking;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Outbox;

/// <summary>
/// A send the provider certainly did not take (the connection refused before any byte of the request left, Kannel's
/// documented 503 "Temporal failure, try again later") is a plain retry: the row is not in doubt, so it is sent as
/// soon as the provider is back, without the wait and the one-resend limit of a send that may have been taken.
/// </summary>
public sealed class NotTakenRetryTests
{
    [Fact]
    public async Task A_refused_connection_is_a_plain_retry_and_the_message_goes_out_once_the_provider_is_up()
    {
        var port = HealthBotFactory.FreeLoopbackPort(); // nothing listens there yet: connection refused
        Dictionary<string, string?> settings;
        await using (var gone = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey))
        {
            settings = AfricasTalkingEndToEndTests.Settings(gone);
        }

        settings["AfricasTalking:ApiBaseUrl"] = $"http://127.0.0.1:{port}";
        await using var factory = new HealthBotFactory(settings: settings);

        var id = await EnqueueAsync(factory, "+254700000416");
        await Eventually.WaitAsync(() => factory.CountAsync(
                $"SELECT COUNT(*) FROM outbox WHERE message_id = {id} AND attempts >= 2 AND state <> 'done'"),
            n => n == 1, "two refused attempts", 30000);
        Assert.Equal(0, await factory.CountAsync($"SELECT COUNT(*) FROM outbox WHERE message_id = {id} " +
                                                 "AND in_doubt_since IS NOT NULL AND state = 'pending'"));
        Assert.Contains(factory.Logs, l => l.Contains("connection: ConnectionError", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs, l => l.Contains("has no lookup", StringComparison.Ordinal));

        await using var at = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey, port);
        await Eventually.WaitForAsync(() => at.Sent.Count, n => n == 1, "the message sent once it is up", 30000);
        await Eventually.WaitAsync(() => factory.CountAsync(
            $"SELECT COUNT(*) FROM outbox WHERE message_id = {id} AND state = 'done'"), n => n == 1, "the row done");
    }

    [Fact]
    public async Task Kannels_503_is_a_plain_retry()
    {
        await using var kannel = await LocalKannelPeer.StartAsync("hb", "pw");
        await using var factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Channels:Sms:Provider"] = "kannel", ["Kannel:SendSmsUrl"] = kannel.SendSmsUrl,
            ["Kannel:Username"] = "hb", ["Kannel:Password"] = "pw", ["Kannel:Secret"] = "s",
            ["Outbox:InitialBackoff"] = "00:00:30", ["Outbox:MaxBackoff"] = "00:01:00",
        });
        kannel.ScriptAnswer(503, "Temporal failure, try again later.", taken: false);

        var id = await EnqueueAsync(factory, "+254700000417");

        await Eventually.WaitAsync(() => factory.CountAsync(
                $"SELECT COUNT(*) FROM outbox WHERE message_id = {id} AND state = 'pending' AND attempts = 1"),
            n => n == 1, "the 503 retried later", 30000);
        Assert.Equal(0, await factory.CountAsync(
            $"SELECT COUNT(*) FROM outbox WHERE message_id = {id} AND in_doubt_since IS NOT NULL"));
        Assert.Empty(kannel.Sent);
    }

    private static async Task<long> EnqueueAsync(HealthBotFactory factory, string number)
    {
        var contact = await factory.Service<IContactStore>().GetOrCreateAsync(ChannelNames.Sms, number);
        var draft = new OutboundDraft("Take the tablets after food.", ReplyKind.Answer, "en", null, null);
        var id = await factory.Service<IMessageStore>().EnqueueAsync(
            contact.Id, ChannelNames.Sms, draft, $"nt-{Guid.NewGuid():N}");
        factory.Service<OutboxSignal>().Set();
        return id!.Value;
    }
}
