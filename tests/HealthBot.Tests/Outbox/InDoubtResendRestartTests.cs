using HealthBot.Channels;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Channels.AfricasTalking;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Outbox;

/// <summary>
/// Africa's Talking cannot be asked whether it took a message: a send in doubt is sent again once per in-doubt
/// episode. The service is stopped while that one resend is still open; after the restart over the same database the
/// row is not sent a third time but fails "unconfirmed" for staff to check.
/// </summary>
public sealed class InDoubtResendRestartTests
{
    [Fact]
    public async Task A_restart_during_the_one_resend_sends_no_third_copy()
    {
        await using var at = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey);
        var settings = AfricasTalkingEndToEndTests.Settings(at);
        settings["Storage:Provider"] = TestPostgres.ForEveryFactory ? "postgres" : "sqlite";
        if (TestPostgres.ForEveryFactory)
        {
            settings["Storage:PostgresConnection"] = TestPostgres.CreateDatabase();
        }

        var data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
        at.ScriptHttp(500); // the first send: an unclear answer, in doubt
        at.Hold(afterCalls: 1); // the resend: held open until the service stops
        long id;
        await using (var first = new HealthBotFactory(dataDirectory: data, settings: settings))
        {
            var contact = await first.Service<IContactStore>().GetOrCreateAsync(ChannelNames.Sms, "+254700000415");
            var draft = new OutboundDraft("Take the tablets after food.", ReplyKind.Answer, "en", null, null);
            var messages = first.Service<IMessageStore>();
            id = (await messages.EnqueueAsync(contact.Id, ChannelNames.Sms, draft, "resend-1"))!.Value;
            first.Service<OutboxSignal>().Set();
            await Eventually.WaitForAsync(() => at.Holding, n => n == 1, "the resend held open", 30000);
        }

        at.Release();
        await using (var second = new HealthBotFactory(dataDirectory: data, settings: settings))
        {
            _ = second.Server; // the dispatcher recovers the row left in flight
            await Eventually.WaitAsync(
                () => second.CountAsync($"SELECT COUNT(*) FROM messages WHERE id = {id} AND status = 'failed' " +
                                        "AND error_code = 'unconfirmed'"),
                n => n == 1, "the row failed unconfirmed", 40000);
        }

        Assert.Equal(2, at.Calls); // the first send and the one resend: no third call
    }
}
