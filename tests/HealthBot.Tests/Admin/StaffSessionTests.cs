using System.Net;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HealthBot.Tests.Admin;

/// <summary>Issue #11: a session ends when its account changes or signs out, not when its cookie expires.</summary>
public sealed class StaffSessionTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_demoted_admins_old_cookie_can_no_longer_create_a_user()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin, "demoted@ngo.example");
        var form = await AdminHttp.FormAsync(admin, "/admin/users", new() { ["Email"] = "new@ngo.example", ["Role"] = "admin", ["Password"] = AdminHttp.Password });

        await factory.Service<StaffAccounts>().SetRoleAsync("demoted@ngo.example", StaffRoles.Viewer, "test");
        var response = await admin.PostAsync("/admin/users", form);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM staff_users WHERE email = 'new@ngo.example'"));
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_sent_to_sign_in()
    {
        await factory.CreateUserAsync("leaving@ngo.example", StaffRoles.Editor);
        var client = factory.Client();
        var signIn = await client.PostAsync("/admin/login",
            await AdminHttp.FormAsync(client, "/admin/login", new() { ["Email"] = "leaving@ngo.example", ["Password"] = AdminHttp.Password }));
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hb-staff=", StringComparison.Ordinal)).Split(';')[0];

        var signOut = await client.PostAsync("/admin/logout", await AdminHttp.FormAsync(client, "/admin", []));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var replay = Replaying(cookie);
        var response = await replay.GetAsync("/admin/content");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_from_before_a_password_change_is_refused()
    {
        var client = await factory.SignedInAsync(StaffRoles.Editor, "changed@ngo.example");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/content")).StatusCode);

        await factory.Service<StaffAccounts>().SetPasswordAsync("changed@ngo.example", "a new passphrase for the clinic", "test");
        var response = await client.GetAsync("/admin/content");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A client without a cookie jar that sends the captured session cookie, as an attacker who copied it would.</summary>
    private HttpClient Replaying(string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
