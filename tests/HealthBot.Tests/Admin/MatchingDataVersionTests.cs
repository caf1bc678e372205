using System.Net;
using HealthBot.Admin;
using HealthBot.Content;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Keywords and examples are matching data, not facts (content/README.md: "Add 1 every time the facts change"):
/// publishing only those keeps the English version, so its translations do not turn stale.
/// </summary>
public sealed class MatchingDataVersionTests : IAsyncLifetime
{
    private HealthBotFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_keyword_only_publish_keeps_the_version_and_the_translations_current()
    {
        var before = Item("en");
        await PublishAsync(before.Web, [.. before.Keywords, "zibbowash"]);

        var after = Item("en");
        Assert.Equal(before.Version, after.Version);
        Assert.Contains("zibbowash", after.Keywords); // the new keyword is served
        Assert.NotEqual("stale", ContentGrid.StateOf(Item("fr"), after, null));
    }

    [Fact]
    public async Task A_web_text_publish_raises_the_version_and_the_translations_turn_stale()
    {
        var before = Item("en");
        await PublishAsync(before.Web + "\n\nDry them on a clean cloth.", before.Keywords);

        var after = Item("en");
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal("stale", ContentGrid.StateOf(Item("fr"), after, null));
    }

    private ContentItem Item(string language) =>
        factory.Service<ContentCatalog>().Current.Find("handwashing", language)!;

    private async Task PublishAsync(string web, IEnumerable<string> keywords)
    {
        var item = Item("en");
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        var form = await AdminHttp.FormAsync(editor, "/admin/content/handwashing/en", new()
        {
            ["Title"] = item.Title,
            ["Sms"] = item.Sms,
            ["Web"] = web,
            ["Keywords"] = string.Join("\n", keywords),
            ["Examples"] = string.Join("\n", item.Examples),
        });
        Assert.Equal(HttpStatusCode.Redirect,
            (await editor.PostAsync("/admin/content/handwashing/en?handler=Submit", form)).StatusCode);
        var editId = await factory.CountAsync("SELECT MAX(id) FROM content_edits WHERE state = 'review'");
        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostAsync(
            $"/admin/review/{editId}?handler=Publish", await AdminHttp.ReviewFormAsync(reviewer, editId))).StatusCode);
    }
}
