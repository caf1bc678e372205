using System.Net;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Workspace errors come in the workspace's layout and say what to do; other paths keep their own answers.
/// </summary>
public sealed class ErrorPagesTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    [Fact]
    public async Task Not_found_and_forbidden_pages_keep_their_status_and_say_what_to_do()
    {
        await using var factory = new HealthBotFactory();
        var viewer = await factory.SignedInAsync(StaffRoles.Viewer);

        var missing = await viewer.GetAsync("/admin/campaigns/99999");
        var forbidden = await viewer.GetAsync("/admin/users");
        var expired = await viewer.PostAsync("/admin/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await AssertWorkspacePageAsync(missing, "This page does not exist", "start again from the dashboard");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await AssertWorkspacePageAsync(forbidden, "Your role does not allow this.", "Ask an admin for a role");
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        await AssertWorkspacePageAsync(expired, "The form was not accepted", "reload the page and send the form again");
        // Outside the workspace nothing changes: a webhook client gets no workspace page.
        var webhook = await factory.Client().GetAsync("/webhooks/no-such-hook");
        Assert.Equal(HttpStatusCode.NotFound, webhook.StatusCode);
        Assert.DoesNotContain("Staff workspace", await webhook.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_shows_the_workspace_page_with_status_500_in_the_reader_s_language()
    {
        await using var broken = new HealthBotFactory(services: s => s.AddSingleton<IAlertStore, BrokenAlerts>());
        var admin = await broken.SignedInAsync(StaffRoles.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var response = await admin.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var heading = UiText.Get("fr", "Something went wrong on the server");
        Assert.NotEqual("Something went wrong on the server", heading);
        Assert.True(html.Contains(heading, StringComparison.Ordinal), html);
        Assert.Contains("href=\"/admin/inbox\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("the alert store is down", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_sent_after_its_token_expired_shows_what_to_do_in_the_browser()
    {
        var page = await fixture.SignInAsync(StaffRoles.Admin);
        await page.GotoAsync("/admin/users");
        await page.Context.ClearCookiesAsync(new() { Name = "hb-csrf" });

        await page.Locator("#email").FillAsync("late@ngo.example");
        await page.Locator("#password").FillAsync(AdminHttp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        await Expect(page.GetByTestId("error-heading")).ToHaveTextAsync("The form was not accepted");
        await Expect(page.GetByTestId("error-advice")).ToContainTextAsync("Nothing was saved");
        await Expect(page.Locator("header nav")).ToContainTextAsync("Content");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the dashboard" }).ClickAsync();
        await Expect(page.GetByTestId("dashboard")).ToBeVisibleAsync();
        Assert.Equal(0, await fixture.Factory.CountAsync(
            "SELECT COUNT(*) FROM staff_users WHERE email = 'late@ngo.example'"));
    }

    private static async Task AssertWorkspacePageAsync(HttpResponseMessage response, string heading, string advice)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("/admin/assets/admin.css", html, StringComparison.Ordinal);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(advice, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin\"", html, StringComparison.Ordinal);
    }

    private sealed class BrokenAlerts : IAlertStore
    {
        public Task<IReadOnlyList<Alert>> OpenAsync(int limit, CancellationToken ct = default) =>
            throw new InvalidOperationException("the alert store is down");
    }
}
