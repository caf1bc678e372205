using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Admin;

/// <summary>In the web chat, a reply a responder wrote is labelled as coming from a person of the health team.</summary>
public sealed class WebChatResponderBrowserTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    private const string NurseReply = "A nurse here: yes, children should sleep under a treated net.";

    [Fact]
    public async Task A_responder_reply_is_labelled_as_from_the_health_team_and_the_bot_answers_are_not()
    {
        var chat = await fixture.OpenAnonymousAsync();
        await chat.GotoAsync("/");
        await chat.GetByLabel("Your question").FillAsync("how do I prevent malaria");
        await chat.GetByLabel("Your question").PressAsync("Enter");
        await Expect(chat.Locator("#log > li.bot")).Not.ToHaveCountAsync(0);
        var contactId = await Eventually.WaitAsync(
            () => fixture.Factory.CountAsync("SELECT COALESCE(MAX(contact_id), 0) FROM messages WHERE channel = 'webchat'"), id => id > 0, "the web chat contact");

        var responder = await fixture.SignInAsync(StaffRoles.Responder);
        await responder.GotoAsync($"/admin/inbox/{contactId}");
        await responder.GetByLabel("Reply").FillAsync(NurseReply);
        await responder.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var staff = chat.Locator("#log > li.staff");
        await Expect(staff).ToContainTextAsync(NurseReply);
        var label = staff.Locator(".who");
        await Expect(label).ToBeVisibleAsync();
        await Expect(label).ToHaveTextAsync("Health worker (HealthBot team): ");

        // The bot's own answer carries no such label: only the screen-reader "HealthBot:".
        var botLabel = await chat.Locator("#log > li.bot:not(.staff) .who").First.BoundingBoxAsync();
        Assert.True(botLabel is { Width: <= 1 }, "the bot's label is for screen readers only");
        Assert.True(await label.BoundingBoxAsync() is { Width: > 100 }, "the health team's label is shown");
        await Expect(chat.Locator("#log > li.bot:not(.staff)").First).Not.ToContainTextAsync("Health worker");

        // The label follows the language the person picks.
        await chat.GetByLabel("Language").SelectOptionAsync("sw");
        await Expect(label).ToHaveTextAsync("Mhudumu wa afya (timu ya HealthBot): ");
        await Screenshots.TakeAsync(chat, "webchat-staff-reply");
    }
}
