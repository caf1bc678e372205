using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Admin;

/// <summary>A responder takes a conversation over in the browser: the bot goes quiet except for emergencies, then takes it back.</summary>
public sealed class HandoffBrowserTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    private const string Person = "+254722000001";

    [Fact]
    public async Task While_a_responder_handles_a_contact_the_bot_is_silent_except_for_emergencies()
    {
        await fixture.SendSmsAsync(Person, "how can i prevent malaria");
        await RepliesAsync(1);
        var contact = await fixture.Factory.Service<IContactStore>().FindAsync("sms", Person);

        var responder = await fixture.SignInAsync(StaffRoles.Responder, "rose@ngo.example");
        await responder.GotoAsync($"/admin/inbox/{contact!.Id}");
        await Expect(responder.Locator("ol")).ToContainTextAsync("how can i prevent malaria");
        await responder.GetByRole(AriaRole.Button, new() { Name = "Take over" }).ClickAsync();
        await Expect(responder.GetByTestId("handling")).ToBeVisibleAsync();

        await fixture.SendSmsAsync(Person, "what about mosquito nets for children");
        await Eventually.WaitAsync(() => fixture.Factory.CountAsync(
            $"SELECT COUNT(*) FROM messages WHERE direction = 'in' AND contact_id = {contact.Id} AND status = 'received'"), n => n == 0, "the message to be handled");
        await Task.Delay(500);
        Assert.Single(Sent());

        await responder.GetByLabel("Reply").FillAsync("A nurse here: yes, children should sleep under a treated net.");
        await responder.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var replies = await RepliesAsync(2);
        Assert.Contains("A nurse here", replies[1].Body, StringComparison.Ordinal);

        // Emergency triage still answers at once.
        await fixture.SendSmsAsync(Person, "im 8 months pregnant and bleeding a lot");
        await RepliesAsync(3);
        Assert.Equal(1, await fixture.Factory.CountAsync($"SELECT COUNT(*) FROM messages WHERE contact_id = {contact.Id} AND direction = 'out' AND kind = 'urgent'"));

        // The urgent alert is still open: handing back asks what the responder did about it first.
        await responder.GetByRole(AriaRole.Button, new() { Name = "Resolve and hand back" }).ClickAsync();
        await Expect(responder.GetByRole(AriaRole.Alert)).ToContainTextAsync("open urgent alert");
        await responder.GetByLabel("This person has an open urgent alert").FillAsync("Called her, she is on her way to the clinic.");
        await responder.GetByRole(AriaRole.Button, new() { Name = "Resolve and hand back" }).ClickAsync();
        // Not WaitForURLAsync: it also waits for the page's load event, which once never arrived in CI (30 s).
        await Expect(responder).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/inbox$"));
        await fixture.SendSmsAsync(Person, "how can i prevent malaria");
        await RepliesAsync(4);
        Assert.Equal(1, await fixture.Factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor = 'rose@ngo.example' AND action = 'inbox.take_over'"));
        Assert.Equal(0, await fixture.Factory.CountAsync($"SELECT COUNT(*) FROM alerts WHERE contact_id = {contact.Id} AND status = 'open'"));

        // Neither the number nor any text of the conversation reached the logs or the audit trail.
        var logs = string.Join('\n', fixture.Factory.Logs);
        Assert.DoesNotContain("254722000001", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("A nurse here", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("mosquito", logs, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%nurse%' OR target LIKE '%254722%'"));
    }

    [Fact]
    public async Task A_message_sent_during_a_handoff_shows_unread_and_the_bot_answers_it_when_asked_at_hand_back()
    {
        const string person = "+254722000002";
        await fixture.SendSmsAsync(person, "how can i prevent malaria");
        await RepliesAsync(1, person);
        var contact = await fixture.Factory.Service<IContactStore>().FindAsync("sms", person);
        var responder = await fixture.SignInAsync(StaffRoles.Responder, "amina@ngo.example");
        await responder.GotoAsync($"/admin/inbox/{contact!.Id}");
        await responder.GetByRole(AriaRole.Button, new() { Name = "Take over" }).ClickAsync();
        await Expect(responder.GetByTestId("holder")).ToHaveTextAsync("amina@ngo.example");
        await Expect(responder.GetByRole(AriaRole.Button, new() { Name = "Take over" })).ToHaveCountAsync(0);

        // The open inbox shows the new message as unread without a reload.
        await responder.GotoAsync("/admin/inbox");
        var row = responder.GetByTestId("handled").Filter(new() { HasText = $"#{contact.Id}" });
        await Expect(row).ToContainTextAsync("held by amina@ngo.example");
        await Expect(row.GetByTestId("unread")).ToHaveCountAsync(0);
        await fixture.SendSmsAsync(person, "what about mosquito nets for children");
        await Expect(row.GetByTestId("unread")).ToHaveTextAsync("1 unread");
        await Screenshots.TakeAsync(responder, "handoff-inbox");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(responder.Locator("ol")).ToContainTextAsync("what about mosquito nets for children");
        await Expect(responder.GetByTestId("unanswered")).ToContainTextAsync("what about mosquito nets for children");
        await Expect(responder.GetByTestId("hand-back-help")).ToContainTextAsync("No message is dropped");
        await Screenshots.TakeAsync(responder, "handoff-conversation");

        // A second message while the conversation is open appears on its own.
        await fixture.SendSmsAsync(person, "how do i treat a net");
        await Expect(responder.GetByTestId("unanswered")).ToContainTextAsync("how do i treat a net");

        await responder.GetByRole(AriaRole.Button, new() { Name = "Resolve and hand back" }).ClickAsync();
        await Expect(responder.GetByTestId("problem")).ToContainTextAsync("2 message(s) have no reply yet");
        Assert.Single(Sent(person));

        await responder.GetByRole(AriaRole.Button, new() { Name = "Hand back and let the bot answer them" }).ClickAsync();
        await Expect(responder).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/inbox$"));
        var replies = await RepliesAsync(3, person);
        Assert.All(replies.Skip(1), r => Assert.DoesNotContain("nurse", r.Body, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, await fixture.Factory.CountAsync(
            $"SELECT COUNT(DISTINCT reply_to) FROM messages WHERE contact_id = {contact.Id} AND direction = 'out' AND reply_to > (SELECT MIN(id) FROM messages WHERE contact_id = {contact.Id})"));
        await Expect(responder.GetByTestId("handled").Filter(new() { HasText = $"#{contact.Id}" })).ToHaveCountAsync(0);
    }

    private List<HealthBot.Channels.Twilio.PeerMessage> Sent(string person = Person) => fixture.Peer.Received.Where(m => m.To == person).ToList();

    private Task<List<HealthBot.Channels.Twilio.PeerMessage>> RepliesAsync(int count, string person = Person) =>
        Eventually.WaitForAsync(() => Sent(person), r => r.Count >= count, $"{count} replies to the person");
}
