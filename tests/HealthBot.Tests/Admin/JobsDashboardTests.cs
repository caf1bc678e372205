using System.Net;
using Hangfire;
using HealthBot.Admin;
using HealthBot.Campaigns;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>The Hangfire dashboard behind staff sign-in: every role reads, only admins retry or delete.</summary>
public sealed class JobsDashboardTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Signed_out_browsers_are_sent_to_sign_in_and_come_back()
    {
        var response = await factory.Client().GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/admin/login", location, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fjobs", location, StringComparison.Ordinal);
        using var token = factory.Client();
        token.DefaultRequestHeaders.Authorization = new("Bearer", "wrong");
        Assert.Equal(HttpStatusCode.Redirect, (await token.GetAsync("/admin/jobs")).StatusCode);
    }

    [Fact]
    public async Task A_viewer_sees_the_dashboard_but_cannot_delete_a_job_and_an_admin_can()
    {
        // No job server runs in tests, so an enqueued job stays where the dashboard can act on it.
        var job = factory.Service<IBackgroundJobClient>().Enqueue<CampaignJobs>(j => j.Tick());
        var viewer = await factory.SignedInAsync(StaffRoles.Viewer);

        var dashboard = await viewer.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("HealthBot jobs", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/admin/jobs/jobs/enqueued")).StatusCode);

        var refused = await viewer.PostAsync("/admin/jobs/jobs/enqueued/delete", await AdminHttp.FormAsync(viewer, "/admin/campaigns", new() { ["jobs[]"] = job }));
        Assert.False(refused.IsSuccessStatusCode, $"a viewer deleted a job: {refused.StatusCode}");
        Assert.Equal("Enqueued", State(job));

        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var deleted = await admin.PostAsync("/admin/jobs/jobs/enqueued/delete", await AdminHttp.FormAsync(admin, "/admin/campaigns", new() { ["jobs[]"] = job }));
        Assert.True(deleted.IsSuccessStatusCode, $"the admin could not delete: {deleted.StatusCode}");
        Assert.Equal("Deleted", State(job));
    }

    private string? State(string job)
    {
        using var connection = factory.Service<JobStorage>().GetConnection();
        return connection.GetStateData(job)?.Name;
    }
}
