using System.Security.Cryptography;
using System.Text;
using HealthBot.Content;
using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HealthBot.Admin.Pages.Triage;

/// <summary>
/// A language's danger-sign rules (triage.md). Admins only write drafts: a wrong rule can keep an emergency from being
/// referred. A reviewer (another person) publishes them after seeing how they move urgent recall and false alarms.
/// </summary>
[Authorize(Policy = StaffRoles.AdminPolicy)]
public sealed class TriageEditModel(
    ContentCatalog catalog,
    SqlContentEditStore edits,
    ContentWorkflow workflow,
    TriageDrafts triage,
    DraftImpacts impacts)
    : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Lang { get; set; } = "";

    [BindProperty]
    public string Rules { get; set; } = "";

    /// <summary>What the form was opened on (the open draft's revision, or the served text), posted back with a save:
    /// a save from a form opened before someone else's save is refused instead of overwriting it.</summary>
    [BindProperty]
    public string? Opened { get; set; }

    /// <summary>The text the form was opened on, posted back so a refused save can show the person their own change
    /// (not the whole text) against it.</summary>
    [BindProperty]
    public string? Was { get; set; }

    /// <summary>The rules a refused (stale) save sent, shown beside the newer draft so nothing typed is lost.</summary>
    public UnsavedText? Unsaved { get; private set; }

    public string? Message { get; private set; }

    /// <summary>What happened when it is not an error (a save that changed nothing).</summary>
    public string? Notice { get; private set; }

    public IEnumerable<string> Languages => catalog.Current.Triage.Keys.Order(StringComparer.Ordinal);

    public ContentEdit? Open { get; private set; }

    public string State => Open?.State ?? "published";

    public int Version => Open?.Version ?? triage.CurrentVersion(Lang);

    /// <summary>The parser's lines when a draft was refused.</summary>
    public string? Refused { get; private set; }

    public DraftImpact? Impact { get; private set; }

    /// <summary>A save refused for its size: the box holds the sent text, which is not summarised (too long to
    /// parse on every page view), so the summary says it is of the saved draft.</summary>
    private bool TooLongSent { get; set; }

    /// <summary>The heading of the rule summary, saying whose text it is of; null when there is nothing to summarise.
    /// A refused draft is summarised as sent, so the person reads what their own text would change, not the saved
    /// draft's changes under a page that shows their text.</summary>
    public string? RuleChangesTitle => Refused is not null
        ? T("Rules added, removed or changed in the text you sent (not saved)")
        : Open is null ? null
        : TooLongSent ? T("Rules added, removed or changed in the saved draft (not in the text you sent)")
        : T("Rules added, removed or changed");

    /// <summary>The rules added, removed or changed compared with the rules served now: of the text a refused save
    /// sent, else of the open draft.</summary>
    public IReadOnlyList<TriageRuleChange> RuleChanges => Refused is not null
        ? TriageRuleChanges.Compare(Lang, triage.CurrentText(Lang), Rules)
        : Open is null ? [] : TriageRuleChanges.Compare(Lang, triage.CurrentText(Lang), Open.Web);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!triage.HasRules(Lang))
        {
            return NotFound();
        }

        Open = await edits.OpenAsync(ContentEdit.TriageId, Lang);
        Rules = Open?.Web ?? triage.CurrentText(Lang);
        Impact = Open is null ? null : impacts.For(Open);
        Opened = OpenedOn(Open);
        Was = Rules;
        return Page();
    }

    private string OpenedOn(ContentEdit? open) => open is not null
        ? $"edit {open.Id} {ContentWorkflow.Revision(open)}"
        : $"served {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(triage.CurrentText(Lang))))[..32]}";

    public Task<IActionResult> OnPostSaveAsync() => SaveAsync(submit: false);

    public Task<IActionResult> OnPostSubmitAsync() => SaveAsync(submit: true);

    private async Task<IActionResult> SaveAsync(bool submit)
    {
        if (!triage.HasRules(Lang))
        {
            return NotFound();
        }

        if (EditorLimits.TooLong(EditorLimits.TriageChars, ("Danger-sign rules (triage.md)", Rules)) is { } tooLong)
        {
            Message = Built(tooLong);
            Open = await edits.OpenAsync(ContentEdit.TriageId, Lang);
            TooLongSent = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var open = await edits.OpenAsync(ContentEdit.TriageId, Lang);
        // No Opened (or an empty one) is refused too: without it a save could overwrite a newer draft unseen.
        if (!string.Equals(Opened, OpenedOn(open), StringComparison.Ordinal))
        {
            return await ConflictAsync();
        }

        long editId;
        try
        {
            // Checked again in the statement that writes it: of two simultaneous saves one wins, one is a conflict.
            editId = await workflow.SaveTriageDraftAsync(Actor, Lang, Rules, new DraftBasis(open));
        }
        catch (DraftChangedException)
        {
            return await ConflictAsync();
        }
        catch (NothingChangedException unchanged)
        {
            // Submitting an unchanged open draft still submits it (nobody becomes its author; one already in review
            // stays there); anything else says so.
            if (submit && unchanged.Open is { } draft)
            {
                await workflow.SubmitAsync(Actor, draft.Id);
                return RedirectToPage(new { Lang });
            }

            await OnGetAsync();
            Notice = T("Nothing changed: nothing was saved.");
            return Page();
        }
        catch (DraftRefusedException ex)
        {
            // Nothing is saved: the draft stays in the box, with the parser's lines above it.
            Refused = ex.Message;
            Open = await edits.OpenAsync(ContentEdit.TriageId, Lang);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (submit)
        {
            await workflow.SubmitAsync(Actor, editId);
        }

        if (await edits.GetAsync(editId) is { } saved)
        {
            impacts.For(saved);
        }

        return RedirectToPage(new { Lang });
    }

    /// <summary>The 409 page: the newer draft in the form, the person's own rules kept above it.</summary>
    private async Task<IActionResult> ConflictAsync()
    {
        Unsaved = new UnsavedText(Rules, Was is null ? null : TextDiff.Changes(Was, Rules), T);
        await OnGetAsync();
        Message = T("This draft changed since you opened it: nothing was saved. " +
            "The form shows the new text; your text is above it. Make your change again.");
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
