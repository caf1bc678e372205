using System.Net;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>Issue #11: admins disable accounts, change roles and set passwords in the workspace, audited and CSRF-protected.</summary>
public sealed class UserManagementTests : IAsyncLifetime
{
    private const string NewPassword = "river stones under the bridge";

    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task An_admin_disables_an_account_its_session_ends_and_it_cannot_sign_in()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin, "boss@ngo.example");
        var target = await factory.SignedInAsync(StaffRoles.Editor, "gone@ngo.example");

        var response = await admin.PostAsync("/admin/users?handler=Disable", await AdminHttp.FormAsync(admin, "/admin/users", new() { ["Email"] = "gone@ngo.example" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("disabled", await admin.GetStringAsync("/admin/users"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await target.GetAsync("/admin/content")).StatusCode);
        Assert.False(await SignsInAsync("gone@ngo.example", AdminHttp.Password));
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor = 'boss@ngo.example' AND action = 'user.disable' AND target = 'gone@ngo.example'"));

        await admin.PostAsync("/admin/users?handler=Enable", await AdminHttp.FormAsync(admin, "/admin/users", new() { ["Email"] = "gone@ngo.example" }));
        Assert.True(await SignsInAsync("gone@ngo.example", AdminHttp.Password));
    }

    [Fact]
    public async Task An_admin_changes_a_role_and_sets_a_new_password_both_audited()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin, "chief@ngo.example");
        await factory.CreateUserAsync("moved@ngo.example", StaffRoles.Editor);

        var role = await admin.PostAsync("/admin/users?handler=Role",
            await AdminHttp.FormAsync(admin, "/admin/users", new() { ["Email"] = "moved@ngo.example", ["Role"] = StaffRoles.Reviewer }));
        var password = await admin.PostAsync("/admin/users?handler=Password",
            await AdminHttp.FormAsync(admin, "/admin/users", new() { ["Email"] = "moved@ngo.example", ["Password"] = NewPassword }));

        Assert.Equal(HttpStatusCode.OK, role.StatusCode);
        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM staff_users WHERE email = 'moved@ngo.example' AND role = 'reviewer'"));
        Assert.False(await SignsInAsync("moved@ngo.example", AdminHttp.Password));
        Assert.True(await SignsInAsync("moved@ngo.example", NewPassword));
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor = 'chief@ngo.example' AND action = 'user.role' AND detail = 'editor -> reviewer'"));
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor = 'chief@ngo.example' AND action = 'user.password' AND target = 'moved@ngo.example'"));
    }

    [Fact]
    public async Task Adding_an_existing_address_says_so_and_keeps_its_password()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        await factory.CreateUserAsync("kept@ngo.example", StaffRoles.Viewer);

        var response = await admin.PostAsync("/admin/users",
            await AdminHttp.FormAsync(admin, "/admin/users", new() { ["Email"] = "KEPT@ngo.example", ["Role"] = "admin", ["Password"] = NewPassword }));

        Assert.Contains("already exists", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await SignsInAsync("kept@ngo.example", AdminHttp.Password));
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM staff_users WHERE email = 'kept@ngo.example' AND role = 'viewer'"));
    }

    [Fact]
    public async Task Account_changes_need_the_csrf_token_and_the_admin_role()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var editor = await factory.SignedInAsync(StaffRoles.Editor, "ed@ngo.example");
        var noToken = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "ed@ngo.example", ["Role"] = StaffRoles.Admin });

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/admin/users?handler=Role", noToken)).StatusCode);
        var self = await editor.PostAsync("/admin/users?handler=Role",
            await AdminHttp.FormAsync(editor, "/admin/content", new() { ["Email"] = "ed@ngo.example", ["Role"] = StaffRoles.Admin }));
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM staff_users WHERE email = 'ed@ngo.example' AND role = 'editor'"));
    }

    private async Task<bool> SignsInAsync(string email, string password)
    {
        var client = factory.Client();
        var response = await client.PostAsync("/admin/login", await AdminHttp.FormAsync(client, "/admin/login", new() { ["Email"] = email, ["Password"] = password }));
        return response.StatusCode == HttpStatusCode.Redirect;
    }
}
