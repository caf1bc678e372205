using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>Issue #11: lockout that holds under parallel guessing, and refusals that do not tell which accounts exist.</summary>
public sealed partial class StaffSignInTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new(settings: new Dictionary<string, string?> { ["Admin:MaxFailedLogins"] = "5" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Forty_parallel_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused()
    {
        await factory.CreateUserAsync("dana@ngo.example", StaffRoles.Admin);
        // Each guesser has its own session and antiforgery token, as a scripted attacker would.
        var guessers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var client = factory.Client();
            return (client, await AdminHttp.FormAsync(client, "/admin/login", new() { ["Email"] = "dana@ngo.example", ["Password"] = $"wrong guess number {i}" }));
        }));

        var answers = await Task.WhenAll(guessers.Select(g => g.client.PostAsync("/admin/login", g.Item2)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        var client = factory.Client();
        var right = await client.PostAsync("/admin/login", await AdminHttp.FormAsync(client, "/admin/login", new() { ["Email"] = "dana@ngo.example", ["Password"] = AdminHttp.Password }));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("hb-staff=", StringComparison.Ordinal)));
        // At most MaxFailedLogins guesses were checked against the hash; the rest were refused as locked.
        Assert.True(await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor = 'dana@ngo.example' AND action IN ('login.failed', 'login.lockout')") <= 5);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_as_a_locked_account()
    {
        await factory.CreateUserAsync("eli@ngo.example", StaffRoles.Editor);
        for (var i = 0; i < 6; i++)
        {
            await SignInAsync("eli@ngo.example", "not the password");
        }

        var locked = await SignInAsync("eli@ngo.example", AdminHttp.Password);
        var unknown = await SignInAsync("nobody@ngo.example", "not the password");
        var wrong = await SignInAsync("eli@ngo.example", "not the password");

        Assert.Equal(Alert(unknown), Alert(locked));
        Assert.Equal(Alert(unknown), Alert(wrong));
        Assert.Contains("locked", Alert(locked), StringComparison.Ordinal);
        // Unknown addresses are counted too (for equal work), by a hash: the typed address is not stored there.
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM login_failures WHERE failed_logins = 1 AND email_hash NOT LIKE '%@%'"));
    }

    private async Task<string> SignInAsync(string email, string password)
    {
        var client = factory.Client();
        var response = await client.PostAsync("/admin/login", await AdminHttp.FormAsync(client, "/admin/login", new() { ["Email"] = email, ["Password"] = password }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Alert(string html) => AlertPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : "(no alert)";

    [GeneratedRegex("<p class=\"error\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex AlertPattern();
}
