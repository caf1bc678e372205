using System.Net.Http.Json;
using System.Text.Json;
using HealthBot.Admin;
using HealthBot.Campaigns;
using HealthBot.Channels;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Channels.Pigeon;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace HealthBot.Tests.Channels;

/// <summary>
/// Adding a provider is one folder: <see cref="PigeonProvider"/> is registered the way AddChannels registers each
/// folder it finds, and campaigns, contact import, the guided form, the inbox, insights, readiness and the reply
/// composer pick up its channel with no edit anywhere else.
/// </summary>
public sealed class OneFolderProviderTests : IAsyncLifetime
{
    private const string Person = "loft-7";

    private readonly HealthBotFactory factory = new(services: s =>
        s.AddProviderFolder(new PigeonProvider(), new ConfigurationBuilder().Build()));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_note_in_is_answered_through_the_same_dialog_shaped_to_the_providers_limit()
    {
        await SendAsync("how can i prevent malaria");

        var loft = factory.Service<PigeonLoft>();
        await Eventually.WaitForAsync(() => loft.Sent.Count(s => s.To == Person), c => c > 0, "the answer by pigeon");
        await factory.WaitIdleAsync();
        var replies = loft.Sent.Where(s => s.To == Person).Select(s => s.Text).ToList();
        Assert.Contains(replies, r => r.Contains("net", StringComparison.OrdinalIgnoreCase));
        // The web body of a topic is far longer than 300 characters: the registration's limit shaped it.
        Assert.All(replies, r => Assert.InRange(r.Length, 1, PigeonProvider.NoteChars));
    }

    [Fact]
    public async Task Campaigns_contact_import_and_the_guided_form_offer_the_new_channel()
    {
        var campaign = """
            {"name":"loft","channels":["pigeon"],"audience":{"groups":["g"]},
             "schedule":{"kind":"once","at":"2027-01-10T09:00:00","timeZone":"UTC"},"messages":[{"text":{"en":"Hi"}}]}
            """;
        Assert.Empty(factory.Service<CampaignService>().Parse(campaign).Problems);
        var owl = factory.Service<CampaignService>().Parse(campaign.Replace("pigeon", "owl", StringComparison.Ordinal));
        Assert.Contains("channels: one or more of pigeon, sms, whatsapp", owl.Problems);

        var import = await factory.Service<ContactImport>().ImportAsync(
            new StringReader("phone,consent,channel\n+254700000301,yes,pigeon\n+254700000302,yes,owl\n"));
        Assert.Equal(1, import.Imported);
        Assert.Equal("line 3: channel must be pigeon or sms or whatsapp", Assert.Single(import.Rejected));

        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var form = await admin.GetStringAsync("/admin/campaigns/new");
        Assert.Contains("name=\"Form.Channels\" value=\"pigeon\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_insights_and_the_inbox_show_the_channel_and_its_provider()
    {
        var ready = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/readyz");
        var channel = ready.GetProperty("channels").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "pigeon");
        Assert.Equal("pigeon", channel.GetProperty("provider").GetString());
        Assert.Contains(ready.GetProperty("registered").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "pigeon" && p.GetProperty("configured").GetBoolean());

        await SendAsync("how can i prevent malaria");
        var contact = await factory.Service<IContactStore>().FindAsync(PigeonProvider.Name, Person);
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var page = $"/admin/inbox/{contact!.Id}";
        var form = await AdminHttp.FormAsync(responder, page, []);
        var takeOver = await responder.PostAsync($"{page}?handler=TakeOver", form);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, takeOver.StatusCode);

        var inbox = await responder.GetStringAsync("/admin/inbox");
        Assert.Contains("<span data-testid=\"channel\">pigeon via pigeon</span>", inbox, StringComparison.Ordinal);
        var lead = await factory.SignedInAsync(StaffRoles.Admin, "lead@ngo.example");
        var insights = await lead.GetStringAsync("/admin/insights");
        Assert.Contains("<th scope=\"col\">pigeon</th>", insights, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_folder_nothing_knows_the_channel()
    {
        await using var plain = new HealthBotFactory();

        var problems = plain.Service<CampaignService>().Parse("""
            {"name":"x","channels":["pigeon"],"schedule":{"kind":"once","at":"2027-01-10T09:00:00"},
             "messages":[{"text":{"en":"Hi"}}]}
            """).Problems;
        Assert.Contains("channels: one or more of sms, whatsapp", problems);
        Assert.DoesNotContain(plain.Service<ChannelRegistry>().Channels, c => c.Name == "pigeon");
    }

    private async Task SendAsync(string text)
    {
        var response = await factory.CreateClient().PostAsJsonAsync(
            "/webhooks/pigeon/notes", new PigeonNote(Guid.NewGuid().ToString("N"), Person, text));
        response.EnsureSuccessStatusCode();
        await factory.WaitIdleAsync();
    }
}
