using HealthBot.Admin;
using HealthBot.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Admin;

/// <summary>The audit page on a phone: a long entry (a whole item's text) wraps instead of widening the table.
/// </summary>
public sealed class AuditBrowserTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    // Sideways overflow of the page and of the table's own scroll box, in pixels (0: none).
    private const string Overflow = """
        () => {
          const d = document.documentElement, box = document.querySelector('main .scroll');
          return [d.scrollWidth - d.clientWidth, box.scrollWidth - box.clientWidth];
        }
        """;

    [Fact]
    public async Task A_long_audit_entry_wraps_and_nothing_needs_sideways_scrolling_at_phone_width()
    {
        var actor = $"long-entry-{Guid.NewGuid():N}@ngo.example";
        var line = string.Concat(Enumerable.Repeat("Sleep under a treated net every night, every season. ", 80));
        var detail = "title: Malaria\nsms: {+" + line + "https://example.org/" + new string('x', 300) + "+}\nweb: "
            + line + "\nkeywords: net, mosquito";
        await fixture.Factory.Service<SqlStaffStore>().AuditAsync(actor, "content.draft", "malaria/en v9 (edit 77)",
            detail);
        var admin = await fixture.SignInAsync(StaffRoles.Admin);
        await admin.SetViewportSizeAsync(390, 844);

        await admin.GotoAsync("/admin/audit");
        var entry = admin.Locator("tr", new() { HasText = actor });
        await Expect(entry).ToBeVisibleAsync();
        var folded = await admin.EvaluateAsync<int[]>(Overflow);
        var cells = await entry.Locator("td").EvaluateAllAsync<double[]>("cs => cs.map(c => c.offsetWidth)");
        Assert.True(folded.All(o => o <= 0),
            $"folded: page and table overflow by {string.Join(", ", folded)} px; cells {string.Join(", ", cells)}");

        // Folded, its first line is shown; opened, the whole text is there, wrapped.
        await entry.Locator("summary").ClickAsync();
        await Expect(entry.Locator("pre")).ToContainTextAsync("keywords: net, mosquito");
        await Expect(entry.Locator("pre")).ToBeVisibleAsync();
        var opened = await admin.EvaluateAsync<int[]>(Overflow);

        Assert.True(opened.All(o => o <= 0), $"opened: page and table overflow by {string.Join(", ", opened)} px");
        var width = await entry.Locator("pre").EvaluateAsync<double>("e => e.getBoundingClientRect().right");
        Assert.True(width <= 390, $"the text reaches {width} px");
    }
}
