using System.Globalization;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Admin;

/// <summary>
/// The inbox a nurse on call needs (#15), in Chromium: who the conversation is with, who wrote what, the reply's SMS
/// cost while typing, alerts that are noticed and acknowledged, and the audited full number and CSV exports.
/// </summary>
public sealed class InboxBrowserTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    private const string Person = "+254712345123";

    [Fact]
    public async Task A_responder_sees_who_wrote_what_takes_over_acknowledges_the_alert_and_exports_the_conversation()
    {
        var contact = await EmergencyAsync(Person);
        var responder = await fixture.SignInAsync(StaffRoles.Responder, "nurse-joy@ngo.example");
        await responder.GotoAsync("/admin/inbox");
        var alert = responder.GetByTestId("alert").Filter(new() { HasText = $"#{contact}" });
        await Expect(responder).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"^\(\d+\) Inbox"));

        // Times are Nairobi's, not UTC.
        DateTimeOffset raised;
        using (var connection = fixture.Factory.Service<Database>().Open())
        {
            var sql = $"SELECT created_at FROM alerts WHERE contact_id = {contact}";
            raised = DbExtensions.ToTime(connection.Command(sql).ExecuteScalar())!.Value;
        }

        var nairobi = raised.ToOffset(TimeSpan.FromHours(3));
        await Expect(alert).ToContainTextAsync(nairobi.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

        await alert.GetByLabel("Acknowledge with a note").FillAsync("Called her: she is on her way to the clinic.");
        await alert.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(alert.GetByTestId("ack")).ToContainTextAsync("nurse-joy@ngo.example");
        await Expect(alert.GetByTestId("ack")).ToContainTextAsync("on her way to the clinic");
        Assert.Equal(1, await fixture.Factory.CountAsync(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'inbox.acknowledge_alert' AND detail NOT LIKE '%clinic%'"));

        await alert.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(responder.GetByTestId("contact-language")).ToHaveTextAsync("English");
        await Expect(responder.GetByTestId("contact-channel")).ToHaveTextAsync("SMS");
        await Expect(responder.GetByTestId("contact-provider")).ToHaveTextAsync("Twilio");
        await Expect(responder.GetByTestId("contact-number")).ToHaveTextAsync("+2547•••••123");
        await Expect(responder.GetByRole(AriaRole.Button, new() { Name = "Show full number" })).ToHaveCountAsync(0);
        await Expect(responder.Locator("main")).Not.ToContainTextAsync("712345");

        // The person's messages, the bot's answers and the urgent referral each look different.
        await Expect(responder.Locator("li[data-from=person]")).ToHaveCountAsync(2);
        await Expect(responder.Locator("li[data-from=urgent]").First).ToBeVisibleAsync();
        await Expect(responder.Locator("li[data-from=bot]").First).ToBeVisibleAsync();

        await responder.GetByRole(AriaRole.Button, new() { Name = "Take over" }).ClickAsync();
        await Expect(responder.GetByTestId("holder")).ToHaveTextAsync("nurse-joy@ngo.example");
        await Expect(responder.GetByRole(AriaRole.Button, new() { Name = "Take over" })).ToHaveCountAsync(0);

        // The reply box counts segments and cost while typing.
        var reply = responder.GetByLabel("Reply (in English)");
        var preview = responder.Locator("#reply-preview");
        await reply.FillAsync(new string('a', 200));
        await Expect(preview.GetByTestId("segments")).ToHaveTextAsync("2");
        await Expect(preview.GetByTestId("cost")).ToHaveTextAsync("0.0158 USD");
        await reply.FillAsync("A nurse here ✓ stay with someone and go to the clinic now.");
        await Expect(preview.GetByTestId("encoding")).ToHaveTextAsync("UCS-2");
        await responder.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(responder.Locator("li[data-from=staff]")).ToContainTextAsync("A nurse here");

        // Styles are read once the stylesheet has loaded (elements exist before it does).
        await responder.WaitForLoadStateAsync(LoadState.Load);
        var looks = await responder.EvaluateAsync<string[]>(
            "['person','bot','urgent','staff']" +
            ".map(f => getComputedStyle(document.querySelector(`li[data-from=${f}]`)).backgroundColor)");
        Assert.Equal(4, looks.Distinct().Count());
        await Screenshots.TakeAsync(responder, "inbox-conversation");

        var download = await responder.RunAndWaitForDownloadAsync(() =>
            responder.GetByRole(AriaRole.Button, new() { Name = "Export this conversation" }).ClickAsync());
        var csv = await CsvAsync(download);
        Assert.StartsWith("contact,time (Africa/Nairobi),from,kind", csv, StringComparison.Ordinal);
        // The provider column: Twilio once the outbox sent the reply, empty while it is still queued.
        Assert.Matches(",staff,human,sms,(twilio)?,en,", csv);
        Assert.Contains("A nurse here", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("712345", csv, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.Factory.CountAsync(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'inbox.export_conversation' " +
            $"AND target = 'contact #{contact}'"));
    }

    [Fact]
    public async Task Only_a_role_allowed_to_sees_the_full_number_and_each_look_is_audited()
    {
        var contact = await EmergencyAsync("+254712000777");
        var admin = await fixture.SignInAsync(StaffRoles.Admin, "ada@ngo.example");
        await admin.GotoAsync($"/admin/inbox/{contact}");
        await Expect(admin.GetByTestId("contact-number")).ToHaveTextAsync("+2547•••••777");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Show full number" }).ClickAsync();
        await Expect(admin.GetByTestId("contact-number")).ToHaveTextAsync("+254712000777");
        Assert.Equal(1, await fixture.Factory.CountAsync(
            $"SELECT COUNT(*) FROM audit_log WHERE actor = 'ada@ngo.example' AND action = 'inbox.reveal_number' " +
            $"AND target = 'contact #{contact}' AND COALESCE(detail, '') NOT LIKE '%712000777%'"));
    }

    [Fact]
    public async Task The_inbox_refreshes_itself_counts_alerts_in_the_title_searches_and_exports_the_flagged_list()
    {
        var first = await EmergencyAsync("+254712000101");
        var responder = await fixture.SignInAsync(StaffRoles.Responder);
        await responder.GotoAsync("/admin/inbox");
        await Expect(responder.GetByTestId("alert").Filter(new() { HasText = $"#{first}" })).ToBeVisibleAsync();
        var shown = await responder.GetByTestId("open-alerts").InnerTextAsync();
        var before = int.Parse(shown, CultureInfo.InvariantCulture);

        // A new emergency shows without a reload, and the tab title counts it.
        var second = await EmergencyAsync("+254712000102");
        await Expect(responder.GetByTestId("alert").Filter(new() { HasText = $"#{second}" })).ToBeVisibleAsync();
        await Expect(responder).ToHaveTitleAsync($"({before + 1}) Inbox · HealthBot");
        await Screenshots.TakeAsync(responder, "inbox");

        // Search: by flag, topic, channel and date.
        await responder.GetByLabel("Flag").SelectOptionAsync("urgent");
        await responder.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(responder.GetByTestId("hit").Filter(new() { HasText = $"#{second}" })).ToBeVisibleAsync();
        await responder.GetByLabel("Channel").SelectOptionAsync("whatsapp");
        await responder.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(responder.GetByTestId("search-count")).ToHaveTextAsync("0 conversations found");
        await responder.GotoAsync("/admin/inbox?Topic=malaria-prevention&Channel=sms");
        await Expect(responder.GetByTestId("hit").Filter(new() { HasText = $"#{first}" })).ToBeVisibleAsync();
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await responder.GotoAsync($"/admin/inbox?Topic=malaria-prevention&From={tomorrow}");
        await Expect(responder.GetByTestId("search-count")).ToHaveTextAsync("0 conversations found");
        var bad = await responder.GotoAsync("/admin/inbox?From=31/03/2026");
        Assert.Equal(400, bad!.Status);
        await Expect(responder.GetByTestId("search-problem")).ToContainTextAsync("a date like 2026-03-31");

        var download = await responder.RunAndWaitForDownloadAsync(() =>
            responder.GetByRole(AriaRole.Button, new() { Name = "Export the flagged list" }).ClickAsync());
        var csv = await CsvAsync(download);
        Assert.StartsWith("contact,time (Africa/Nairobi),reasons", csv, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.Factory.CountAsync(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'inbox.export_flagged'"));
    }

    /// <summary>
    /// A question about malaria, then an emergency: the contact has an answer, an urgent referral and an alert.
    /// </summary>
    private async Task<long> EmergencyAsync(string number)
    {
        await fixture.SendSmsAsync(number, "how can i prevent malaria");
        await Eventually.WaitForAsync(() => Sent(number), r => r.Count >= 1, "the answer");
        await fixture.SendSmsAsync(number, "im 8 months pregnant and bleeding a lot");
        await Eventually.WaitForAsync(() => Sent(number), r => r.Count >= 2, "the urgent referral");
        var contact = await fixture.Factory.Service<IContactStore>().FindAsync("sms", number);
        await Eventually.WaitAsync(
            () => fixture.Factory.CountAsync($"SELECT COUNT(*) FROM alerts WHERE contact_id = {contact!.Id}"),
            n => n == 1,
            "the alert");
        return contact!.Id;
    }

    /// <summary>
    /// The downloaded CSV's text, after checking it starts with the UTF-8 byte order mark spreadsheets need.
    /// </summary>
    private static async Task<string> CsvAsync(IDownload download)
    {
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return System.Text.Encoding.UTF8.GetString(bytes[3..]);
    }

    private List<HealthBot.Channels.Twilio.PeerMessage> Sent(string number) =>
        fixture.Peer.Received.Where(m => m.To == number).ToList();
}
