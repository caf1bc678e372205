using System.Net;
using System.Net.Http.Json;
using HealthBot.Admin.Inbox;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Messages a person sends while a responder holds the conversation reach staff (unread in the inbox, listed as not
/// answered) and are never dropped at hand-back: the responder answers them, or the bot does when asked to.
/// </summary>
public sealed class HandoffInboxTests : IAsyncLifetime
{
    private const string Person = "+254755000001";
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("en", "Swahili")]
    [InlineData("fr", "swahili")]
    [InlineData("pt", "suaíli")]
    [InlineData("hi", "स्वाहिली")]
    public async Task The_conversation_header_names_the_contacts_language_in_the_staff_language(
        string staffLanguage, string name)
    {
        await SendAsync("how can i prevent malaria");
        var contact = await factory.Service<IContactStore>().FindAsync("sms", Person);
        using (var connection = factory.Service<Database>().Open())
        {
            connection.Command($"UPDATE contacts SET language = 'sw' WHERE id = {contact!.Id}").ExecuteNonQuery();
        }

        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        await responder.GetAsync($"/admin/language/{staffLanguage}");

        var html = WebUtility.HtmlDecode(await responder.GetStringAsync($"/admin/inbox/{contact.Id}"));

        Assert.Contains($"data-testid=\"contact-language\">{name}</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_during_a_handoff_is_unread_in_the_inbox_until_a_responder_opens_the_conversation()
    {
        var (responder, page, contactId) = await TakeOverAsync("rose@ngo.example");
        Assert.DoesNotContain("data-testid=\"unread\"", await responder.GetStringAsync("/admin/inbox"), StringComparison.Ordinal);

        await SendAsync("what about mosquito nets for children");
        var inbox = await responder.GetStringAsync("/admin/inbox");
        Assert.Contains($"<a href=\"/admin/inbox/{contactId}\">", inbox, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"unread\">1 unread", inbox, StringComparison.Ordinal);
        Assert.Contains("held by rose@ngo.example", inbox, StringComparison.Ordinal);

        var conversation = await responder.GetStringAsync(page);
        Assert.Contains("what about mosquito nets for children", conversation, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"unanswered\"", conversation, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"holder\">rose@ngo.example", conversation, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=TakeOver", conversation, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"unread\"", await responder.GetStringAsync("/admin/inbox"), StringComparison.Ordinal);

        await SendAsync("and for babies?");
        Assert.Contains("data-testid=\"unread\">1 unread", await responder.GetStringAsync("/admin/inbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hand_back_is_refused_while_a_message_has_no_reply_and_goes_through_once_the_responder_replied()
    {
        var (responder, page, contactId) = await TakeOverAsync();
        await SendAsync("what about mosquito nets for children");

        var refused = await PostAsync(responder, page, "Resolve");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Not handed back: 1 message(s) have no reply yet", html, StringComparison.Ordinal);
        Assert.Contains("what about mosquito nets for children", html, StringComparison.Ordinal);
        Assert.True(factory.Service<SqlHandoffStore>().Find(contactId)!.Open);

        await PostAsync(responder, page, "Reply", new() { ["text"] = "A nurse here: yes, under a treated net every night." });
        var resolved = await PostAsync(responder, page, "Resolve");
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        Assert.False(factory.Service<SqlHandoffStore>().Find(contactId)!.Open);
        await factory.WaitIdleAsync();
        // The nurse answered the question, so the bot did not answer it again: only the first question has a bot answer.
        Assert.Equal(1, await factory.CountAsync($"SELECT COUNT(*) FROM messages WHERE contact_id = {contactId} AND kind = 'answer'"));
    }

    [Fact]
    public async Task Handing_back_with_the_bot_answering_answers_every_message_nobody_replied_to()
    {
        var (responder, page, contactId) = await TakeOverAsync();
        await SendAsync("what about mosquito nets for children");
        await SendAsync("how can i prevent malaria");
        Assert.Equal(2, factory.Service<SqlHandoffStore>().Unanswered(contactId).Count);

        var resolved = await PostAsync(responder, page, "Resolve", new() { ["bot"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        await factory.WaitIdleAsync();
        foreach (var id in await InboundIdsAsync(contactId))
        {
            Assert.True(await factory.CountAsync($"SELECT COUNT(*) FROM messages WHERE reply_to = {id} AND direction = 'out'") > 0, $"message {id} has a reply");
        }

        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'inbox.resolve' AND detail = 'bot answers 2 messages'"));
    }

    [Fact]
    public async Task A_web_chat_message_during_a_handoff_is_listed_and_unread()
    {
        var chat = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        (await chat.PostAsJsonAsync("/api/webchat/messages", new { text = "how can i prevent malaria" })).EnsureSuccessStatusCode();
        await factory.WaitIdleAsync();
        var contactId = await factory.CountAsync("SELECT MAX(contact_id) FROM messages WHERE channel = 'webchat'");
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var page = $"/admin/inbox/{contactId}";
        await PostAsync(responder, page, "TakeOver");

        (await chat.PostAsJsonAsync("/api/webchat/messages", new { text = "is a net enough for my baby" })).EnsureSuccessStatusCode();
        await factory.WaitIdleAsync();
        Assert.Contains("data-testid=\"unread\">1 unread", await responder.GetStringAsync("/admin/inbox"), StringComparison.Ordinal);
        Assert.Contains("is a net enough for my baby", await responder.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Single(factory.Service<SqlHandoffStore>().Unanswered(contactId));
    }

    [Fact]
    public async Task Resolving_a_conversation_with_an_open_urgent_alert_needs_the_acknowledgement_note()
    {
        await SendAsync("my father is shaking all over with foam from the mouth");
        var contact = await factory.Service<IContactStore>().FindAsync("sms", Person);
        Assert.Equal(1, await factory.CountAsync($"SELECT COUNT(*) FROM alerts WHERE contact_id = {contact!.Id} AND status = 'open'"));
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var page = $"/admin/inbox/{contact.Id}";
        await PostAsync(responder, page, "TakeOver");

        var refused = await PostAsync(responder, page, "Resolve");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("open urgent alert", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync($"SELECT COUNT(*) FROM alerts WHERE contact_id = {contact.Id} AND status = 'open'"));

        var resolved = await PostAsync(responder, page, "Resolve", new() { ["note"] = "Called the family, ambulance sent." });
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        Assert.Equal(1, await factory.CountAsync($"SELECT COUNT(*) FROM alerts WHERE contact_id = {contact.Id} " +
            "AND status = 'resolved' AND acknowledgement_note = 'Called the family, ambulance sent.'"));
    }

    private async Task<(HttpClient Responder, string Page, long ContactId)> TakeOverAsync(string? email = null)
    {
        await SendAsync("how can i prevent malaria");
        var contact = await factory.Service<IContactStore>().FindAsync("sms", Person);
        var responder = await factory.SignedInAsync(StaffRoles.Responder, email);
        var page = $"/admin/inbox/{contact!.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(responder, page, "TakeOver")).StatusCode);
        return (responder, page, contact.Id);
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string>? fields = null) =>
        await client.PostAsync($"{page}?handler={handler}", await AdminHttp.FormAsync(client, page, fields ?? []));

    private async Task SendAsync(string text)
    {
        await factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(Person, text));
        await factory.WaitIdleAsync();
    }

    private async Task<List<long>> InboundIdsAsync(long contactId)
    {
        var list = new List<long>();
        foreach (var m in await factory.Service<IMessageStore>().ConversationAsync(contactId, 0, 100))
        {
            if (m.Direction == "in")
            {
                list.Add(m.Id);
            }
        }

        return list;
    }
}
