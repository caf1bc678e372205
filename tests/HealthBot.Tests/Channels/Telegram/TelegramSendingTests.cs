using System.Text.Json.Nodes;
using HealthBot.Channels.Telegram;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Telegram;

/// <summary>
/// What the person gets when Telegram pushes back: flood control (429) holds every send, a refused HTML answer
/// comes as clean text, and a photo's caption is read as the question. Updates by webhook, sends to the peer.
/// </summary>
public sealed class TelegramSendingTests : IAsyncLifetime
{
    private LocalTelegramPeer telegram = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        (telegram, factory) = await TelegramTestBot.StartAsync(true, ("Outbox:InitialBackoff", "00:00:00.200"));
    }

    public Task DisposeAsync() => TelegramTestBot.StopAsync(factory, telegram);

    [Fact]
    public async Task Flood_control_holds_every_send_until_retry_after_and_loses_none()
    {
        telegram.Script(429, retryAfter: 3);
        await telegram.PersonSendsAsync(1111701, "what are the signs of malaria");
        var refused = (await Eventually.WaitForAsync(() => telegram.AttemptTimes.ToList(), t => t.Count >= 1,
            "the first send refused with 429", 30000))[0];

        // Another person asks while Telegram has told the bot to wait.
        await telegram.PersonSendsAsync(1111702, "how do i make ORS at home");

        var sent = await Eventually.WaitForAsync(() => telegram.Received.ToList(), r => r.Count >= 2,
            "both answers delivered", 30000);
        Assert.Equal([1111701L, 1111702L], sent.Select(m => m.ChatId).Order());
        var after = telegram.AttemptTimes.Skip(1).ToList();
        Assert.All(after, t => Assert.True(t - refused >= TimeSpan.FromSeconds(2.9),
            $"a send {t - refused} after the 429, inside the 3 s Telegram asked for"));
    }

    [Fact]
    public async Task Html_telegram_cannot_parse_is_sent_again_as_text_without_markdown_markers()
    {
        telegram.Script(400, description: "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte " +
                                          "offset 3");
        await telegram.PersonSendsAsync(1111703, "what are the signs of malaria");

        var answer = (await Eventually.WaitForAsync(() => telegram.Received.ToList(), r => r.Count >= 1,
            "the answer as plain text", 30000)).Single();
        Assert.Null(answer.Request["parse_mode"]);
        Assert.Contains("Common signs: fever", answer.Visible, StringComparison.Ordinal);
        Assert.DoesNotContain("**", answer.Visible, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", answer.Visible, StringComparison.Ordinal);
        Assert.Equal(2, telegram.Attempts);
    }

    [Fact]
    public async Task A_photo_with_a_question_in_its_caption_gets_the_answer()
    {
        var photo = new JsonArray(new JsonObject
        {
            ["file_id"] = "AgACAgQAAxkBAAIC", ["file_unique_id"] = "AQADdr0xG", ["width"] = 90, ["height"] = 67,
        });
        await telegram.DeliverAsync(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = 1381, ["date"] = 1441645532, ["photo"] = photo,
                ["caption"] = "what are the signs of malaria",
                ["from"] = new JsonObject { ["id"] = 1111704, ["is_bot"] = false, ["language_code"] = "en" },
                ["chat"] = new JsonObject { ["id"] = 1111704, ["type"] = "private" },
            },
        });

        var answer = (await Eventually.WaitForAsync(() => telegram.Received.ToList(), r => r.Count >= 1,
            "the answer to the caption", 30000)).Single();
        Assert.Contains("Common signs", answer.Visible, StringComparison.Ordinal);
        Assert.DoesNotContain("ujumbe wa maandishi", answer.Visible, StringComparison.Ordinal);
        Assert.DoesNotContain("only read text", answer.Visible, StringComparison.Ordinal);
    }
}
