using HealthBot.Content;
using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;

namespace HealthBot.Admin.Pages.Content;

public sealed class ContentIndexModel(
    ContentCatalog catalog, SqlContentEditStore edits, IAuthorizationService authorization, TopicNames names)
    : AdminPageModel
{
    /// <summary>Editors open the editor from the grid; everyone else opens the history.</summary>
    public bool CanEdit { get; private set; }

    public IReadOnlyList<GridRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Languages => Rows.FirstOrDefault()?.Cells.Select(c => c.Language).ToList() ?? [];

    /// <summary>The topic's title in the staff's language (the grid's rows are topics, whatever their state).</summary>
    public string Title(GridRow row) =>
        names.Title(row.Id, UiText.Language(HttpContext)) is var title && title != row.Id ? title : row.Title;

    public async Task OnGetAsync()
    {
        Rows = ContentGrid.Build(catalog.Current, await edits.AllOpenAsync());
        CanEdit = (await authorization.AuthorizeAsync(User, StaffRoles.EditPolicy)).Succeeded;
    }
}
