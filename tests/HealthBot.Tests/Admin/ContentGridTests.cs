using HealthBot.Admin;
using HealthBot.Content;
using HealthBot.Data;

namespace HealthBot.Tests.Admin;

public sealed class ContentGridTests
{
    [Fact]
    public void Each_cell_shows_missing_draft_review_published_or_stale()
    {
        var en = Item("malaria", "en", 3, null);
        var library = new ContentLibrary(
            [en, Item("malaria", "fr", 1, 2), Item("malaria", "sw", 1, 3), Item("ors", "en", 1, null), Item("ors", "fr", 1, 1) with { Status = "draft" }],
            new Dictionary<string, SystemMessages>(), [], DateTimeOffset.UnixEpoch);
        var open = new ContentEdit(1, "ors", "sw", 1, "review", "t", "s", "w", "edna", null, DateTimeOffset.UnixEpoch, null);

        var rows = ContentGrid.Build(library, [open]);

        Assert.Equal(["malaria", "ors"], rows.Select(r => r.Id));
        Assert.Equal(["published", "stale", "published"], rows[0].Cells.Select(c => c.State));
        Assert.Equal(["published", "draft", "review"], rows[1].Cells.Select(c => c.State));
        var withMissing = ContentGrid.Build(library with { Items = [.. library.Items.Where(i => !(i.Id == "ors" && i.Language == "fr"))] }, []);
        Assert.Equal("missing", withMissing[1].Cells.Single(c => c.Language == "fr").State);
    }

    private static ContentItem Item(string id, string language, int version, int? source) => new(
        id, language, id, version, source, "published", null, null, [], [], [], [], false, "sms", "web", $"{language}/{id}.md");
}
