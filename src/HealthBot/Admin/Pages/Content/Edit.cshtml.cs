using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin.Pages.Content;

[Authorize(Policy = StaffRoles.EditPolicy)]
[SupportedLanguage]
public sealed class ContentEditModel(
    ContentCatalog catalog,
    SqlContentEditStore edits,
    ContentWorkflow workflow,
    DraftImpacts impacts,
    IOptions<AdminOptions> options,
    IOptions<DialogOptions> dialog) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Lang { get; set; } = "";

    [BindProperty]
    public string Title { get; set; } = "";

    [BindProperty]
    public string Sms { get; set; } = "";

    [BindProperty]
    public string Web { get; set; } = "";

    /// <summary>One a line; null when the form did not send it (the draft keeps what it has).</summary>
    [BindProperty]
    public string? Keywords { get; set; }

    [BindProperty]
    public string? Examples { get; set; }

    /// <summary>What the form was opened on (the open draft's revision, or the served version), posted back with a
    /// save: a save from a form opened before someone else's save is refused instead of overwriting it.</summary>
    [BindProperty]
    public string? Opened { get; set; }

    /// <summary>The text the form was opened on, posted back so a refused save can show the person their own change
    /// (not the whole text) against it.</summary>
    [BindProperty]
    public string? Was { get; set; }

    /// <summary>The text a refused (stale) save sent, shown beside the newer draft so nothing typed is lost.</summary>
    public UnsavedText? Unsaved { get; private set; }

    /// <summary>The open draft's test questions answered differently (null without a draft).</summary>
    public DraftImpact? Impact { get; private set; }

    public string State { get; private set; } = "missing";

    public int? Version { get; private set; }

    public string? Message { get; private set; }

    /// <summary>What happened when it is not an error (a save that changed nothing).</summary>
    public string? Notice { get; private set; }

    public SmsPreview Preview => PreviewOf(Sms);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!workflow.CanEdit(Id, Lang))
        {
            return NotFound();
        }

        var library = catalog.Current;
        var item = library.Find(Id, Lang);
        var source = library.Find(Id, ContentGrid.SourceLanguage);

        var open = await edits.OpenAsync(Id, Lang);
        var basis = item ?? source;
        (Title, Sms, Web) = open is not null
            ? (open.Title, open.Sms, open.Web)
            : (basis?.Title ?? "", basis?.Sms ?? "", basis?.Web ?? "");
        Keywords = open?.Keywords ?? EditLines.Join(basis?.Keywords ?? []);
        Examples = open?.Examples ?? EditLines.Join(basis?.Examples ?? []);
        Impact = open is null ? null : impacts.For(open);
        State = ContentGrid.StateOf(item, source, open);
        Version = open?.Version ?? item?.Version;
        Opened = OpenedOn(open, item);
        Was = Joined();
        return Page();
    }

    /// <summary>The preview fragment the page's script fetches as the editor types.</summary>
    public ContentResult OnGetPreview(string? text) =>
        Content(PreviewOf(text ?? "").ToHtml(T), "text/html; charset=utf-8");

    private static string OpenedOn(ContentEdit? open, ContentItem? item) => open is not null
        ? $"edit {open.Id} {ContentWorkflow.Revision(open)}"
        : $"v{item?.Version ?? 0}";

    /// <summary>
    /// Measured as a reply in this language is sent (accents folded or not, as the bot is configured).
    /// </summary>
    private SmsPreview PreviewOf(string text) =>
        SmsPreview.For(text, Lang, options.Value, dialog.Value.FoldAccentsForSms);

    public IActionResult OnPostPreview()
    {
        State = "draft";
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!workflow.CanEdit(Id, Lang))
        {
            return NotFound();
        }

        return await SaveAsync(submit: false);
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        if (!workflow.CanEdit(Id, Lang))
        {
            return NotFound();
        }

        return await SaveAsync(submit: true);
    }

    /// <summary>Saves (and submits) the draft, and starts its test questions in the background.</summary>
    private async Task<IActionResult> SaveAsync(bool submit)
    {
        (string, string?)[] fields = [("Title", Title), ("SMS text", Sms), ("Web text", Web),
            ("Keywords (one a line)", Keywords), ("Example questions (one a line)", Examples)];
        if ((EditorLimits.TooLong(EditorLimits.TextChars, fields) ?? FormProblems.Control(fields)) is { } refused)
        {
            Message = Built(refused);
            State = "draft";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var open = await edits.OpenAsync(Id, Lang);
        // No Opened (or an empty one) is refused too: without it a save could overwrite a newer draft unseen.
        if (!string.Equals(Opened, OpenedOn(open, catalog.Current.Find(Id, Lang)), StringComparison.Ordinal))
        {
            return await ConflictAsync(submit);
        }

        long editId;
        try
        {
            // The store checks the draft is still this one in the statement that writes it: of two saves posted at
            // the same moment from the same form version, one is written and the other is a conflict.
            editId = await workflow.SaveDraftAsync(
                Actor, Id, Lang, Title, Sms, Web, Keywords, Examples, new DraftBasis(open));
        }
        catch (DraftChangedException)
        {
            return await ConflictAsync(submit);
        }
        catch (NothingChangedException unchanged)
        {
            // Submitting an unchanged open draft still submits it (nobody becomes its author; one already in review
            // stays there); anything else says so.
            if (submit && unchanged.Open is { } draft)
            {
                await workflow.SubmitAsync(Actor, draft.Id);
                return RedirectToPage(new { Id, Lang });
            }

            await OnGetAsync();
            Notice = T("Nothing changed: nothing was saved.");
            return Page();
        }
        catch (DraftRefusedException ex)
        {
            Message = Built(ex.Message);
            State = "draft";
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

        return RedirectToPage(new { Id, Lang });
    }

    private string Joined() => string.Join("\n\n", Title, Sms, Web, Keywords, Examples);

    /// <summary>The 409 page: the newer draft in the form, the person's own text kept above it.</summary>
    private async Task<IActionResult> ConflictAsync(bool submit)
    {
        // A double-clicked Save (or Submit) posts the same form twice: the draft already holds exactly this person's
        // text, so the second post is their save done, not someone else's change.
        if (await edits.OpenAsync(Id, Lang) is { } open
            && ContentWorkflow.AlreadySaved(open, Actor, Title, Sms, Web, Keywords, Examples))
        {
            if (submit && open.State == "draft")
            {
                await workflow.SubmitAsync(Actor, open.Id);
            }

            return RedirectToPage(new { Id, Lang });
        }

        var mine = Joined();
        Unsaved = new UnsavedText(mine, Was is null ? null : TextDiff.Changes(Was, mine), T);
        await OnGetAsync();
        Message = T("This draft changed since you opened it: nothing was saved. " +
            "The form shows the new text; your text is above it. Make your change again.");
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
