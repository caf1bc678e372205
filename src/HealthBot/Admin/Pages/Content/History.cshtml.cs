using HealthBot.Content;
using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HealthBot.Admin.Pages.Content;

[SupportedLanguage]
public sealed class ContentHistoryModel(
    SqlContentHistory history, SqlContentEditStore edits, ContentWorkflow workflow, IAuthorizationService authorization)
    : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Lang { get; set; } = "";

    public IReadOnlyList<PublishedVersion> Versions { get; private set; } = [];

    public IReadOnlyList<ContentEdit> Edits { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        Versions = history.Versions(Id, Lang);
        Edits = await edits.HistoryAsync(Id, Lang);
        CanEdit = (await authorization.AuthorizeAsync(User, StaffRoles.EditPolicy)).Succeeded;
    }

    public async Task<IActionResult> OnPostRollbackAsync(int version)
    {
        // Viewing is for all staff; restoring is an edit, so it needs the edit policy.
        if (!(await authorization.AuthorizeAsync(User, StaffRoles.EditPolicy)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            return await workflow.RollbackAsync(Actor, Id, Lang, version) is null
                ? NotFound() : Redirect($"/admin/content/{Id}/{Lang}");
        }
        catch (NothingChangedException)
        {
            // That version's text is the one served (or drafted) already: there is nothing to restore.
            return Redirect($"/admin/content/{Id}/{Lang}");
        }
    }
}
