using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HealthBot.Channels.Twilio;
using Hangfire.Storage;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Campaigns;

/// <summary>The staff workspace's campaign API and the job dashboard, run by Hangfire on its SQLite storage.</summary>
public sealed class CampaignApiTests() : TwilioPeerTests(new Dictionary<string, string?>
    {
        ["Campaigns:AdminToken"] = Admin,
        ["Campaigns:StaffToken"] = Staff,
        ["Campaigns:RunJobs"] = "true",
        ["Campaigns:QuietHoursEnd"] = "00:00:00",
        ["Campaigns:QuietHoursStart"] = "23:59:59",
    })
{
    private const string Admin = "admin-token-for-tests";
    private const string Staff = "staff-token-for-tests";

    [Fact]
    public async Task Staff_import_contacts_preview_the_audience_and_hangfire_plans_a_campaign_that_reaches_everyone_once()
    {
        var admin = Client(Admin);
        var csv = "phone,consent,language,time_zone,district,due_date\n" +
                  "+254700200001,yes,sw,Africa/Nairobi,Kisumu,2027-03-15\n" +
                  "+254700200002,,en,Africa/Nairobi,Kisumu,2027-03-15\n" +
                  "+254700200003,yes,fr,Europe/Paris,Kisumu,15/04/2027\n" +
                  "0700200004,yes,en,Africa/Nairobi,Kisumu,2027-03-15\n" +
                  "+254700200005,yes,pt,Africa/Maputo,Mombasa,2027-03-15\n";
        var import = await admin.PostAsync("/api/contacts/import?group=alerts", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var imported = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, imported.GetProperty("imported").GetInt32());
        Assert.Equal(["line 3: no consent (the consent column must say yes)", "line 5: phone must be in international format, e.g. +254712345678"],
            imported.GetProperty("rejected").EnumerateArray().Select(e => e.GetString()!).ToArray());

        var definition = CampaignJson.Once("kisumu-alert", DateTime.UtcNow.AddMinutes(-1), "UTC", group: "alerts")
            .Replace("\"groups\": [\"alerts\"]", "\"groups\": [\"alerts\"], \"fields\": { \"district\": \"Kisumu\" }", StringComparison.Ordinal);
        var preview = await Client(Staff).PostAsync("/api/campaigns/preview", new StringContent(definition));
        Assert.Equal(2, (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("audience").GetInt32());

        var created = await admin.PostAsync("/api/campaigns", new StringContent(definition));
        Assert.True(HttpStatusCode.Created == created.StatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var sent = await Eventually.WaitForAsync(() => Peer.Received.ToList(), r => r.Count >= 2, "Hangfire to plan and the outbox to send", 30000);
        Assert.Equal(["+254700200001", "+254700200003"], sent.Select(m => m.To).Order().ToArray());
        Assert.Contains(sent, m => m.Body == "Vaccination day is Tuesday at the clinic. (sw)");
        var report = await Eventually.WaitAsync(() => admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/report"), r => r.GetProperty("sent").GetInt32() == 2, "the report");
        Assert.Equal(2, report.GetProperty("targeted").GetInt32());
        await Task.Delay(500);
        Assert.Equal(2, Peer.Received.Count);
    }

    [Fact]
    public async Task A_campaign_due_at_the_next_minute_goes_out_within_a_minute_and_no_job_runs_every_minute()
    {
        var admin = Client(Admin);
        var csv = "phone,consent,language\n+254700200009,yes,en\n";
        var import = await admin.PostAsync(
            "/api/contacts/import?group=soon", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(import.IsSuccessStatusCode);
        var now = DateTime.UtcNow;
        var at = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc)
            .AddMinutes(now.Second > 50 ? 2 : 1);
        var created = await admin.PostAsync(
            "/api/campaigns", new StringContent(CampaignJson.Once("soon", at, "UTC", group: "soon")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Planned by the in-process minutely look (CampaignTicker), not at creation: the time had not come yet.
        await Eventually.WaitForAsync(
            () => Peer.Received.ToList(), r => r.Count >= 1, "the campaign's message", 150000);
        var late = DateTime.UtcNow - at;
        Assert.True(late < TimeSpan.FromMinutes(1), $"sent {late.TotalSeconds:0} s after its time");
        using var jobs = Factory.Service<Hangfire.JobStorage>().GetConnection();
        Assert.DoesNotContain(jobs.GetRecurringJobs(), j => j.Id == HealthBot.Campaigns.CampaignJobs.TickJobId);
    }

    [Fact]
    public async Task A_campaign_over_the_sms_budget_is_refused_with_the_reason()
    {
        var longText = string.Concat(Enumerable.Repeat("Wash your hands with soap. ", 20));
        var response = await Client(Admin).PostAsync("/api/campaigns", new StringContent(CampaignJson.Once("long", DateTime.UtcNow, "UTC", text: longText)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("messages[].text.en: encoding=GSM-7 segments=4 units=540 is over the SMS budget of 2 segments", problems);
    }

    [Fact]
    public async Task Without_a_token_the_api_refuses_staff_may_only_read_and_the_dashboard_wants_a_sign_in()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client(null).GetAsync("/api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client(Staff).GetAsync("/api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client(Staff).PostAsync("/api/campaigns", new StringContent("{}"))).StatusCode);
        // The dashboard is for signed-in staff only (see StaffTokenAccessTests): a token holder lands on the sign-in page.
        var dashboard = await Client(Admin).GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("/admin/login", dashboard.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private HttpClient Client(string? token)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
