using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HealthBot.Tests.Channels.WebChat;

/// <summary>
/// Security test #11: anonymous web chat requests must not turn into a flood of paid SMS to on-call staff, and the
/// API answers a client that sends too much with 429 and Retry-After.
/// </summary>
public sealed class WebChatFloodTests
{
    private const string OnCall = "+254799000011";
    private const string Api = "/api/webchat/messages";

    [Fact]
    public async Task Fifty_anonymous_emergencies_send_the_alert_sms_budget_then_one_summary_and_all_reach_the_inbox()
    {
        await using var factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Safety:OnCallNumbers:0"] = OnCall,
            ["Safety:MaxAlertSmsPerWindow"] = "5",
            // Longer than the test: the worker's own passes must not summarize half a burst.
            ["Safety:AlertSummaryDelay"] = "01:00:00",
        });
        // No cookies: each request is a new chat, hence a new contact, as in the security test.
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        for (var i = 0; i < 50; i++)
        {
            var response = await client.PostAsJsonAsync(Api, new { text = "a snake just bit my son" });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Eventually.WaitAsync(
            () => factory.CountAsync("SELECT COUNT(*) FROM alerts"), c => c == 50, "50 alerts in the inbox", 60_000);
        await factory.WaitIdleAsync();
        Assert.Equal(5, await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE kind = 'staff_alert'"));

        // Within the delay the worker waits for the burst to end; once it has passed, one summary covers the rest.
        Assert.Equal(0, await factory.Service<AlertSummaryWorker>().SendDueAsync());
        var summaries = factory.Service<SqlAlertSummaries>();
        var budget = new AlertSmsBudget(5, TimeSpan.FromMinutes(10));
        Assert.Equal(45, await summaries.SendDueAsync([OnCall], budget, TimeSpan.Zero));
        Assert.Equal(0, await summaries.SendDueAsync([OnCall], budget, TimeSpan.Zero));

        var toStaff = await ToOnCallAsync(factory);
        Assert.Equal(6, toStaff.Count);
        Assert.Contains("45 more urgent alerts", toStaff[^1].Body, StringComparison.Ordinal);
        Assert.Contains("inbox", toStaff[^1].Body, StringComparison.Ordinal);
        Assert.Equal(50, await factory.CountAsync("SELECT COUNT(*) FROM alerts WHERE status = 'open'"));
    }

    [Fact]
    public async Task A_client_past_its_request_limit_gets_429_with_Retry_After_and_other_endpoints_still_answer()
    {
        await using var factory = Factory("WebChat:RequestsPerMinutePerClient", "5");
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/webchat/messages?after=0")).StatusCode);
        }

        var refused = await client.PostAsJsonAsync(Api, new { text = "how do i prevent malaria" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in'"));
    }

    [Fact]
    public async Task New_chats_from_one_client_are_limited_but_an_existing_chat_goes_on()
    {
        await using var factory = Factory("WebChat:NewChatsPerHourPerClient", "3");
        var chat = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await chat.PostAsJsonAsync(Api, new { text = "hello" })).StatusCode);
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        for (var i = 0; i < 2; i++)
        {
            var accepted = await anonymous.PostAsJsonAsync(Api, new { text = "hi" });
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var fourth = await anonymous.PostAsJsonAsync(Api, new { text = "hello" });

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(fourth.Headers.RetryAfter is not null);
        var goesOn = await chat.PostAsJsonAsync(Api, new { text = "how to wash hands" });
        Assert.Equal(HttpStatusCode.Accepted, goesOn.StatusCode);
    }

    private static HealthBotFactory Factory(string key, string value) =>
        new(settings: new Dictionary<string, string?> { [key] = value });

    private static async Task<IReadOnlyList<StoredMessage>> ToOnCallAsync(HealthBotFactory factory)
    {
        var contact = await factory.Service<IContactStore>().FindAsync(ChannelNames.Sms, OnCall);
        Assert.NotNull(contact);
        return await factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 100);
    }
}
