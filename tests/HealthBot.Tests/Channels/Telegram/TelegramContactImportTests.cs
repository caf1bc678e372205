using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HealthBot.Channels.Telegram;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Telegram;

/// <summary>
/// Telegram chat ids in the staff contact import (/api/contacts/import): a person's chat id is taken, a group's
/// (negative) or anything not a chat id is refused with its line, and a campaign then reaches the imported people
/// through the Bot API peer.
/// </summary>
public sealed class TelegramContactImportTests : IAsyncLifetime
{
    private const string Admin = "admin-token-for-tests";
    private LocalTelegramPeer telegram = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        telegram = await LocalTelegramPeer.StartAsync(TelegramWebhookTests.BotToken);
        factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:BotToken"] = TelegramWebhookTests.BotToken,
            ["Campaigns:AdminToken"] = Admin,
            ["Campaigns:RunJobs"] = "true",
            ["Campaigns:QuietHoursEnd"] = "00:00:00",
            ["Campaigns:QuietHoursStart"] = "23:59:59",
        });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await telegram.DisposeAsync();
    }

    public static TheoryData<string, string> BadChatIds() => new()
    {
        { "-1001234567890", "line 2: telegram chat id -1001234567890 is a group or channel: the bot messages people " +
                            "only (a person's chat id is a positive number)" },
        { "@healthbot_user", "line 2: a telegram address is a chat id (digits), e.g. 123456789, not '@healthbot_user'" },
        { "+254700000001", "line 2: a telegram address is a chat id (digits), e.g. 123456789, not '+254700000001'" },
        { "0", "line 2: telegram chat id 0 is not a chat" },
        { "0123456789", "line 2: telegram chat id 0123456789 has a leading zero: write it as Telegram gives it, " +
                        "123456789" },
        { "4503599627370496", "line 2: telegram chat id 4503599627370496 is beyond Telegram's 52-bit range" },
    };

    [Theory]
    [MemberData(nameof(BadChatIds))]
    public async Task A_row_that_is_not_a_persons_chat_id_is_refused_with_its_line(string address, string expected)
    {
        var (imported, rejected) = await ImportAsync($"phone,channel,consent\n{address},telegram,yes\n");

        Assert.Equal(0, imported);
        Assert.Equal([expected], rejected);
    }

    [Fact]
    public async Task Imported_chat_ids_are_reached_by_a_campaign_through_the_bot()
    {
        var (imported, rejected) = await ImportAsync(
            "phone,channel,consent,language\n" +
            "1111801,telegram,yes,en\n" +
            "-1111802,telegram,yes,en\n" +
            "1111803,telegram,yes,sw\n");
        Assert.Equal(["line 3: telegram chat id -1111802 is a group or channel: the bot messages people only " +
                      "(a person's chat id is a positive number)"], rejected);
        Assert.Equal(2, imported);

        var definition = CampaignJson.Once("tg-import", DateTime.UtcNow.AddMinutes(-1), "UTC", group: "alerts",
            channels: "[\"telegram\"]");
        var created = await Client().PostAsync("/api/campaigns", new StringContent(definition));
        Assert.True(HttpStatusCode.Created == created.StatusCode, await created.Content.ReadAsStringAsync());

        var sent = await Eventually.WaitForAsync(() => telegram.Received.ToList(), r => r.Count >= 2,
            "Hangfire to plan and the bot to send", 30000);
        var byChat = sent.ToDictionary(m => m.ChatId, m => m.Visible);
        Assert.Equal("Vaccination day is Tuesday at the clinic.", byChat[1111801]);
        Assert.Equal("Vaccination day is Tuesday at the clinic. (sw)", byChat[1111803]);
        Assert.Equal(2, byChat.Count);
    }

    private async Task<(int Imported, string[] Rejected)> ImportAsync(string csv)
    {
        var response = await Client().PostAsync(
            "/api/contacts/import?group=alerts", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("imported").GetInt32(),
            body.GetProperty("rejected").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    private HttpClient Client()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Admin);
        return client;
    }
}
