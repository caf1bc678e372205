using System.Net;
using System.Text;
using HealthBot.Admin;
using HealthBot.Channels.Meta;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Meta;

/// <summary>
/// The reply box of a WhatsApp conversation shows what the person will receive, as it is sent: WhatsApp's own
/// formatting (Markdown's **bold** becomes *bold*, as the composer does for the bot's answers), its length against
/// Meta's 4,096 characters of a text message, and no SMS cost; the reply reaches Meta exactly as previewed.
/// </summary>
public sealed class MetaStaffReplyPreviewTests : IAsyncLifetime
{
    private const string Token = "EAAG-test-access-token";
    private const string Typed = "A nurse here: give **two** spoonfuls of ORS after each loose stool.";
    private const string AsSent = "A nurse here: give *two* spoonfuls of ORS after each loose stool.";
    private LocalMetaPeer meta = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        meta = await LocalMetaPeer.StartAsync(Token, MetaWebhookTests.AppSecret);
        factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:Provider"] = "meta",
            ["MetaWhatsApp:ApiBaseUrl"] = meta.BaseUrl,
            ["MetaWhatsApp:PhoneNumberId"] = LocalMetaPeer.PhoneNumberId,
            ["MetaWhatsApp:AccessToken"] = Token,
            ["MetaWhatsApp:AppSecret"] = MetaWebhookTests.AppSecret,
        });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await meta.DisposeAsync();
    }

    [Theory]
    [InlineData("en", "WhatsApp message while you type", "No per-segment cost: WhatsApp does not charge by length")]
    [InlineData("fr", "Message WhatsApp pendant la saisie", "Pas de coût par segment")]
    [InlineData("sw", "Ujumbe wa WhatsApp unapoandika", "Hakuna gharama kwa kila sehemu")]
    [InlineData("pt", "Mensagem de WhatsApp enquanto escreve", "Sem custo por segmento")]
    [InlineData("hi", "लिखते समय WhatsApp संदेश", "प्रति सेगमेंट कोई खर्च नहीं")]
    public async Task The_reply_box_previews_the_whatsapp_message_as_it_is_sent(
        string staffLanguage, string label, string noCost)
    {
        var (responder, page) = await TakeOverAsync("254700000611");
        await responder.GetAsync($"/admin/language/{staffLanguage}");

        var html = WebUtility.HtmlDecode(await responder.GetStringAsync(page));
        Assert.Contains($"id=\"reply-preview\" aria-live=\"polite\" aria-label=\"{label}\"", html,
            StringComparison.Ordinal);
        Assert.Contains("data-preview=\"reply-preview\"", html, StringComparison.Ordinal);
        var preview = WebUtility.HtmlDecode(await responder.GetStringAsync(
            $"{page}?handler=Preview&text={Uri.EscapeDataString(Typed)}"));

        Assert.Contains($"data-testid=\"as-sent\" lang=\"en\" class=\"as-sent\">{AsSent}</dd>", preview,
            StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"characters\">{AsSent.Length}</dd>", preview, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"limit\">4096</dd>", preview, StringComparison.Ordinal);
        Assert.Contains(noCost, preview, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"provider\">Meta</dd>", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("segments", preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reply_reaches_meta_as_previewed_and_a_text_over_two_messages_is_refused_in_the_preview()
    {
        var (responder, page) = await TakeOverAsync("254700000612");
        var tooLong = string.Concat(Enumerable.Repeat("Drink clean water and rest. ", 300)).Trim();
        var refused = WebUtility.HtmlDecode(await responder.GetStringAsync(
            $"{page}?handler=Preview&text={Uri.EscapeDataString(tooLong)}"));
        Assert.Contains("data-testid=\"too-long\"", refused, StringComparison.Ordinal);
        Assert.Contains("most 2 messages of up to 4096 characters", refused, StringComparison.Ordinal);

        var before = meta.Received.Count;
        var posted = await responder.PostAsync($"{page}?handler=Reply",
            await AdminHttp.FormAsync(responder, page, new() { ["text"] = Typed }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var sent = await Eventually.WaitForAsync(() => meta.Received.Skip(before).ToList(), r => r.Count > 0,
            "the staff reply at Meta", 30000);
        Assert.Equal(AsSent, (string?)Assert.Single(sent)["text"]!["body"]);
    }

    private async Task<(HttpClient Responder, string Page)> TakeOverAsync(string number)
    {
        var body = MetaWebhookTests.Text(number, "how do i make ORS at home", "wamid." + Guid.NewGuid().ToString("N"));
        var request = new HttpRequestMessage(HttpMethod.Post, MetaWebhookEndpoints.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(MetaSignature.Header,
            MetaSignature.Compute(MetaWebhookTests.AppSecret, Encoding.UTF8.GetBytes(body)));
        // Posted here rather than by the peer: the staff pages need the host's own client. The peer opens the
        // 24-hour window as for a message it delivered.
        meta.PersonWrote(number, meta.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().SendAsync(request)).StatusCode);
        await Eventually.WaitForAsync(() => meta.Received.Count, n => n > 0, "the bot's answer at Meta", 30000);
        await factory.WaitIdleAsync();

        var contact = await factory.Service<IContactStore>().FindAsync("whatsapp", "+" + number);
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var page = $"/admin/inbox/{contact!.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await responder.PostAsync(
            $"{page}?handler=TakeOver", await AdminHttp.FormAsync(responder, page, []))).StatusCode);
        return (responder, page);
    }
}
