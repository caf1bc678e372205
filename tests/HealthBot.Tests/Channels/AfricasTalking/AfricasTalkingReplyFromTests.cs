using System.Net;
using System.Text;
using HealthBot.Admin;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// One account with several short codes: the answer goes from the code the person wrote to when it is one of this
/// deployment's, otherwise from AfricasTalking:From; the local peer refuses a sender the account does not own
/// (402 InvalidSenderId), as Africa's Talking does. Staff replies follow the person's last message.
/// </summary>
public sealed class AfricasTalkingReplyFromTests : IAsyncLifetime
{
    public const string OtherCode = "22384";
    public const string Number = "+254709000123";
    private LocalAfricasTalkingPeer peer = null!;
    private HealthBotFactory factory = null!;

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var f in AfricasTalkingWebhookTests.Rows("reply-from.tsv"))
        {
            data.Add(f[0], f[1], f[2], f[3]);
        }

        return data;
    }

    /// <summary>The codes the tests' account owns: From and ShortCodes.</summary>
    internal static void Codes(LocalAfricasTalkingPeer peer, IDictionary<string, string?> settings)
    {
        settings["AfricasTalking:ShortCodes:0"] = OtherCode;
        settings["AfricasTalking:ShortCodes:1"] = Number;
        peer.OwnedSenders.UnionWith([settings["AfricasTalking:From"]!, OtherCode, Number]);
    }

    public async Task InitializeAsync()
    {
        peer = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey);
        var settings = AfricasTalkingEndToEndTests.Settings(peer);
        Codes(peer, settings);
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

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_answer_goes_from_the_code_the_person_wrote_to_when_it_is_ours(
        string name, string person, string from, string form)
    {
        var response = await factory.Client().PostAsync(
            $"{AfricasTalkingWebhookEndpoints.Base}/sms?secret={AfricasTalkingWebhookTests.Secret}",
            new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {await response.Content.ReadAsStringAsync()}");

        var sent = await AnswersAsync(person, _ => true);

        Assert.All(sent, s => Assert.True(s.From == from, $"{name}: sent from {s.From}, not {from}"));
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'failed'"));
    }

    [Fact]
    public async Task A_staff_reply_goes_from_the_code_of_the_persons_last_message()
    {
        const string person = "+254711000971";
        await peer.PersonSendsAsync(person, "how do i make ORS at home");
        Assert.All(await AnswersAsync(person, _ => true), s => Assert.Equal("21525", s.From));
        var contact = await factory.Service<IContactStore>().FindAsync("sms", person);
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var page = $"/admin/inbox/{contact!.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await responder.PostAsync(
            $"{page}?handler=TakeOver", await AdminHttp.FormAsync(responder, page, []))).StatusCode);
        peer.ShortCode = OtherCode;
        await peer.PersonSendsAsync(person, "my child is still weak");
        await factory.WaitIdleAsync();

        await responder.PostAsync($"{page}?handler=Reply",
            await AdminHttp.FormAsync(responder, page, new() { ["text"] = "A nurse here: keep giving ORS." }));

        var reply = Assert.Single(await AnswersAsync(person, s => s.Message.Contains("A nurse here")));
        Assert.Equal(OtherCode, reply.From);
        Assert.Equal(1, await factory.CountAsync(
            $"SELECT COUNT(*) FROM messages WHERE direction = 'in' AND provider_to = '{OtherCode}'"));
    }

    private Task<List<AtSentSms>> AnswersAsync(string person, Func<AtSentSms, bool> which) =>
        Eventually.WaitForAsync(() => peer.Sent.Where(s => s.To == person && which(s)).ToList(),
            s => s.Count > 0, $"the answer to {person} at Africa's Talking", 30000);
}
