using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Channels.WebChat;

/// <summary>
/// How the page behaves for answers the dialog cannot be made to produce on demand (hostile markup, a slow answer):
/// the browser's polls are answered by the test instead of the app.
/// </summary>
public sealed partial class WebChatPageTests(WebChatBrowserFixture fixture) : IClassFixture<WebChatBrowserFixture>
{
    [Fact]
    public async Task Markup_inside_a_bot_answer_stays_text_while_its_markdown_becomes_formatting()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        // The server never sends markup; the page must still be safe if content ever contained some.
        var text = "Intro **strong <img src=x onerror=alert(2)>** and _calm_ snake_case\n\n- item <script>alert(3)</script>\n- **two**";
        await page.RouteAsync(FirstPoll(), route => route.FulfillAsync(Json(false, new { id = 1, from = "bot", text, language = "en", kind = "answer" })));
        await page.GotoAsync("/");

        var bot = page.Locator("#log > li.bot");
        await Expect(bot.Locator("strong").First).ToHaveTextAsync("strong <img src=x onerror=alert(2)>");
        await Expect(bot.Locator("em")).ToHaveTextAsync("calm");
        await Expect(bot.Locator("p")).ToContainTextAsync("snake_case");
        await Expect(bot.Locator("ul > li")).ToHaveTextAsync(["item <script>alert(3)</script>", "two"]);
        await Expect(page.Locator("#log img, #log script")).ToHaveCountAsync(0);
        Assert.Empty(session.Dialogs);
    }

    [Fact]
    public async Task An_urgent_referral_stands_out_and_keeps_its_language()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        var referral = new { id = 4, from = "bot", text = "Nenda kituo cha afya sasa.", language = "sw", kind = "urgent" };
        await page.RouteAsync(FirstPoll(), route => route.FulfillAsync(Json(false, referral)));
        await page.GotoAsync("/");

        var message = page.Locator("#log > li.bot.urgent");
        await Expect(message).ToContainTextAsync("Nenda kituo cha afya sasa.");
        await Expect(message).ToHaveAttributeAsync("lang", "sw");
        await Expect(message).ToHaveCSSAsync("border-top-color", "rgb(176, 0, 32)");
    }

    [Fact]
    public async Task Typing_indicator_shows_while_an_answer_is_pending_and_idle_polling_backs_off()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        var pending = 1;
        var polls = new ConcurrentQueue<DateTime>();
        await page.RouteAsync(AnyPoll(), route =>
        {
            polls.Enqueue(DateTime.UtcNow);
            return route.FulfillAsync(Json(Volatile.Read(ref pending) == 1));
        });
        await page.GotoAsync("/");

        await Expect(page.Locator("#typing")).ToBeVisibleAsync();
        await Expect(page.Locator("#typing")).ToContainTextAsync("HealthBot is typing");
        // While an answer is on its way the page asks about once a second, so the answer shows promptly.
        await Infrastructure.Eventually.WaitForAsync(() => polls.Count, n => n >= 3, "three polls while pending", 8000);

        Volatile.Write(ref pending, 0);
        await Expect(page.Locator("#typing")).ToBeHiddenAsync();
        var idleSince = polls.Count;
        await Task.Delay(3000);

        // Idle, it waits at least five seconds before asking again: a quiet page costs almost no data.
        Assert.InRange(polls.Count - idleSince, 0, 1);
    }

    private static RouteFulfillOptions Json(bool pending, params object[] messages) =>
        new() { Status = 200, ContentType = "application/json", Body = JsonSerializer.Serialize(new { messages, pending, language = "en" }) };

    [GeneratedRegex(@"/api/webchat/messages\?after=0$")]
    private static partial Regex FirstPoll();

    [GeneratedRegex(@"/api/webchat/messages\?after=")]
    private static partial Regex AnyPoll();
}
