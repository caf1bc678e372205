using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Admin;

/// <summary>The conversation refreshes itself while a responder works with the keyboard: the focus stays put.</summary>
public sealed class LiveRefreshBrowserTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    private const string Person = "+254722000091";

    [Fact]
    public async Task A_focused_button_in_the_conversation_keeps_the_focus_when_new_messages_arrive()
    {
        await fixture.SendSmsAsync(Person, "how can i prevent malaria");
        await RepliesAsync(1);
        var contact = await fixture.Factory.Service<IContactStore>().FindAsync("sms", Person);
        var responder = await fixture.SignInAsync(StaffRoles.Responder, "focus@ngo.example");
        await responder.GotoAsync($"/admin/inbox/{contact!.Id}");
        var takeOver = responder.GetByRole(AriaRole.Button, new() { Name = "Take over" });
        await takeOver.FocusAsync();
        await Expect(takeOver).ToBeFocusedAsync();

        await fixture.SendSmsAsync(Person, "what about mosquito nets for children");
        await RepliesAsync(2);
        // The new message and the bot's answer come in by the page's own refresh (no reload).
        await Expect(responder.Locator("#conversation li")).ToHaveCountAsync(4, new() { Timeout = 15_000 });

        Assert.Equal("take-over", await responder.EvaluateAsync<string>("() => document.activeElement.id"));
        await Expect(takeOver).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_focused_reply_box_stays_in_view_when_messages_arrive_above_it()
    {
        const string person = "+254722000092";
        await fixture.SendSmsAsync(person, "how can i prevent malaria");
        await Eventually.WaitForAsync(() => fixture.Peer.Received.Where(m => m.To == person).ToList(),
            r => r.Count >= 1, "the answer");
        var contact = await fixture.Factory.Service<IContactStore>().FindAsync("sms", person);
        var responder = await fixture.SignInAsync(StaffRoles.Responder, "in-view@ngo.example");
        await responder.SetViewportSizeAsync(1280, 720);
        await responder.GotoAsync($"/admin/inbox/{contact!.Id}");
        await responder.GetByRole(AriaRole.Button, new() { Name = "Take over" }).ClickAsync();
        await Expect(responder.GetByTestId("holder")).ToHaveTextAsync("in-view@ngo.example");
        var reply = responder.Locator("#reply");
        await reply.ScrollIntoViewIfNeededAsync();
        await reply.FillAsync("Please go to the clinic");
        var before = await TopAsync(responder);
        var count = await responder.Locator("#conversation li").CountAsync();

        for (var i = 0; i < 6; i++)
        {
            await fixture.SendSmsAsync(person, $"question {i}: my child has had a fever since yesterday evening, " +
                "she is not eating and she sleeps all day, what should i do and when should i go to the clinic");
        }

        await Expect(responder.Locator("#conversation li").Nth(count + 5)).ToContainTextAsync("question 5");
        await Expect(reply).ToBeFocusedAsync();
        await Expect(reply).ToHaveValueAsync("Please go to the clinic");
        await Expect(reply).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.InRange(await TopAsync(responder), before - 2, before + 2);
    }

    [Fact]
    public async Task A_note_being_typed_is_kept_while_a_new_urgent_alert_shows_in_the_inbox()
    {
        var first = await EmergencyAsync("+254722000093");
        var responder = await fixture.SignInAsync(StaffRoles.Responder, "note-kept@ngo.example");
        await responder.GotoAsync("/admin/inbox");
        var note = responder.Locator($"#note-{await AlertIdAsync(first)}");
        await note.FillAsync("Calling her now");

        var second = await EmergencyAsync("+254722000094");

        await Expect(responder.GetByTestId("alert").Filter(new() { HasText = $"#{second}" })).ToBeVisibleAsync();
        await Expect(note).ToHaveValueAsync("Calling her now");
        await Expect(note).ToBeFocusedAsync();
        await note.PressAsync("End");
        await note.PressSequentiallyAsync(", she is coming");
        await Expect(note).ToHaveValueAsync("Calling her now, she is coming");
    }

    private static Task<double> TopAsync(IPage page) =>
        page.EvaluateAsync<double>("() => document.getElementById('reply').getBoundingClientRect().top");

    private Task<int> AlertIdAsync(long contact) =>
        fixture.Factory.CountAsync($"SELECT MAX(id) FROM alerts WHERE contact_id = {contact}");

    /// <summary>An emergency from a new number: the contact has an open urgent alert.</summary>
    private async Task<long> EmergencyAsync(string number)
    {
        await fixture.SendSmsAsync(number, "how can i prevent malaria");
        await Eventually.WaitForAsync(() => fixture.Peer.Received.Where(m => m.To == number).ToList(),
            r => r.Count >= 1, "the answer");
        await fixture.SendSmsAsync(number, "im 8 months pregnant and bleeding a lot");
        var contact = await fixture.Factory.Service<IContactStore>().FindAsync("sms", number);
        await Eventually.WaitAsync(
            () => fixture.Factory.CountAsync($"SELECT COUNT(*) FROM alerts WHERE contact_id = {contact!.Id}"),
            n => n == 1, "the alert");
        return contact!.Id;
    }

    private Task<List<HealthBot.Channels.Twilio.PeerMessage>> RepliesAsync(int count) =>
        Eventually.WaitForAsync(() => fixture.Peer.Received.Where(m => m.To == Person).ToList(), r => r.Count >= count,
            $"{count} replies to the person");
}
