using System.Net;
using System.Text;
using HealthBot.Admin;
using HealthBot.Channels.Meta;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Meta;

/// <summary>What staff see when WhatsApp through Meta could not deliver an answer.</summary>
public sealed class MetaInboxTests : IAsyncLifetime
{
    private const string Token = "EAAG-test-access-token";
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

    [Fact]
    public async Task Undeliverable_131026_fails_at_once_with_the_reason_shown_in_the_inbox()
    {
        meta.Script(MetaErrors.Undeliverable);
        var body = MetaWebhookTests.Text("254700000606", "what are the signs of malaria", "wamid.und3l1v");
        var request = new HttpRequestMessage(HttpMethod.Post, MetaWebhookEndpoints.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(MetaSignature.Header,
            MetaSignature.Compute(MetaWebhookTests.AppSecret, Encoding.UTF8.GetBytes(body)));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().SendAsync(request)).StatusCode);

        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'failed'"),
            n => n == 1, "the send failed permanently", 30000);
        var contact = await factory.Service<IContactStore>().FindAsync("whatsapp", "+254700000606");
        var client = await factory.SignedInAsync(StaffRoles.Admin);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/admin/inbox/{contact!.Id}"));

        Assert.Contains("not delivered: 131026 Message Undeliverable", page);
        Assert.Equal(1, meta.Attempts);
        Assert.Empty(meta.Received);
    }
}
