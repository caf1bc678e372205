using System.Net;
using HealthBot.Channels;
using HealthBot.Channels.Telegram;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Telegram;

/// <summary>
/// A Telegram bot with no Twilio settings: the person's update (with the secret header) → the real dialog engine →
/// sendMessage on the local Bot API peer, which reads the HTML as Telegram does.
/// </summary>
public sealed class TelegramEndToEndTests : IAsyncLifetime
{
    private LocalTelegramPeer telegram = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        (telegram, factory) = await TelegramTestBot.StartAsync(
            true, ("Twilio:AccountSid", string.Empty), ("Twilio:AuthToken", string.Empty),
            ("Twilio:SmsFrom", string.Empty), ("Twilio:WhatsAppFrom", string.Empty),
            ("Channels:ProbeInterval", "00:00:01"), ("Outbox:InitialBackoff", "00:00:00.200"));
    }

    public Task DisposeAsync() => TelegramTestBot.StopAsync(factory, telegram);

    [Fact]
    public async Task A_question_is_answered_in_html_and_stop_silences_the_chat()
    {
        Assert.Equal(HttpStatusCode.OK, await telegram.PersonSendsAsync(1111401, "how do i make ORS at home"));
        var answer = (await SentAsync(1)).Single();
        Assert.Equal("HTML", (string?)answer.Request["parse_mode"]);
        Assert.Contains("ORS", answer.Visible, StringComparison.Ordinal);
        Assert.DoesNotContain("**", answer.Visible, StringComparison.Ordinal);
        var stored = await Eventually.WaitAsync(() => OutboundAsync(1111401), m => m.Any(o => o.ProviderId is not null),
            "Telegram's message id recorded", 30000);
        Assert.Equal($"tg:1111401:{answer.MessageId}", stored.Single().ProviderId);

        await telegram.PersonSendsAsync(1111401, "/stop");
        await SentAsync(2);
        Assert.Equal(Consent.OptedOut, (await ContactAsync(1111401)).Consent);
        await telegram.PersonSendsAsync(1111401, "what are the signs of malaria");
        await factory.WaitIdleAsync();
        Assert.Equal(2, telegram.Received.Count);
        Assert.DoesNotContain(factory.Logs, l => l.Contains("1111401") || l.Contains("ORS at home") ||
                                                 l.Contains(TelegramWebhookTests.BotToken));
    }

    [Fact]
    public async Task Start_opts_in_with_a_welcome_and_brings_back_a_person_who_stopped()
    {
        await telegram.PersonSendsAsync(1111402, "/start");
        var welcome = (await SentAsync(1)).Single();
        Assert.Contains("HealthBot", welcome.Visible, StringComparison.Ordinal);
        Assert.Equal(Consent.OptedIn, (await ContactAsync(1111402)).Consent);

        await telegram.PersonSendsAsync(1111402, "/stop@" + LocalTelegramPeer.BotUsername);
        await SentAsync(2);
        await telegram.PersonSendsAsync(1111402, "/start clinic42");

        await SentAsync(3);
        Assert.Equal(Consent.OptedIn, (await ContactAsync(1111402)).Consent);
    }

    [Fact]
    public async Task Language_with_a_code_switches_and_alone_offers_the_languages_to_tap()
    {
        await telegram.PersonSendsAsync(1111403, "/language sw");
        var switched = (await SentAsync(1)).Single();
        Assert.Contains("Kiswahili", switched.Visible, StringComparison.Ordinal);
        Assert.Equal("sw", (await ContactAsync(1111403)).Language);

        await telegram.PersonSendsAsync(1111403, "/language");
        var choice = (await SentAsync(2)).Last();
        var buttons = choice.Request["reply_markup"]!["keyboard"]!.AsArray()
            .SelectMany(row => row!.AsArray()).Select(b => (string?)b!["text"]).ToList();
        Assert.Equal(TelegramCommands.LanguageNames.Values, buttons);

        await telegram.PersonSendsAsync(1111403, "Français");
        await SentAsync(3);
        Assert.Equal("fr", (await ContactAsync(1111403)).Language);
    }

    [Fact]
    public async Task A_sticker_from_a_swahili_telegram_app_gets_please_send_text_in_swahili()
    {
        await telegram.PersonSendsAsync(1111404, "sticker",
            new System.Text.Json.Nodes.JsonObject { ["file_id"] = "CAACAgIAAxkBAAIB", ["emoji"] = "👍" }, "sw");

        var reply = (await SentAsync(1)).Single();
        Assert.Contains("ujumbe wa maandishi", reply.Visible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_update_delivered_twice_gets_one_reply()
    {
        await telegram.PersonSendsAsync(1111405, "what are the signs of malaria");
        Assert.Equal(HttpStatusCode.OK, await telegram.PostAsync(telegram.LastUpdate, TelegramWebhookTests.Secret));

        await SentAsync(1);
        await factory.WaitIdleAsync();
        Assert.Single(telegram.Received);
    }

    [Fact]
    public async Task Too_many_requests_waits_the_retry_after_telegram_asked_for()
    {
        telegram.Script(429, retryAfter: 3);
        await telegram.PersonSendsAsync(1111406, "what are the signs of malaria");

        await SentAsync(1);
        var times = telegram.AttemptTimes.ToList();
        Assert.Equal(2, times.Count);
        // The outbox's own first backoff here is 0.2 s; Telegram said 3.
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(2.9), $"retried after {times[1] - times[0]}");
    }

    [Fact]
    public async Task A_server_error_is_retried_and_the_answer_arrives()
    {
        telegram.Script(502);
        await telegram.PersonSendsAsync(1111407, "what are the signs of malaria");

        await SentAsync(1);
        Assert.Equal(2, telegram.Attempts);
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_opted_out_whether_telegram_said_so_or_a_send_found_out()
    {
        telegram.Block(1111408);
        await telegram.PersonSendsAsync(1111408, "what are the signs of malaria");

        var failed = await Eventually.WaitAsync(() => OutboundAsync(1111408), m => m.Any(o => o.Status == "failed"),
            "the send failed permanently", 30000);
        Assert.Equal("403 Forbidden: bot was blocked by the user", failed.Single().ErrorCode);
        Assert.Equal(Consent.OptedOut, (await ContactAsync(1111408)).Consent);
        Assert.Equal(1, telegram.Attempts);

        await telegram.PersonSendsAsync(1111409, "hello");
        await SentAsync(1);
        Assert.Equal(HttpStatusCode.OK, await telegram.PersonBlocksBotAsync(1111409));
        Assert.Equal(Consent.OptedOut, (await ContactAsync(1111409)).Consent);
    }

    [Fact]
    public void A_long_answer_is_split_into_messages_telegram_accepts()
    {
        var profile = factory.Service<ChannelRegistry>().Profile(TelegramProvider.Channel);
        var paragraph = "**Danger signs:** fever > 38 °C & a stiff neck <b> mean go to a clinic now. ";
        var text = string.Concat(Enumerable.Repeat(paragraph, 80));

        var parts = ReplyComposer.Compose(text, profile, foldAccents: false, "en");

        Assert.InRange(parts.Count, 2, profile.MaxParts);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 4096));
        Assert.All(parts, p => Assert.Null(LocalTelegramPeer.ParseHtml(TelegramHtml.FromMarkdown(p)).Error));
    }

    [Fact]
    public async Task Readyz_shows_the_bot_up_with_its_webhook()
    {
        var ready = await Eventually.WaitAsync(() => factory.CreateClient().GetStringAsync("/readyz"),
            r => r.Contains("bot @" + LocalTelegramPeer.BotUsername + ", webhook set", StringComparison.Ordinal),
            "telegram in /readyz", 30000);
        Assert.Contains("\"name\":\"telegram\"", ready, StringComparison.Ordinal);
    }

    private Task<IReadOnlyList<TelegramPeerMessage>> SentAsync(int count) =>
        Eventually.WaitForAsync<IReadOnlyList<TelegramPeerMessage>>(() => telegram.Received.ToList(),
            r => r.Count >= count, $"{count} message(s) at Telegram", 30000);

    private async Task<Contact> ContactAsync(long chat) =>
        await factory.Service<IContactStore>().FindAsync("telegram", chat.ToString(
            System.Globalization.CultureInfo.InvariantCulture)) ?? throw new InvalidOperationException("no contact");

    private async Task<IReadOnlyList<StoredMessage>> OutboundAsync(long chat)
    {
        var contact = await ContactAsync(chat);
        return (await factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 50))
            .Where(m => m.Direction == "out").ToList();
    }
}
