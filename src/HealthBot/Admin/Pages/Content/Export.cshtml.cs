using HealthBot.Content;
using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;

namespace HealthBot.Admin.Pages.Content;

/// <summary>Writes the versions published in the workspace to the content folder; the files then carry them (import is the files' normal load).</summary>
[Authorize(Policy = StaffRoles.AdminPolicy)]
public sealed class ContentExportModel(ContentCatalog catalog, SqlContentEditStore edits, SqlStaffStore audit) : AdminPageModel
{
    public string Directory => catalog.Directory;

    public IReadOnlyList<ContentItem> Pending { get; private set; } = [];

    public IReadOnlyList<string> Written { get; private set; } = [];

    public void OnGet() => Pending = PendingItems();

    public async Task OnPostAsync()
    {
        var written = new List<string>();
        foreach (var item in PendingItems())
        {
            var template = catalog.Current.Find(item.Id, ContentGrid.SourceLanguage);
            var path = ContentExporter.Export(item, template, catalog.Directory);
            written.Add(Path.GetRelativePath(catalog.Directory, path));
            await audit.AuditAsync(Actor, "content.export", $"{item.Id}/{item.Language} v{item.Version}");
        }

        Written = written;
        Pending = PendingItems();
    }

    /// <summary>Items the catalog serves from the database: the newest published edit when it is what the bot answers with.</summary>
    private List<ContentItem> PendingItems()
    {
        var published = edits.LatestPublished().Select(e => (e.ContentId, e.Language, e.Version)).ToHashSet();
        return catalog.Current.Items.Where(i => ContentWorkflow.IsSupportedLanguage(i.Language)
            && published.Contains((i.Id, i.Language, i.Version)) && !FileHasVersion(i)).ToList();
    }

    private bool FileHasVersion(ContentItem item)
    {
        var path = Path.Combine(catalog.Directory, item.Language, item.Id + ".md");
        return System.IO.File.Exists(path) && ContentFileParser.Parse(path, System.IO.File.ReadAllText(path)).Get("version") == item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
