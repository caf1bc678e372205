using System.Net;
using HealthBot.Admin;
using HealthBot.Campaigns;
using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>The campaign pages over HTTP: an admin creates, previews, test-sends and pauses; other roles only read.</summary>
public sealed class CampaignPagesTests : TwilioPeerTests
{
    private const string Tester = "+254700300099";

    [Fact]
    public async Task An_admin_creates_previews_test_sends_pauses_resumes_and_reads_the_report()
    {
        await CampaignContacts.SeedAsync(Factory);
        var admin = await Factory.SignedInAsync(StaffRoles.Admin, "camp@ngo.example");
        var definition = CampaignJson.Pregnancy("weekly-tips");

        var preview = await admin.PostAsync("/admin/campaigns/new?handler=Preview", await Form(admin, "/admin/campaigns/new", new() { ["Definition"] = definition }));
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("data-testid=\"audience\">3<", previewHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"segments-hi\">", previewHtml, StringComparison.Ordinal);
        Assert.Null(Factory.Service<CampaignService>().Find("weekly-tips"));

        var created = await admin.PostAsync("/admin/campaigns/new?handler=Create", await Form(admin, "/admin/campaigns/new", new() { ["Definition"] = definition }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var row = Factory.Service<CampaignService>().Find("weekly-tips")!;
        var page = $"/admin/campaigns/{row.Id}";
        Assert.Equal(page, created.Headers.Location!.ToString());
        Assert.Contains("weekly-tips", await admin.GetStringAsync("/admin/campaigns"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"audience\">3<", await admin.GetStringAsync(page), StringComparison.Ordinal);

        var test = await admin.PostAsync($"{page}?handler=TestSend", await Form(admin, page, new() { ["channel"] = "sms", ["to"] = Tester, ["language"] = "en" }));
        Assert.Contains("Test message queued.", await test.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sent = await Eventually.WaitForAsync(() => Peer.Received.Where(m => m.To == Tester).ToList(), r => r.Count == 1, "the test message at the peer");
        Assert.StartsWith("Week 4: eat beans", sent[0].Body, StringComparison.Ordinal);

        await admin.PostAsync($"{page}?handler=Pause", await Form(admin, page, []));
        Assert.Equal(CampaignState.Paused, Factory.Service<CampaignService>().Find("weekly-tips")!.State);
        var resumed = await admin.PostAsync($"{page}?handler=Resume", await Form(admin, page, []));
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(CampaignState.Active, Factory.Service<CampaignService>().Find("weekly-tips")!.State);

        await admin.PostAsync($"{page}?handler=Cancel", await Form(admin, page, []));
        Assert.Equal(CampaignState.Cancelled, Factory.Service<CampaignService>().Find("weekly-tips")!.State);
        var again = await admin.PostAsync($"{page}?handler=Resume", await Form(admin, page, []));
        Assert.Contains("Nothing changed: the campaign is cancelled.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var report = await admin.GetStringAsync($"{page}/report");
        Assert.Contains("data-testid=\"targeted\">", report, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"opted-out\">0<", report, StringComparison.Ordinal);

        foreach (var action in new[] { "campaign.create", "campaign.test_send", "campaign.pause", "campaign.resume", "campaign.cancel" })
        {
            Assert.Equal(1, await Factory.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE actor = 'camp@ngo.example' AND action = '{action}' AND target = 'campaign #{row.Id}'"));
        }

        // The audit names the contact id of the test number; neither audit nor logs hold the number or the text.
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'campaign.test_send' AND detail LIKE 'contact #%'"));
        Assert.Equal(0, await Factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%700300%' OR target LIKE '%700300%' OR detail LIKE '%beans%'"));
        var logs = string.Join('\n', Factory.Logs);
        Assert.DoesNotContain("700300099", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("eat beans", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_definition_shows_the_validator_problems_on_the_page_not_an_error()
    {
        var admin = await Factory.SignedInAsync(StaffRoles.Admin);
        var bad = CampaignJson.Pregnancy("bad-one", channels: "[\"fax\"]").Replace("\"hour\": 9", "\"hour\": 30", StringComparison.Ordinal);

        var response = await admin.PostAsync("/admin/campaigns/new?handler=Create", await Form(admin, "/admin/campaigns/new", new() { ["Definition"] = bad }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("channels: one or more of sms, whatsapp", html, StringComparison.Ordinal);
        Assert.Contains("schedule.hour: 0 to 23", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);

        var broken = await admin.PostAsync("/admin/campaigns/new?handler=Preview", await Form(admin, "/admin/campaigns/new", new() { ["Definition"] = "{ \"name\": " }));
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        var brokenHtml = await broken.Content.ReadAsStringAsync();
        Assert.Contains("not a campaign definition: the text is not valid JSON at line 1", brokenHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", brokenHtml, StringComparison.Ordinal); // no .NET message
        Assert.Empty(Factory.Service<CampaignService>().List());
    }

    [Fact]
    public async Task The_guided_form_fills_in_a_checked_definition_and_reports_what_it_cannot_read()
    {
        await CampaignContacts.SeedAsync(Factory);
        var admin = await Factory.SignedInAsync(StaffRoles.Admin);
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "kisumu-vaccination", ["Form.Channels"] = "sms", ["Form.Groups"] = "pregnancy, ",
            ["Form.Kind"] = "once", ["Form.At"] = "2027-01-10T09:00", ["Form.TimeZone"] = "Africa/Nairobi", ["Form.Hour"] = "9",
            ["Form.Text[en]"] = "Vaccination day is Tuesday.", ["Form.Text[fr]"] = "La vaccination a lieu mardi.",
        };

        var built = await admin.PostAsync("/admin/campaigns/new?handler=Build", await Form(admin, "/admin/campaigns/new", fields));
        var html = WebUtility.HtmlDecode(await built.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, built.StatusCode);
        Assert.Contains("\"name\": \"kisumu-vaccination\"", html, StringComparison.Ordinal);
        Assert.Contains("\"timeZone\": \"Africa/Nairobi\"", html, StringComparison.Ordinal);
        // Written in English and French with no language ticked: the audience is the English and French speakers.
        Assert.Contains("data-testid=\"audience\">2<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reach-not-chosen\">1<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", html, StringComparison.Ordinal);

        fields["Form.At"] = "next tuesday";
        fields["Form.TimeZone"] = "Mars/Olympus";
        var bad = WebUtility.HtmlDecode(await (await admin.PostAsync("/admin/campaigns/new?handler=Build", await Form(admin, "/admin/campaigns/new", fields))).Content.ReadAsStringAsync());
        Assert.Contains("schedule.at: 'next tuesday' is not a date and time", bad, StringComparison.Ordinal);
        Assert.Contains("schedule.timeZone: 'Mars/Olympus' is not a known time zone", bad, StringComparison.Ordinal);
        Assert.Empty(Factory.Service<CampaignService>().List());
    }

    [Fact]
    public async Task A_viewer_reads_the_list_campaign_and_report_but_cannot_create_pause_or_test_send()
    {
        await CampaignContacts.SeedAsync(Factory);
        var id = (await Factory.Service<CampaignService>().CreateAsync(CampaignJson.Pregnancy("viewer-sees"))).Id!.Value;
        var viewer = await Factory.SignedInAsync(StaffRoles.Viewer);
        var page = $"/admin/campaigns/{id}";

        Assert.Contains("viewer-sees", await viewer.GetStringAsync("/admin/campaigns"), StringComparison.Ordinal);
        var details = await viewer.GetStringAsync(page);
        Assert.Contains("data-testid=\"audience\">3<", details, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Pause", details, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"targeted\"", await viewer.GetStringAsync($"{page}/report"), StringComparison.Ordinal);

        using var french = new HttpRequestMessage(HttpMethod.Get, "/admin/campaigns") { Headers = { { "Accept-Language", "fr-FR" } } };
        var frenchHtml = WebUtility.HtmlDecode(await (await viewer.SendAsync(french)).Content.ReadAsStringAsync());
        Assert.Contains(">Campagnes</a>", frenchHtml, StringComparison.Ordinal);
        Assert.Contains(">Tâches</a>", frenchHtml, StringComparison.Ordinal);
        Assert.Contains("par rapport à due_date : de -36w à +12w, tous les 1w, à 9 h", frenchHtml, StringComparison.Ordinal);
        Assert.Contains("relative to due_date: -36w to +12w every 1w at 9:00", WebUtility.HtmlDecode(await viewer.GetStringAsync("/admin/campaigns")), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/admin/campaigns/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/admin/campaigns/new?handler=Create",
            await Form(viewer, page, new() { ["Definition"] = CampaignJson.Pregnancy("sneaky") }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"{page}?handler=Pause", await Form(viewer, page, []))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"{page}?handler=TestSend",
            await Form(viewer, page, new() { ["channel"] = "sms", ["to"] = Tester }))).StatusCode);

        Assert.Equal(CampaignState.Active, Factory.Service<CampaignService>().Find("viewer-sees")!.State);
        Assert.Null(Factory.Service<CampaignService>().Find("sneaky"));
        Assert.Equal(0, await Factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'campaign.%'"));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var response = await Factory.Client().GetAsync("/admin/campaigns");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static Task<FormUrlEncodedContent> Form(HttpClient client, string page, Dictionary<string, string> fields) => AdminHttp.FormAsync(client, page, fields);
}

/// <summary>Contacts for the campaign page tests.</summary>
public static class CampaignContacts
{
    /// <summary>Three pregnant contacts with a due date, one in another group: the pregnancy audience is three.</summary>
    public static async Task SeedAsync(HealthBotFactory Factory)
    {
        var csv = "phone,consent,language,time_zone,groups,due_date\n" +
                  "+254700300001,yes,sw,Africa/Nairobi,pregnancy,2027-03-15\n" +
                  "+254700300002,yes,en,Africa/Nairobi,pregnancy,2027-04-15\n" +
                  "+254700300003,yes,fr,Europe/Paris,pregnancy,2027-05-15\n" +
                  "+254700300004,yes,en,Africa/Nairobi,alerts,2027-03-15\n";
        var result = await Factory.Service<ContactImport>().ImportAsync(new StringReader(csv));
        Assert.Equal(4, result.Imported);
    }
}
