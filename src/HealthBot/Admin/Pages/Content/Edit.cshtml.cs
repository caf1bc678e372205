using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin.Pages.Content;

[Authorize(Policy = StaffRoles.EditPolicy)]
public sealed class ContentEditModel(
    ContentCatalog catalog,
    SqlContentEditStore edits,
    ContentWorkflow workflow,
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

    public string State { get; private set; } = "missing";

    public int? Version { get; private set; }

    public string? Message { get; private set; }

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
        State = ContentGrid.StateOf(item, source, open);
        Version = open?.Version ?? item?.Version;
        return Page();
    }

    /// <summary>The preview fragment the page's script fetches as the editor types.</summary>
    public ContentResult OnGetPreview(string? text) =>
        Content(PreviewOf(text ?? "").ToHtml(T), "text/html; charset=utf-8");

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

        await workflow.SaveDraftAsync(Actor, Id, Lang, Title, Sms, Web);
        return RedirectToPage(new { Id, Lang });
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        if (!workflow.CanEdit(Id, Lang))
        {
            return NotFound();
        }

        var editId = await workflow.SaveDraftAsync(Actor, Id, Lang, Title, Sms, Web);
        await workflow.SubmitAsync(Actor, editId);
        return RedirectToPage(new { Id, Lang });
    }
}
