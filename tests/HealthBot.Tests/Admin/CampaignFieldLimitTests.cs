using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Campaigns;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// The campaign form's fields have limits the form shows (maxlength) and the server enforces: an over-long text is
/// refused when it is written, in the staff's language, not at send time in the outbox; nothing is created and the
/// person's input stays in the form.
/// </summary>
public sealed partial class CampaignFieldLimitTests : IAsyncLifetime
{
    private const string Page = "/admin/campaigns/new";
    private const string TooLong = "messages[].text.en : trop long pour twilio";
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Over_long_fields_are_refused_with_the_reason_and_the_form_keeps_what_was_typed()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        await admin.GetAsync("/admin/language/fr");
        var form = await admin.GetStringAsync(Page);
        // Twilio sends at most 1,600 characters a message, SMS or WhatsApp: the form says so before anyone types.
        Assert.Equal(5, TextLimit().Matches(form).Count(m => m.Groups[1].Value == "1600"));
        Assert.Contains("id=\"f-name\" name=\"Form.Name\" maxlength=\"100\"", form, StringComparison.Ordinal);
        Assert.Matches("id=\"f-groups\"[^>]*maxlength=\"200\"", form);

        // A WhatsApp-only campaign is not held to the SMS budget: its text was stored, then refused by the sender.
        var text = string.Concat(Enumerable.Repeat("Eat beans, eggs and dark green leaves. ", 50)).Trim();
        var groups = "pregnancy," + new string('g', 500);
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "iron-tips", ["Form.Channels"] = "whatsapp", ["Form.Groups"] = groups,
            ["Form.Kind"] = "once", ["Form.At"] = "2027-01-10T09:00", ["Form.Hour"] = "9", ["Form.Text[en]"] = text,
        };
        var built = await admin.PostAsync($"{Page}?handler=Build", await AdminHttp.FormAsync(admin, Page, fields));

        Assert.Equal(HttpStatusCode.OK, built.StatusCode);
        var html = WebUtility.HtmlDecode(await built.Content.ReadAsStringAsync());
        var problems = Problems(html);
        Assert.Contains(problems, p => p.StartsWith(TooLong, StringComparison.Ordinal)
            && p.Contains($"{text.Length} caractères", StringComparison.Ordinal)
            && p.EndsWith("il envoie au plus 1600 caractères par message", StringComparison.Ordinal));
        Assert.Contains("audience.groups : 500 caractères ; 200 au plus", problems);
        Assert.Contains($">{text}</textarea>", html, StringComparison.Ordinal); // what was typed is still there

        // Create with the definition the form filled in: refused the same way, nothing stored.
        var definition = Definition().Match(html).Groups[1].Value;
        var created = await admin.PostAsync($"{Page}?handler=Create",
            await AdminHttp.FormAsync(admin, Page, new() { ["Definition"] = definition }));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var again = Problems(WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync()));
        Assert.Contains(again, p => p.StartsWith(TooLong, StringComparison.Ordinal));
        Assert.Empty(factory.Service<CampaignService>().List());
    }

    [Fact]
    public async Task An_over_long_name_is_refused_in_the_staffs_language()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        await admin.GetAsync("/admin/language/sw");
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = new string('n', 300), ["Form.Channels"] = "sms", ["Form.Kind"] = "once",
            ["Form.At"] = "2027-01-10T09:00", ["Form.Hour"] = "9", ["Form.Text[en]"] = "Vaccination day is Tuesday.",
        };
        var built = await admin.PostAsync($"{Page}?handler=Build", await AdminHttp.FormAsync(admin, Page, fields));

        var html = WebUtility.HtmlDecode(await built.Content.ReadAsStringAsync());
        Assert.Contains(UiText.Built("sw", "name: required, at most 100 characters, not only digits"), Problems(html));
        Assert.Empty(factory.Service<CampaignService>().List());
    }

    private static List<string> Problems(string html) =>
        Problem().Matches(html).Select(m => m.Groups[1].Value.Trim()).ToList();

    [GeneratedRegex("<textarea id=\"f-text-[a-z]+\"[^>]*maxlength=\"([0-9]+)\"")]
    private static partial Regex TextLimit();

    [GeneratedRegex("<li class=\"error\">(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex Problem();

    [GeneratedRegex("<textarea id=\"definition\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex Definition();
}
