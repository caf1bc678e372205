using System.Net;
using HealthBot.Admin;
using HealthBot.Channels;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Maintenance;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// The workspace in French, Swahili, Portuguese and Hindi shows no English built in code: every page, seeded so those
/// messages appear (an urgent alert, a flagged conversation, a campaign with problems, a provider down, a full disk,
/// a failed backup, audit entries, a refused password), is read as an admin in each language and searched for the
/// English phrases the code composes. Alerts show the urgent topic's title, the rule id only beside it.
/// </summary>
public sealed class WorkspaceLanguageTests(WorkspaceLanguageTests.Seeded seeded)
    : IClassFixture<WorkspaceLanguageTests.Seeded>
{
    /// <summary>English that code composes and the pages used to show as it is.</summary>
    private static readonly string[] English =
    [
        "is not a five-field cron", "is not a known time zone", "required, at most 100 characters", "at least one",
        "MB free", "messages are refused below", "last backup", " h ago", "not answering", "Declined:",
        "Low confidence", "Not understood", "Took over", "Signed in", "Created a campaign", " characters",
        "international format", "the password needs", "web chat", "Urgent message", "contact #", "campaign #",
        "state=paused", "name=weekly", "role=viewer", "alert-name\">Danger signs", "Danger signs in pregnancy <small>",
        "Preventing malaria <small>",
    ];

    private readonly HealthBotFactory factory = seeded.Factory;
    private readonly HttpClient admin = seeded.Admin;
    private readonly long alertContact = seeded.AlertContact;
    private readonly long campaignId = seeded.CampaignId;

    public static TheoryData<string, string> PagesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        string[] pages =
        [
            "/admin", "/admin/inbox", "/admin/inbox/{contact}", "/admin/insights", "/admin/campaigns",
            "/admin/campaigns/{campaign}", "/admin/campaigns/{campaign}/report", "/admin/audit", "/admin/users",
            "/admin/content", "/admin/review", "/admin/no-such-page",
        ];
        foreach (var language in new[] { "fr", "sw", "pt", "hi" })
        {
            foreach (var page in pages)
            {
                data.Add(page, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndLanguages))]
    public async Task A_page_in_the_staff_language_has_no_english_built_in_code(string page, string language)
    {
        await admin.GetAsync($"/admin/language/{language}");
        var path = page.Replace("{contact}", $"{alertContact}", StringComparison.Ordinal)
            .Replace("{campaign}", $"{campaignId}", StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await (await admin.GetAsync(path)).Content.ReadAsStringAsync());

        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        NoEnglish(path, language, html);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("sw")]
    [InlineData("pt")]
    [InlineData("hi")]
    public async Task Forms_answer_in_the_staff_language(string language)
    {
        await admin.GetAsync($"/admin/language/{language}");
        var problems = await PostAsync("/admin/campaigns/new", "Preview", new()
        {
            ["Definition"] = """
                {"name": "", "channels": ["sms"], "who": {}, "messages": [],
                 "schedule": {"kind": "recurring", "cron": "every monday", "timeZone": "Mars/Olympus"}}
                """,
        });
        var refused = await PostAsync($"/admin/campaigns/{campaignId}", "TestSend", new()
        {
            ["channel"] = "sms", ["to"] = "0712 345", ["language"] = "",
        });
        var password = await PostAsync("/admin/users", null, new()
        {
            ["Email"] = "new@ngo.example", ["Role"] = StaffRoles.Viewer, ["Password"] = "short",
        });

        foreach (var html in new[] { problems, refused, password })
        {
            Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
            NoEnglish("a form's answer", language, html);
        }

        Assert.Contains("every monday", problems, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alert_shows_the_urgent_topic_by_its_title_in_the_staff_language_and_the_rule_id_beside_it()
    {
        await admin.GetAsync("/admin/language/en");
        var english = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/inbox"));
        await admin.GetAsync("/admin/language/sw");
        var swahili = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/inbox"));
        var title = factory.Service<HealthBot.Content.ContentCatalog>().Current.Find("pregnancy-danger-signs", "sw")!
            .Title;

        Assert.Contains(
            "data-testid=\"alert-name\">Danger signs in pregnancy</strong>", english, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"alert-name\">{title}</strong>", swahili, StringComparison.Ordinal);
        Assert.Contains("(kanuni en:pregnancy-danger-signs)</small>", swahili, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "fr", "Serveurs")]
    [InlineData("pt", "pt", "Servidores")]
    [InlineData("sw", "en", "Dashibodi ya kazi haina maneno ya Kiswahili")]
    [InlineData("hi", "en", "कार्य डैशबोर्ड हिन्दी में नहीं है")]
    public async Task The_jobs_dashboard_speaks_french_and_portuguese_and_says_so_when_it_is_english(
        string language, string lang, string words)
    {
        await admin.GetAsync($"/admin/language/{language}");

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/jobs"));

        Assert.Contains($"<html lang=\"{lang}\"", html, StringComparison.Ordinal);
        Assert.Contains(words, html, StringComparison.Ordinal);
        // Hangfire's words and the page's name are in the page's language; Swahili and Hindi get a line in theirs.
        Assert.Equal(lang == "en", html.Contains("HealthBot jobs", StringComparison.Ordinal));
    }

    private static void NoEnglish(string page, string language, string html)
    {
        var found = English.Where(e => html.Contains(e, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, $"{page} in {language} shows English: {string.Join(" | ", found)}");
    }

    private async Task<string> PostAsync(string page, string? handler, Dictionary<string, string> fields)
    {
        var form = await AdminHttp.FormAsync(admin, page, fields);
        var response = await admin.PostAsync(handler is null ? page : $"{page}?handler={handler}", form);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>One box for every page and language: an urgent alert (taken over), a declined question, a topic
    /// answered, a provider down, a disk below the warning level, a failed backup and a paused campaign.</summary>
    public sealed class Seeded : IAsyncLifetime
    {
        private const string Urgent = "+254755000001";

        public HealthBotFactory Factory { get; } = new(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:WarnFreeMegabytes"] = "1000000",
        });

        public HttpClient Admin { get; private set; } = null!;

        public long AlertContact { get; private set; }

        public long CampaignId { get; private set; }

        public async Task InitializeAsync()
        {
            foreach (var (from, text) in new[]
            {
                (Urgent, "im 8 months pregnant and bleeding a lot"), ("+254755000002", "who won the football match"),
                ("+254755000003", "how can i prevent malaria"),
            })
            {
                await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, text));
            }

            await Eventually.WaitAsync(
                () => Factory.CountAsync(
                    "SELECT COUNT(*) FROM messages WHERE direction = 'in' AND status = 'received'"),
                n => n == 0, "answers");
            AlertContact = (await Factory.Service<IContactStore>().FindAsync("sms", Urgent))!.Id;
            Factory.Service<ProviderMonitor>().Record(
                "kannel", new ProviderProbe(false, "not answering (HttpRequestException)"));
            Factory.Service<BackupStatusFile>().Write(new BackupStatus(
                DateTimeOffset.UtcNow.AddHours(-5), false, "/media/usb/backups", "No space left on device"));
            await CampaignContacts.SeedAsync(Factory);
            Admin = await Factory.SignedInAsync(StaffRoles.Admin);
            var workspace = Factory.Service<CampaignWorkspace>();
            var created = await workspace.CreateAsync("boss@ngo.example", CampaignJson.Pregnancy("weekly-tips"));
            CampaignId = created.Id!.Value;
            await workspace.SetStateAsync("boss@ngo.example", CampaignId, "pause");
            await Factory.Service<InboxService>().TakeOverAsync("nurse@ngo.example", AlertContact);
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
