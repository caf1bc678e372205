using HealthBot.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Campaigns;
using Microsoft.Playwright;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Every workspace page, as an admin sees it with data on it, has no axe-core violation in Chromium and needs no
/// sideways scrolling at 390 px (tables scroll inside their .scroll block).
/// </summary>
// Left out of the PostgreSQL pass: the provider's protocol; its inbound path and stores run on PostgreSQL in the
// provider's other classes.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class AccessibilityBrowserTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    [Fact]
    public async Task Every_workspace_page_passes_axe_and_fits_a_phone()
    {
        var signedOut = await fixture.OpenAnonymousAsync();
        await signedOut.GotoAsync("/admin/login");
        var problems = new List<string>();
        await CheckAsync(signedOut, "login", problems);

        var admin = await fixture.SignInAsync(StaffRoles.Admin);
        foreach (var (name, path) in await PagesAsync())
        {
            await admin.GotoAsync(path);
            await CheckAsync(admin, name, problems);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>
    /// The pages whose words are built in code, in Hindi (the longest words) and Swahili, where the jobs dashboard
    /// adds a line in the staff's language to Hangfire's English.
    /// </summary>
    [Theory]
    [InlineData("hi")]
    [InlineData("sw")]
    public async Task Pages_in_another_language_pass_axe_and_fit_a_phone(string language)
    {
        var admin = await fixture.SignInAsync(StaffRoles.Admin);
        await admin.GotoAsync($"/admin/language/{language}");
        var problems = new List<string>();
        foreach (var path in new[] { "/admin", "/admin/inbox", "/admin/audit", "/admin/users", "/admin/jobs" })
        {
            await admin.GotoAsync(path);
            await CheckAsync(admin, $"{language}{path.Replace('/', '-')}", problems);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static async Task CheckAsync(IPage page, string name, List<string> problems)
    {
        var result = await page.RunAxe();

        foreach (var violation in result.Violations)
        {
            var where = string.Join(" | ",
                violation.Nodes.Take(3).Select(n => n.Html.Length > 120 ? n.Html[..120] : n.Html));
            problems.Add($"{name}: {violation.Id} ({violation.Impact}) {violation.Help}: {where}");
        }

        try
        {
            await Screenshots.TakeAsync(page, "a11y-" + name);
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            problems.Add(ex.Message);
        }
    }

    private async Task<IReadOnlyList<(string Name, string Path)>> PagesAsync()
    {
        const string person = "+254744000001";
        await fixture.SendSmsAsync(person, "how can i prevent malaria");
        await Tests.Infrastructure.Eventually.WaitAsync(
            () => fixture.Factory.Service<IContactStore>().FindAsync("sms", person), c => c is not null, "the contact");
        var contact = await fixture.Factory.Service<IContactStore>().FindAsync("sms", person);
        var workflow = fixture.Factory.Service<ContentWorkflow>();
        var edit = await workflow.SaveDraftAsync("ed@ngo.example", "malaria-prevention", "en", "Malaria",
            "Sleep under a treated net every night.", "Sleep under a treated net every night, all year.");
        await workflow.SubmitAsync("ed@ngo.example", edit);
        await CampaignContacts.SeedAsync(fixture.Factory);
        var campaign = await fixture.Factory.Service<HealthBot.Campaigns.CampaignService>()
            .CreateAsync(CampaignJson.Pregnancy("a11y-weekly"));
        return
        [
            ("dashboard", "/admin"), ("content", "/admin/content"),
            ("content-edit", "/admin/content/malaria-prevention/en"),
            ("content-history", "/admin/content/malaria-prevention/en/history"),
            ("content-export", "/admin/content/export"), ("review", "/admin/review"), ("triage", "/admin/triage/en"),
            ("review-edit", $"/admin/review/{edit}"), ("insights", "/admin/insights"),
            ("campaigns", "/admin/campaigns"),
            ("campaign-new", "/admin/campaigns/new"), ("campaign", $"/admin/campaigns/{campaign.Id}"),
            ("campaign-report", $"/admin/campaigns/{campaign.Id}/report"),
            ("inbox", "/admin/inbox"), ("conversation", $"/admin/inbox/{contact!.Id}"), ("users", "/admin/users"),
            ("audit", "/admin/audit"), ("clock", "/admin/clock"), ("not-found", "/admin/no-such-page"),
            ("jobs", "/admin/jobs"),
            ("jobs-recurring", "/admin/jobs/recurring"), ("jobs-servers", "/admin/jobs/servers"),
        ];
    }
}
