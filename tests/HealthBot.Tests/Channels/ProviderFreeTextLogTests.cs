using HealthBot.Channels;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Channels.Kannel;
using HealthBot.Channels.Meta;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Channels.AfricasTalking;
using HealthBot.Tests.Channels.Telegram;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels;

/// <summary>
/// A provider's own words (an error page, Meta's <c>error.message</c>, a delivery report's <c>failureReason</c>) may
/// echo the person's number and text: an outside test found them logged verbatim. The logs hold only codes, HTTP
/// statuses, provider error numbers and our ids; the reason is stored, bounded, for staff.
/// </summary>
public sealed class ProviderFreeTextLogTests
{
    private const string Number = "+254700000999";
    private const string Words = "my private words";
    private static readonly string Page = $"Internal error for {Number} text {Words}";

    [Fact]
    public async Task Kannel_error_pages_are_stored_for_staff_and_not_logged()
    {
        await using var kannel = await LocalKannelPeer.StartAsync("hb", "pw");
        await using var factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Channels:Sms:Provider"] = "kannel", ["Kannel:SendSmsUrl"] = kannel.SendSmsUrl,
            ["Kannel:Username"] = "hb", ["Kannel:Password"] = "pw", ["Kannel:Secret"] = "s",
        });
        kannel.ScriptAnswer(500, Page);

        var error = await SendAsync(factory, ChannelNames.Sms, Number, "kannel-http-500");

        Assert.Contains(Words, error, StringComparison.Ordinal);
        AssertLogsClean(factory, "kannel-http-500", "254700000999");
    }

    [Fact]
    public async Task Africas_talking_error_pages_and_failure_reasons_are_not_logged()
    {
        await using var at = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey);
        var settings = AfricasTalkingEndToEndTests.Settings(at);
        settings["Channels:Sms:Provider"] = "africastalking";
        await using var factory = new HealthBotFactory(settings: settings);
        at.CallbackClient = factory.Client();
        at.CallbackBaseUrl = "https://localhost" + AfricasTalkingWebhookEndpoints.Base;
        at.CallbackSecret = AfricasTalkingWebhookTests.Secret;
        at.ScriptAnswer(500, Page, taken: false);

        var error = await SendAsync(factory, ChannelNames.Sms, Number, "africastalking-http-500");
        await at.ReportAsync("ATXid_unknown", "Failed", $"Rejected for {Number}: {Words}");
        await at.ReportAsync("ATXid_unknown2", "Failed", "UserIsInactive");

        Assert.Contains(Words, error, StringComparison.Ordinal);
        AssertLogsClean(factory, "africastalking-http-500", "254700000999");
        Assert.Contains(factory.Logs, l => l.Contains("UserIsInactive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metas_error_messages_are_stored_for_staff_and_only_their_codes_logged()
    {
        const string token = "EAAG-test-access-token";
        await using var meta = await LocalMetaPeer.StartAsync(token, "app-secret");
        await using var factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:Provider"] = "meta", ["MetaWhatsApp:ApiBaseUrl"] = meta.BaseUrl,
            ["MetaWhatsApp:PhoneNumberId"] = LocalMetaPeer.PhoneNumberId, ["MetaWhatsApp:AccessToken"] = token,
            ["MetaWhatsApp:AppSecret"] = "app-secret",
        });
        meta.ScriptAnswer(400, """
            {"error":{"message":"(#131026) Message undeliverable to 254715000002 my private words",
            "type":"OAuthException","code":131026,"error_data":{"messaging_product":"whatsapp",
            "details":"254715000002 my private words"}}}
            """);
        meta.ScriptAnswer(500, Page);

        var failed = await SendAsync(factory, ChannelNames.WhatsApp, "+254715000002", "Message undeliverable");
        var retried = await SendAsync(factory, ChannelNames.WhatsApp, Number, "meta-http-500");

        Assert.Contains(Words, failed, StringComparison.Ordinal);
        Assert.Contains(Words, retried, StringComparison.Ordinal);
        AssertLogsClean(factory, "131026", "254715000002");
        AssertLogsClean(factory, "meta-http-500", "254700000999");
    }

    [Fact]
    public async Task Telegrams_descriptions_are_stored_for_staff_and_only_their_codes_logged()
    {
        var (telegram, factory) = await TelegramTestBot.StartAsync(false);
        try
        {
            telegram.Script(500, description: Page);
            telegram.Script(429, retryAfter: 30); // held long enough to be read

            var error = await SendAsync(factory, "telegram", "1111699", "telegram 500");
            var limited = await WaitForErrorAsync(factory, "telegram 429");

            Assert.Contains(Words, error, StringComparison.Ordinal);
            Assert.Contains("Too Many Requests", limited, StringComparison.Ordinal); // Telegram's description
            AssertLogsClean(factory, "telegram 500", "254700000999");
            AssertLogsClean(factory, "telegram 429", "254700000999");
            Assert.DoesNotContain(factory.Logs, l => l.Contains("Too Many Requests", StringComparison.Ordinal));
        }
        finally
        {
            await TelegramTestBot.StopAsync(factory, telegram);
        }
    }

    private static void AssertLogsClean(HealthBotFactory factory, string code, string number)
    {
        var logs = factory.Logs.ToList();
        Assert.Contains(logs, l => l.Contains(code, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(number, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(Words, StringComparison.Ordinal));
    }

    /// <summary>Queues a message and waits until its first attempt stored an error with this text.</summary>
    private static async Task<string> SendAsync(HealthBotFactory factory, string channel, string to, string code)
    {
        var contact = await factory.Service<IContactStore>().GetOrCreateAsync(channel, to);
        var draft = new OutboundDraft("Take the tablets after food.", ReplyKind.Answer, "en", null, null);
        var id = await factory.Service<IMessageStore>().EnqueueAsync(
            contact.Id, channel, draft, $"t-{Guid.NewGuid():N}");
        factory.Service<OutboxSignal>().Set();
        return await WaitForErrorAsync(factory, code, id);
    }

    /// <summary>Waits until the row of message <paramref name="id"/> (or any row) stored an error with this text.
    /// </summary>
    private static Task<string> WaitForErrorAsync(HealthBotFactory factory, string code, long? id = null) =>
        Eventually.WaitAsync(() =>
        {
            using var connection = factory.Service<Database>().Open();
            var rows = id is null ? string.Empty : $" WHERE message_id = {id}";
            var errors = new List<string>();
            using var reader = connection.Command($"SELECT last_error FROM outbox{rows}").ExecuteReader();
            while (reader.Read())
            {
                errors.Add(reader.IsDBNull(0) ? string.Empty : reader.GetString(0));
            }

            return Task.FromResult(errors.FirstOrDefault(e => e.Contains(code, StringComparison.Ordinal)) ?? "");
        }, e => e.Contains(code, StringComparison.Ordinal), $"the {code} error", 30000);
}
