using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Channels.Kannel;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Sms;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// A staff reply takes the language of the person's latest message, not their first: someone who first wrote in
/// Hindi and now writes in French gets a reply folded for a French SMS, as the reply box's preview showed it (the
/// reply was shaped for Hindi, accents kept in UCS-2, while the preview said French); someone who first wrote in
/// English and now in Swahili gets a reply stored, and shown, as Swahili.
/// </summary>
public sealed class StaffReplyLatestMessageTests : IAsyncLifetime
{
    private const string Person = "+254700000888";
    private const string KannelSecret = "kannel-secret-for-tests";
    private const string Reply = "Buvez de l'eau souvent, à bientôt au dispensaire.";
    private LocalKannelPeer kannel = null!;
    private HealthBotFactory factory = null!;
    private int sent;

    public async Task InitializeAsync()
    {
        kannel = await LocalKannelPeer.StartAsync("hb", "sendsms-password");
        factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Kannel:SendSmsUrl"] = kannel.SendSmsUrl, ["Kannel:Username"] = "hb",
            ["Kannel:Password"] = "sendsms-password", ["Kannel:Secret"] = KannelSecret,
        });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await kannel.DisposeAsync();
    }

    [Theory]
    [InlineData("मलेरिया से कैसे बचें", "hi", "comment éviter le paludisme chez mon bébé", "fr", "French")]
    [InlineData("how can i prevent malaria", "en", "ninawezaje kuzuia malaria kwa mtoto wangu", "sw", "Swahili")]
    public async Task A_staff_reply_is_shaped_for_the_language_of_the_persons_latest_message(
        string first, string firstLanguage, string latest, string latestLanguage, string name)
    {
        await PersonWritesAsync(first);
        var contact = await factory.Service<IContactStore>().FindAsync("sms", Person);
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var page = $"/admin/inbox/{contact!.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(responder, page, "TakeOver")).StatusCode);
        await PersonWritesAsync(latest);
        var languages = (await factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 100))
            .Where(m => m.Direction == "in").Select(m => m.Language).ToList();
        Assert.Equal([firstLanguage, latestLanguage], languages);

        var html = WebUtility.HtmlDecode(await responder.GetStringAsync(page));
        Assert.Contains($"Reply (in {name})", html, StringComparison.Ordinal);
        var preview = WebUtility.HtmlDecode(await responder.GetStringAsync(
            $"{page}?handler=Preview&text={Uri.EscapeDataString(Reply)}"));
        var asSent = OutgoingSms.Prepare(Reply, latestLanguage);
        Assert.Contains(asSent, preview, StringComparison.Ordinal);

        var before = kannel.Sent.Count;
        Assert.Equal(HttpStatusCode.Redirect,
            (await PostAsync(responder, page, "Reply", new() { ["text"] = Reply })).StatusCode);
        await Eventually.WaitForAsync(() => kannel.Sent.Count - before, n => n >= 1, "the staff reply", 30000);

        Assert.Equal(asSent, kannel.Sent.Skip(before).Single(s => s.To == Person).Text);
        var conversation = await responder.GetStringAsync(page);
        Assert.Matches(new Regex($"<li class=\"from-staff\" data-id=\"[0-9]+\" data-from=\"staff\" " +
            $"lang=\"{latestLanguage}\">"), conversation);
    }

    private async Task PersonWritesAsync(string text)
    {
        var url = $"/webhooks/kannel/sms?secret={KannelSecret}&from={Uri.EscapeDataString(Person)}" +
                  $"&text={Uri.EscapeDataString(text)}&charset=UTF-8&id=k-{++sent}";
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(url)).StatusCode);
        await factory.WaitIdleAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string page, string handler, Dictionary<string, string>? fields = null) =>
        await client.PostAsync($"{page}?handler={handler}", await AdminHttp.FormAsync(client, page, fields ?? []));
}
