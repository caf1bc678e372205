using System.Net;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Screens that tell the truth (#15) over HTTP: the insights page's charts, titles, unanswered questions and model
/// state; the time zone setting; the language switch; and who may see a full number.
/// </summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class StaffScreensHttpTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new(settings: new Dictionary<string, string?>
    {
        ["Admin:TimeZone"] = "Asia/Kolkata",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Insights_bars_carry_values_and_axes_topics_have_titles_a_digit_is_no_question_the_model_is_off()
    {
        await SmsAsync("+254733000011", "how can i prevent malaria");
        await SmsAsync("+254733000012", "3");
        await SmsAsync("+254733000013", "?");
        await SmsAsync("+254733000014", "who won the football match");
        await Eventually.WaitAsync(
            () => factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in' AND status = 'received'"),
            n => n == 0,
            "answers");
        Assert.Equal(3, await factory.CountAsync(
            "SELECT COUNT(*) FROM messages WHERE direction = 'out' AND kind IN ('not_understood', 'out_of_scope')"));

        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        var html = WebUtility.HtmlDecode(await editor.GetStringAsync("/admin/insights"));

        // Each day's bar says its total (4 messages today) and the value axis is labelled from 0 to the top.
        Assert.Contains("data-value=\"4\">4</text>", html, StringComparison.Ordinal);
        Assert.Contains("text-anchor=\"end\">0</text>", html, StringComparison.Ordinal);
        Assert.Contains("Preventing malaria <small>(malaria-prevention)</small>: 1", html, StringComparison.Ordinal);
        Assert.Contains("who won the football match (1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<li>3 (1)</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<li>? (1)</li>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"model-off\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Model versus fallback\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"per-channel\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"per-language\"", html, StringComparison.Ordinal);
        Assert.Contains("Days in Asia/Kolkata", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_time_zone_stops_the_service_from_starting_with_the_setting_named()
    {
        var run = await CliRun.ServeAsync(new Dictionary<string, string?> { ["Admin__TimeZone"] = "Mars/Olympus" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            "healthbot: invalid settings: Admin:TimeZone 'Mars/Olympus' is not a known time zone", run.Stderr,
            StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://localhost/admin/inbox?Flag=urgent", "/admin/inbox?Flag=urgent")]
    [InlineData("https://localhost/admin/content/anaemia/fr", "/admin/content/anaemia/fr")]
    [InlineData("https://elsewhere.example/admin/inbox", "/admin")]
    [InlineData(null, "/admin")]
    public async Task Switching_language_stays_on_the_page_it_was_switched_on(string? referer, string expected)
    {
        var client = factory.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/language/fr");
        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_responder_cannot_open_a_full_number_and_nothing_is_audited()
    {
        await SmsAsync("+254733000021", "how can i prevent malaria");
        await Eventually.WaitAsync(
            () => factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in' AND status = 'received'"),
            n => n == 0,
            "the answer");
        var contact = await factory.Service<IContactStore>().FindAsync("sms", "+254733000021");
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var page = $"/admin/inbox/{contact!.Id}";

        var html = WebUtility.HtmlDecode(await responder.GetStringAsync(page));
        var form = await AdminHttp.FormAsync(responder, page, []);
        var reveal = await responder.PostAsync(page + "?handler=Reveal", form);

        Assert.Contains("+2547•••••021", html, StringComparison.Ordinal);
        Assert.DoesNotContain("733000021", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, reveal.StatusCode);
        Assert.Equal(0, await factory.CountAsync(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'inbox.reveal_number'"));
    }

    private Task SmsAsync(string from, string text) =>
        factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, text));
}
