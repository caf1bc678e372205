using System.Net;
using HealthBot.Admin;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// A premium (on-demand) short code: the local peer refuses a send without <c>bulkSMSMode=0</c> and the keyword, and
/// a linkId that is not the one of the person's message; the answer goes with the linkId its question came with.
/// </summary>
public sealed class AfricasTalkingPremiumTests : IAsyncLifetime
{
    private LocalAfricasTalkingPeer peer = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        peer = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey);
        peer.Premium = true;
        var settings = AfricasTalkingEndToEndTests.Settings(peer);
        settings["AfricasTalking:Premium:Enabled"] = "true";
        settings["AfricasTalking:Premium:Keyword"] = peer.PremiumKeyword;
        factory = new HealthBotFactory(settings: settings);
        // Callbacks through the host's own client: the staff pages (a staff reply) need its https cookies.
        peer.CallbackClient = factory.Client();
        peer.CallbackBaseUrl = "https://localhost" + AfricasTalkingWebhookEndpoints.Base;
        peer.CallbackSecret = AfricasTalkingWebhookTests.Secret;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await peer.DisposeAsync();
    }

    [Fact]
    public async Task The_answer_carries_the_linkId_of_the_question_it_answers()
    {
        const string person = "+254711000951";
        Assert.Equal(HttpStatusCode.OK, await peer.PersonSendsAsync(person, "how do i make ORS at home"));
        var linkId = peer.LinkIdOf(person);

        var sent = await Eventually.WaitForAsync(() => peer.Sent.Where(s => s.To == person).ToList(),
            s => s.Count > 0, "the answer at Africa's Talking", 30000);

        Assert.All(sent, s => Assert.Equal(linkId, s.LinkId));
        Assert.Contains("ORS", sent[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await factory.CountAsync(
            $"SELECT COUNT(*) FROM messages WHERE direction = 'in' AND provider_link_id = '{linkId}'"));
    }

    [Fact]
    public async Task A_second_question_is_answered_with_its_own_linkId()
    {
        const string person = "+254711000952";
        await peer.PersonSendsAsync(person, "how do i make ORS at home");
        await Eventually.WaitForAsync(() => peer.Sent.Count(s => s.To == person), n => n > 0, "first answer", 30000);
        var first = peer.LinkIdOf(person);
        await peer.PersonSendsAsync(person, "what are the signs of malaria");
        var second = peer.LinkIdOf(person);

        var sent = await Eventually.WaitForAsync(() => peer.Sent.Where(s => s.To == person).ToList(),
            s => s.Any(m => m.LinkId == second), "the second answer", 30000);

        Assert.NotEqual(first, second);
        Assert.All(sent, s => Assert.Contains(s.LinkId, new[] { first, second }));
    }

    /// <summary>
    /// The person wrote to a code of the account this deployment does not list: the answer falls back to
    /// AfricasTalking:From, and a linkId issued for the other code must not go with it (the peer refuses it, as
    /// Africa's Talking does; it belongs to that code's service).
    /// </summary>
    [Fact]
    public async Task A_reply_from_the_fallback_sender_goes_without_the_linkId_of_another_short_code()
    {
        const string person = "+254711000954";
        peer.ShortCode = "30303";
        Assert.Equal(HttpStatusCode.OK, await peer.PersonSendsAsync(person, "how do i make ORS at home"));

        var sent = await Eventually.WaitForAsync(() => peer.Sent.Where(s => s.To == person).ToList(),
            s => s.Count > 0, "the answer at Africa's Talking", 30000);

        Assert.All(sent, s => Assert.Equal(("21525", (string?)null), (s.From, s.LinkId)));
        Assert.Contains("ORS", sent[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'failed'"));
    }

    [Fact]
    public async Task A_staff_reply_carries_the_linkId_of_the_persons_last_message()
    {
        const string person = "+254711000953";
        await peer.PersonSendsAsync(person, "how do i make ORS at home");
        await Eventually.WaitForAsync(() => peer.Sent.Count(s => s.To == person), n => n > 0, "first answer", 30000);
        var contact = await factory.Service<IContactStore>().FindAsync("sms", person);
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var page = $"/admin/inbox/{contact!.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await responder.PostAsync(
            $"{page}?handler=TakeOver", await AdminHttp.FormAsync(responder, page, []))).StatusCode);
        await peer.PersonSendsAsync(person, "my child is still weak");
        var last = peer.LinkIdOf(person);
        await factory.WaitIdleAsync();

        await responder.PostAsync($"{page}?handler=Reply",
            await AdminHttp.FormAsync(responder, page, new() { ["text"] = "A nurse here: keep giving ORS." }));

        var reply = (await Eventually.WaitForAsync(
            () => peer.Sent.Where(s => s.To == person && s.Message.Contains("A nurse here")).ToList(),
            s => s.Count > 0, "the staff reply at Africa's Talking", 30000))[0];
        Assert.Equal(last, reply.LinkId);
    }
}
