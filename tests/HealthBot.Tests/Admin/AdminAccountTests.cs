using System.Net;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

public sealed class AdminAccountTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new(settings: new Dictionary<string, string?> { ["Admin:MaxFailedLogins"] = "3" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Sign_in_sets_a_secure_http_only_strict_cookie_and_is_audited()
    {
        await factory.CreateUserAsync("ada@ngo.example", StaffRoles.Viewer);
        var client = factory.Client();
        var form = await AdminHttp.FormAsync(client, "/admin/login", new() { ["Email"] = "ada@ngo.example", ["Password"] = AdminHttp.Password });

        var response = await client.PostAsync("/admin/login", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hb-staff=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/content")).StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor = 'ada@ngo.example' AND action = 'login'"));
        var hash = await factory.CountAsync("SELECT COUNT(*) FROM staff_users WHERE password_hash LIKE 'AQAAAA%' AND password_hash NOT LIKE '%staple%'");
        Assert.Equal(1, hash);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        await factory.CreateUserAsync("bob@ngo.example", StaffRoles.Editor);
        var client = factory.Client();
        for (var i = 0; i < 3; i++)
        {
            var bad = await client.PostAsync("/admin/login", await AdminHttp.FormAsync(client, "/admin/login", new() { ["Email"] = "bob@ngo.example", ["Password"] = "wrong password!" }));
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        }

        var right = await client.PostAsync("/admin/login", await AdminHttp.FormAsync(client, "/admin/login", new() { ["Email"] = "bob@ngo.example", ["Password"] = AdminHttp.Password }));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor = 'bob@ngo.example' AND action = 'login.lockout'"));
    }

    [Fact]
    public async Task A_form_post_without_its_csrf_token_is_rejected()
    {
        var client = await factory.SignedInAsync(StaffRoles.Admin);
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "eve@ngo.example", ["Role"] = "admin", ["Password"] = AdminHttp.Password });

        var response = await client.PostAsync("/admin/users", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM staff_users WHERE email = 'eve@ngo.example'"));
    }

    [Fact]
    public async Task The_login_form_without_a_token_is_rejected_too()
    {
        await factory.CreateUserAsync("cy@ngo.example", StaffRoles.Viewer);
        var response = await factory.Client().PostAsync("/admin/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "cy@ngo.example", ["Password"] = AdminHttp.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
