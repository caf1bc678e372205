using System.Net;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>A human reply without taking the conversation over silences the bot for Admin:HandoffSilence only.</summary>
public sealed class HandoffSilenceTests : IAsyncLifetime
{
    private const string Person = "+254744000001";
    private readonly HealthBotFactory factory = new(settings: new Dictionary<string, string?> { ["Admin:HandoffSilence"] = "00:00:02" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task The_bot_is_silent_after_a_human_reply_and_answers_again_when_the_silence_ends()
    {
        await SendAsync("how can i prevent malaria");
        var contact = await factory.Service<IContactStore>().FindAsync("sms", Person);
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var page = $"/admin/inbox/{contact!.Id}";

        var reply = await responder.PostAsync($"{page}?handler=Reply", await AdminHttp.FormAsync(responder, page, new() { ["text"] = "Hello, a nurse here." }));
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        await SendAsync("what about nets");
        Assert.Equal(1, await AnswersAsync());

        await Task.Delay(2500);
        await SendAsync("how can i prevent malaria");
        Assert.Equal(2, await AnswersAsync());
        Assert.Equal(1, await factory.CountAsync($"SELECT COUNT(*) FROM messages WHERE contact_id = {contact.Id} AND kind = 'human'"));
    }

    private async Task SendAsync(string text)
    {
        await factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(Person, text));
        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in' AND status = 'received'"), n => n == 0, "the message to be handled");
    }

    private Task<int> AnswersAsync() => factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND kind = 'answer'");
}
