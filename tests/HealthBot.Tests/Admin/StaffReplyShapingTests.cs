using System.Net;
using HealthBot.Admin;
using HealthBot.Channels.Kannel;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Sms;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// A staff reply goes through the provider of the person's last message (Kannel here, at most one SMS part per
/// message, while Twilio is the chosen SMS sender) and is shaped for it: an outside test saw a 949-character reply
/// accepted, previewed as "Segments 7", then failed "too-long" by the outbox, and the person got nothing.
/// </summary>
public sealed class StaffReplyShapingTests : IAsyncLifetime
{
    private const string Person = "+254700000777";
    private const string KannelSecret = "kannel-secret-for-tests";
    private LocalKannelPeer kannel = null!;
    private HealthBotFactory factory = null!;

    private static readonly string Long = string.Concat(Enumerable.Repeat(
        "Drink clean water often, rest, and come to the clinic on Monday if the fever is still there. ", 10)).Trim();

    public async Task InitializeAsync()
    {
        kannel = await LocalKannelPeer.StartAsync("hb", "sendsms-password");
        factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Kannel:SendSmsUrl"] = kannel.SendSmsUrl, ["Kannel:Username"] = "hb",
            ["Kannel:Password"] = "sendsms-password", ["Kannel:Secret"] = KannelSecret, ["Kannel:MaxSegments"] = "1",
        });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await kannel.DisposeAsync();
    }

    [Fact]
    public async Task A_long_reply_reaches_the_person_whole_in_messages_kannel_takes_and_the_preview_says_so()
    {
        var (responder, page) = await TakeOverAsync();
        Assert.True(Long.Length > 900 && SmsSegments.Analyze(Long).Segments == 7, $"{Long.Length} characters");

        var preview = WebUtility.HtmlDecode(await responder.GetStringAsync(
            $"{page}?handler=Preview&text={Uri.EscapeDataString(Long)}"));
        Assert.Contains("data-testid=\"provider\">Kannel<", preview, StringComparison.Ordinal);
        var shown = System.Text.RegularExpressions.Regex.Match(preview, "data-testid=\"messages\">([0-9]+)<");
        Assert.True(shown.Success, preview);
        Assert.DoesNotContain("too-long", preview, StringComparison.Ordinal);

        var before = kannel.Sent.Count;
        var posted = await PostAsync(responder, page, "Reply", new() { ["text"] = Long });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var expected = int.Parse(shown.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expected, 6, 7);
        await Eventually.WaitForAsync(() => kannel.Sent.Count - before, n => n >= expected, "the reply's parts", 30000);
        await factory.WaitIdleAsync();

        var parts = kannel.Sent.Skip(before).Where(s => s.To == Person).Select(s => s.Text).ToList();
        Assert.Equal(expected, parts.Count);
        Assert.All(parts, p => Assert.Equal(1, SmsSegments.Analyze(p).Segments));
        Assert.Equal(Long, string.Join(" ", parts));
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM outbox WHERE state <> 'done'"));
    }

    [Theory]
    [InlineData("en", "Not sent: this reply is too long for kannel. It would need")]
    [InlineData("fr", "Non envoyé : cette réponse est trop longue pour kannel.")]
    [InlineData("sw", "Haikutumwa: jibu hili ni refu mno kwa kannel.")]
    public async Task A_reply_no_number_of_messages_can_carry_is_refused_on_the_form_with_the_text_kept(
        string staffLanguage, string expected)
    {
        var (responder, page) = await TakeOverAsync();
        await responder.GetAsync($"/admin/language/{staffLanguage}");
        var tooLong = string.Concat(Enumerable.Repeat(Long + " ", 6)).Trim();
        var queued = await factory.CountAsync("SELECT COUNT(*) FROM outbox");

        var preview = WebUtility.HtmlDecode(await responder.GetStringAsync(
            $"{page}?handler=Preview&text={Uri.EscapeDataString(tooLong)}"));
        var posted = await PostAsync(responder, page, "Reply", new() { ["text"] = tooLong });

        Assert.Contains("data-testid=\"too-long\"", preview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains(tooLong + "</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(queued, await factory.CountAsync("SELECT COUNT(*) FROM outbox"));
    }

    private async Task<(HttpClient Responder, string Page)> TakeOverAsync()
    {
        var client = factory.CreateClient();
        var url = $"/webhooks/kannel/sms?secret={KannelSecret}&from={Uri.EscapeDataString(Person)}" +
                  "&text=hello&charset=UTF-8&id=k-1";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        await factory.WaitIdleAsync();
        var contact = await factory.Service<IContactStore>().FindAsync("sms", Person);
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var page = $"/admin/inbox/{contact!.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(responder, page, "TakeOver")).StatusCode);
        return (responder, page);
    }

    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string page, string handler, Dictionary<string, string>? fields = null) =>
        await client.PostAsync($"{page}?handler={handler}", await AdminHttp.FormAsync(client, page, fields ?? []));
}
