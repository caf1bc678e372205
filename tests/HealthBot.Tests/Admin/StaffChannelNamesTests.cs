using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Staff read channels and providers by name (SMS, WhatsApp, "Web chat" in their language, Twilio), never the stored
/// ids ("webchat", "sms via twilio"): in the inbox, its search and the insights' charts and tables.
/// </summary>
public sealed partial class StaffChannelNamesTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("en", "Web chat")]
    [InlineData("fr", "Chat web")]
    public async Task The_inbox_names_handled_conversations_channels_and_providers(string language, string webChat)
    {
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        await responder.GetAsync($"/admin/language/{language}");
        await TakeOverAsync(responder, await SmsContactAsync());
        await TakeOverAsync(responder, await WebChatContactAsync());

        var text = Visible(await responder.GetStringAsync("/admin/inbox"));

        Assert.Contains("SMS via Twilio", text, StringComparison.Ordinal);
        Assert.Contains(webChat, text, StringComparison.Ordinal);
        AssertNoIds(text);
    }

    [Theory]
    [InlineData("en", "Web chat")]
    [InlineData("sw", "Gumzo la wavuti")]
    public async Task The_inbox_search_offers_channels_by_name(string language, string webChat)
    {
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        await responder.GetAsync($"/admin/language/{language}");

        var html = await responder.GetStringAsync("/admin/inbox");

        var select = Regex.Match(html, "<select id=\"s-channel\".*?</select>", RegexOptions.Singleline).Value;
        Assert.Contains($">{webChat}</option>", WebUtility.HtmlDecode(select), StringComparison.Ordinal);
        Assert.Contains(">SMS</option>", select, StringComparison.Ordinal);
        Assert.Contains("value=\"webchat\"", select, StringComparison.Ordinal); // the value stays the id
        AssertNoIds(Visible(select));
    }

    [Theory]
    [InlineData("en", "Web chat", "English")]
    [InlineData("fr", "Chat web", "anglais")]
    public async Task Insights_charts_legends_tooltips_and_tables_name_the_channels(
        string language, string webChat, string english)
    {
        await SmsContactAsync();
        var viewer = await factory.SignedInAsync(StaffRoles.Viewer);
        await viewer.GetAsync($"/admin/language/{language}");

        var html = WebUtility.HtmlDecode(await viewer.GetStringAsync("/admin/insights"));

        Assert.Contains(webChat, Visible(html), StringComparison.Ordinal);
        Assert.Contains("Twilio", Visible(html), StringComparison.Ordinal);
        Assert.Contains(english, Visible(html), StringComparison.Ordinal); // the language chart's legend and table
        Assert.DoesNotContain(">en<", html, StringComparison.Ordinal);
        // Tooltips (<title>) and table cells are text staff read: no id in any of them.
        AssertNoIds(Visible(html));
        Assert.DoesNotContain(">twilio<", html, StringComparison.Ordinal);
    }

    private static void AssertNoIds(string text)
    {
        foreach (var id in new[] { "webchat", "whatsapp", "ussd", "sms", "twilio" })
        {
            Assert.DoesNotMatch($"\\b{id}\\b", text);
        }
    }

    /// <summary>The page's text as read: tags, attributes and scripts left out.</summary>
    private static string Visible(string html) => WebUtility.HtmlDecode(
        Tags().Replace(Scripts().Replace(html, " "), " "));

    private async Task<long> SmsContactAsync()
    {
        await factory.PostSignedAsync("/webhooks/twilio/sms",
            HealthBotFactory.InboundForm("+254755000201", "how can i prevent malaria"));
        await factory.WaitIdleAsync();
        return (await factory.Service<IContactStore>().FindAsync("sms", "+254755000201"))!.Id;
    }

    private async Task<long> WebChatContactAsync()
    {
        using var chat = factory.CreateClient();
        (await chat.PostAsJsonAsync("/api/webchat/messages", new { text = "how can i prevent malaria" }))
            .EnsureSuccessStatusCode();
        await factory.WaitIdleAsync();
        return await factory.CountAsync("SELECT MAX(contact_id) FROM messages WHERE channel = 'webchat'");
    }

    private static async Task TakeOverAsync(HttpClient responder, long contactId)
    {
        var page = $"/admin/inbox/{contactId}";
        var form = await AdminHttp.FormAsync(responder, page, []);
        var response = await responder.PostAsync($"{page}?handler=TakeOver", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("<script.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
