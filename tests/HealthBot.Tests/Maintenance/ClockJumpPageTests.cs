using System.Net;
using System.Text.Json;
using HealthBot.Admin;
using HealthBot.Maintenance;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HealthBot.Tests.Maintenance;

/// <summary>
/// Staff hear about a clock jump on every workspace page and in <c>/readyz</c>, and an admin releases the held
/// campaign messages from the Clock page after checking the time; the confirmation is in the audit log.
/// </summary>
public sealed class ClockJumpPageTests : IAsyncLifetime
{
    private readonly WallClock clock = new(DateTimeOffset.UtcNow);
    private readonly HealthBotFactory factory;

    public ClockJumpPageTests() =>
        factory = new HealthBotFactory(services: s => s.AddSingleton<TimeProvider>(clock));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_jump_of_three_days_is_on_every_page_and_in_readyz_until_an_admin_confirms_the_time()
    {
        Assert.True((await ReadyClockAsync()).GetProperty("ok").GetBoolean());

        clock.Jump(TimeSpan.FromDays(3));
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        var page = await editor.GetStringAsync("/admin/content");

        Assert.Contains("data-testid=\"box-clock\"", page, StringComparison.Ordinal);
        Assert.Contains("Campaign messages are held: the clock jumped.", page, StringComparison.Ordinal);
        Assert.Contains("jumped 3 days forward", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/clock\"", page, StringComparison.Ordinal);
        Assert.Contains("Only an admin can confirm the time.", await editor.GetStringAsync("/admin/clock"),
            StringComparison.Ordinal);
        var ready = await ReadyClockAsync();
        Assert.False(ready.GetProperty("ok").GetBoolean());
        Assert.Equal("held", ready.GetProperty("campaigns").GetString());
        await WaitUntilStoredAsync(); // the hold outlives a restart and healthbot doctor sees it

        var admin = await factory.SignedInAsync(StaffRoles.Admin, "site-admin@ngo.example");
        var confirm = await admin.PostAsync("/admin/clock", await ConfirmFormAsync(admin));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);

        Assert.Contains("data-testid=\"clock-confirmed\"", await admin.GetStringAsync("/admin/clock?confirmed=true"),
            StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"box-clock\"", await editor.GetStringAsync("/admin/content"),
            StringComparison.Ordinal);
        Assert.True((await ReadyClockAsync()).GetProperty("ok").GetBoolean());
        Assert.Empty(factory.Service<SqlClockEvents>().Read()!.OpenJumps);
        var audit = await admin.GetStringAsync("/admin/audit");
        Assert.Contains("clock.confirm", audit, StringComparison.Ordinal);
        Assert.Contains("site-admin@ngo.example", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmation_of_a_time_the_clock_no_longer_says_is_refused_with_a_reason_to_reload()
    {
        await ReadyClockAsync();
        clock.Jump(TimeSpan.FromDays(3));
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var form = await ConfirmFormAsync(admin); // the admin saw the time three days ahead...
        clock.Jump(TimeSpan.FromDays(-3)); // ...and someone set it back before the button was pressed

        var refused = await admin.PostAsync("/admin/clock", form);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("reload it and check the time again", await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        Assert.False((await ReadyClockAsync()).GetProperty("ok").GetBoolean());

        var confirm = await admin.PostAsync("/admin/clock", await ConfirmFormAsync(admin));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.True((await ReadyClockAsync()).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Only_an_admin_may_confirm()
    {
        await ReadyClockAsync();
        clock.Jump(TimeSpan.FromDays(-3));
        var responder = await factory.SignedInAsync(StaffRoles.Responder);

        var response = await responder.PostAsync(
            "/admin/clock", await AdminHttp.FormAsync(responder, "/admin/content", []));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False((await ReadyClockAsync()).GetProperty("ok").GetBoolean());
    }

    /// <summary>The Clock page's form as the admin's browser posts it: with the time the page showed.</summary>
    private static async Task<FormUrlEncodedContent> ConfirmFormAsync(HttpClient admin)
    {
        var shown = System.Text.RegularExpressions.Regex.Match(
            await admin.GetStringAsync("/admin/clock"), "name=\"Shown\" value=\"([0-9]+)\"").Groups[1].Value;
        return await AdminHttp.FormAsync(admin, "/admin/clock", new() { ["Shown"] = shown });
    }

    private async Task<JsonElement> ReadyClockAsync()
    {
        var json = await factory.CreateClient().GetStringAsync("/readyz");
        return JsonDocument.Parse(json).RootElement.GetProperty("clock").Clone();
    }

    private async Task WaitUntilStoredAsync()
    {
        for (var i = 0; i < 100 && factory.Service<SqlClockEvents>().Read()?.OpenJumps.Count != 1; i++)
        {
            await Task.Delay(50);
        }

        Assert.Single(factory.Service<SqlClockEvents>().Read()!.OpenJumps);
    }
}
