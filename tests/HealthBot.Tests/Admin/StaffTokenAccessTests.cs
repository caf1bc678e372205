using System.Net;
using System.Net.Http.Headers;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Issue #11: the campaign API takes its token in the Authorization header only (never the query string, which ends up
/// in proxy logs and browser history), and the job dashboard is for signed-in staff only.
/// </summary>
public sealed class StaffTokenAccessTests : IAsyncLifetime
{
    private const string AdminToken = "admin-token-for-access-tests";
    private const string StaffToken = "staff-token-for-access-tests";

    private readonly HealthBotFactory factory = new(settings: new Dictionary<string, string?>
    {
        ["Campaigns:AdminToken"] = AdminToken,
        ["Campaigns:StaffToken"] = StaffToken,
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task The_api_accepts_the_token_in_the_header_and_refuses_it_in_the_query_string()
    {
        var query = await factory.Client().GetAsync($"/api/campaigns?token={AdminToken}");
        Assert.Equal(HttpStatusCode.Unauthorized, query.StatusCode);
        Assert.False(query.Headers.Contains("Set-Cookie"));

        Assert.Equal(HttpStatusCode.OK, (await Bearer(StaffToken).GetAsync("/api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Bearer(StaffToken).PostAsync("/api/campaigns/plan-now", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(AdminToken).PostAsync("/api/campaigns/plan-now", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer("wrong").GetAsync("/api/campaigns")).StatusCode);
        var cookie = factory.Client();
        cookie.DefaultRequestHeaders.Add("Cookie", $"healthbot_staff={AdminToken}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/campaigns")).StatusCode);
    }

    [Theory]
    [InlineData("query")]
    [InlineData("header")]
    [InlineData("cookie")]
    public async Task The_dashboard_sends_a_token_holder_to_sign_in(string where)
    {
        var client = factory.Client();
        var path = "/admin/jobs";
        switch (where)
        {
            case "query": path += $"?token={AdminToken}"; break;
            case "header": client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken); break;
            default: client.DefaultRequestHeaders.Add("Cookie", $"healthbot_staff={AdminToken}"); break;
        }

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.Contains(AdminToken, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_dashboard_opens_for_signed_in_staff()
    {
        var viewer = await factory.SignedInAsync(StaffRoles.Viewer);

        var response = await viewer.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HealthBot jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Bearer(string token)
    {
        var client = factory.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
