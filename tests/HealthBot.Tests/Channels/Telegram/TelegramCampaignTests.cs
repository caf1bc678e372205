using HealthBot.Campaigns;
using HealthBot.Channels.Telegram;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Campaigns;

namespace HealthBot.Tests.Channels.Telegram;

/// <summary>Campaigns on the telegram channel reach people who started the bot, through the Bot API peer.</summary>
public sealed class TelegramCampaignTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2027, 1, 11, 6, 0, 0, TimeSpan.Zero);
    private LocalTelegramPeer telegram = null!;
    private CampaignHarness h = null!;

    public async Task InitializeAsync()
    {
        telegram = await LocalTelegramPeer.StartAsync(TelegramWebhookTests.BotToken);
        h = await CampaignHarness.StartAsync(Morning, new Dictionary<string, string?>
        {
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:BotToken"] = TelegramWebhookTests.BotToken,
        });
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await telegram.DisposeAsync();
    }

    [Fact]
    public async Task A_campaign_on_telegram_reaches_each_person_in_their_language_and_skips_who_stopped()
    {
        await h.ContactAsync("1111601", "en", "Africa/Nairobi", "alerts", channel: "telegram");
        await h.ContactAsync("1111602", "sw", "Africa/Nairobi", "alerts", channel: "telegram");
        var stopped = await h.ContactAsync("1111603", "en", "Africa/Nairobi", "alerts", channel: "telegram");
        await h.Get<IContactStore>().SetConsentAsync(stopped.Id, Consent.OptedOut, "telegram", "keyword");
        var created = await h.Get<CampaignService>().CreateAsync(CampaignJson.Once("tg", new DateTime(2027, 1, 11, 12,
            0, 0), "Africa/Nairobi", group: "alerts", channels: "[\"telegram\"]",
            text: "Vaccination day is Tuesday & the clinic opens at 8 < 9."));
        Assert.True(created.Id is not null, string.Join("; ", created.Problems));

        await h.RunUntilAsync(Morning.AddHours(7), TimeSpan.FromMinutes(10));

        var sent = telegram.Received.ToDictionary(m => m.ChatId, m => m.Visible);
        Assert.Equal("Vaccination day is Tuesday & the clinic opens at 8 < 9.", sent[1111601]);
        Assert.Equal("Vaccination day is Tuesday & the clinic opens at 8 < 9. (sw)", sent[1111602]);
        Assert.False(sent.ContainsKey(1111603));
    }
}
