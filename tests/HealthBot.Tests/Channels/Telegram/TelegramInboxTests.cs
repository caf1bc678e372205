using System.Net;
using System.Text;
using HealthBot.Admin;
using HealthBot.Channels.Telegram;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Telegram;

/// <summary>What staff see of a Telegram conversation: channel and provider, and why an answer did not arrive.</summary>
public sealed class TelegramInboxTests : IAsyncLifetime
{
    private LocalTelegramPeer telegram = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        (telegram, factory) = await TelegramTestBot.StartAsync(false);
    }

    public Task DisposeAsync() => TelegramTestBot.StopAsync(factory, telegram);

    [Fact]
    public async Task A_blocked_bot_shows_as_not_delivered_with_telegrams_reason_beside_channel_and_provider()
    {
        telegram.Block(1111701);
        await PostAsync(TelegramWebhookTests.Text(1111701, "what are the signs of malaria", 864370001));
        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'failed'"),
            n => n == 1, "the send failed permanently", 30000);
        var contact = await factory.Service<IContactStore>().FindAsync("telegram", "1111701");
        var client = await factory.SignedInAsync(StaffRoles.Admin);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/admin/inbox/{contact!.Id}"));

        Assert.Contains("not delivered: 403 Forbidden: bot was blocked by the user", page);
        Assert.Contains("<dd data-testid=\"contact-channel\">Telegram</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd data-testid=\"contact-provider\">Telegram</dd>", page, StringComparison.Ordinal);
        Assert.Equal(Consent.OptedOut, (await factory.Service<IContactStore>().FindAsync("telegram", "1111701"))!
            .Consent);
    }

    [Fact]
    public async Task The_inbox_insights_and_campaign_form_know_the_telegram_channel()
    {
        await PostAsync(TelegramWebhookTests.Text(1111702, "what are the signs of malaria", 864370002));
        await Eventually.WaitForAsync(() => telegram.Received.Count, n => n > 0, "the answer at Telegram", 30000);
        var contact = await factory.Service<IContactStore>().FindAsync("telegram", "1111702");
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var page = $"/admin/inbox/{contact!.Id}";
        var takeOver = await responder.PostAsync($"{page}?handler=TakeOver", await AdminHttp.FormAsync(responder,
            page, []));
        Assert.Equal(HttpStatusCode.Redirect, takeOver.StatusCode);

        var inbox = await responder.GetStringAsync("/admin/inbox");

        Assert.Contains("<span data-testid=\"channel\">Telegram via Telegram</span>", inbox, StringComparison.Ordinal);
        var admin = await factory.SignedInAsync(StaffRoles.Admin, "lead@ngo.example");
        var insights = await admin.GetStringAsync("/admin/insights");
        Assert.Contains("<th scope=\"col\">Telegram</th>", insights, StringComparison.Ordinal);
        // The table beside the charts: channel, provider, conversations, messages in, messages out.
        var row = System.Text.RegularExpressions.Regex.Match(insights,
            @"<tr><th scope=""row"">Telegram</th><td>Telegram</td><td class=""num"">(\d+)</td>\s*" +
            @"<td class=""num"">(\d+)</td><td class=""num"">(\d+)</td></tr>");
        Assert.True(row.Success, "no telegram row in the per-provider table");
        Assert.Equal(("1", "1"), (row.Groups[1].Value, row.Groups[2].Value));
        Assert.True(int.Parse(row.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var form = await admin.GetStringAsync("/admin/campaigns/new");
        Assert.Contains("name=\"Form.Channels\" value=\"telegram\"", form, StringComparison.Ordinal);
    }

    private async Task PostAsync(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoints.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramWebhookEndpoints.SecretHeader, TelegramWebhookTests.Secret);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().SendAsync(request)).StatusCode);
    }
}
