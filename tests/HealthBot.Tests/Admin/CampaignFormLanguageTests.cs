using System.Net;
using HealthBot.Admin;
using HealthBot.Campaigns;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// The create form starts empty and sends only the languages written; the preview says per language who gets the
/// campaign and who gets nothing (no text in their language) or is left out (language not chosen).
/// </summary>
public sealed class CampaignFormLanguageTests : IAsyncLifetime
{
    private const string Page = "/admin/campaigns/new";
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task The_form_starts_empty_and_the_example_is_a_button()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var empty = await admin.GetStringAsync(Page);
        Assert.DoesNotContain("Semaine {n}", WebUtility.HtmlDecode(empty), StringComparison.Ordinal);
        Assert.DoesNotContain("pregnancy-weekly", empty, StringComparison.Ordinal);
        Assert.Contains("Start from the example", empty, StringComparison.Ordinal);

        var example = WebUtility.HtmlDecode(await (await admin.PostAsync($"{Page}?handler=Example", await AdminHttp.FormAsync(admin, Page, []))).Content.ReadAsStringAsync());
        Assert.Contains("\"name\": \"pregnancy-weekly\"", example, StringComparison.Ordinal);
        Assert.Contains(">Semaine {n} : mangez", example, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_written_in_english_and_swahili_sends_those_two_only_and_says_who_is_left_out()
    {
        await CampaignContacts.SeedAsync(factory);
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "clinic-day", ["Form.Channels"] = "sms", ["Form.Groups"] = "pregnancy",
            ["Form.Kind"] = "once", ["Form.At"] = "2027-01-10T09:00", ["Form.TimeZone"] = "Africa/Nairobi",
            ["Form.Text[en]"] = "Clinic day is Tuesday.", ["Form.Text[sw]"] = "Siku ya kliniki ni Jumanne.",
        };

        var built = WebUtility.HtmlDecode(await (await admin.PostAsync($"{Page}?handler=Build", await AdminHttp.FormAsync(admin, Page, fields))).Content.ReadAsStringAsync());
        var json = Definition(built);
        var definition = CampaignDefinition.Parse(json);
        Assert.Equal(["en", "sw"], definition.Messages[0].Text.Keys.Order());
        Assert.Equal(["en", "sw"], definition.Who.Languages!);
        Assert.Contains("data-testid=\"reach-gets\">2<", built, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reach-not-chosen\">1<", built, StringComparison.Ordinal);
        Assert.Contains("<tr data-testid=\"reach-fr\"><td>fr</td><td class=\"num\">1</td>", built, StringComparison.Ordinal);
        Assert.Contains("Nothing: this language is not chosen in the audience", built, StringComparison.Ordinal);

        var created = await admin.PostAsync($"{Page}?handler=Create", await AdminHttp.FormAsync(admin, Page, new() { ["Definition"] = json }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stored = CampaignDefinition.Parse(factory.Service<CampaignService>().Find("clinic-day")!.Definition);
        Assert.Equal(["en", "sw"], stored.Messages[0].Text.Keys.Order());
        var details = await admin.GetStringAsync(created.Headers.Location!.ToString());
        Assert.Contains("data-testid=\"reach-gets\">2<", details, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reach-not-chosen\">1<", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_counts_contacts_who_get_nothing_because_their_language_has_no_text()
    {
        await CampaignContacts.SeedAsync(factory);
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        const string json = """
            {
              "name": "english-only", "channels": ["sms"], "audience": { "groups": ["pregnancy"] },
              "schedule": { "kind": "once", "at": "2027-01-10T09:00:00", "timeZone": "Africa/Nairobi" },
              "messages": [ { "text": { "en": "Vaccination day is Tuesday at the clinic." } } ]
            }
            """;

        var preview = await (await admin.PostAsync($"{Page}?handler=Preview", await AdminHttp.FormAsync(admin, Page, new() { ["Definition"] = json }))).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"audience\">3<", preview, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reach-gets\">1<", preview, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reach-no-text\">2<", preview, StringComparison.Ordinal);
        Assert.Contains("because their language has no text:\n            fr, sw.", preview.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<tr data-testid=\"reach-sw\"><td>sw</td><td class=\"num\">1</td>", preview, StringComparison.Ordinal);
    }

    private static string Definition(string html)
    {
        var start = html.IndexOf("name=\"Definition\"", StringComparison.Ordinal);
        var open = html.IndexOf('>', start) + 1;
        return html[open..html.IndexOf("</textarea>", open, StringComparison.Ordinal)];
    }
}
