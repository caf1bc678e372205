using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin.Pages;

/// <summary>A reviewer compares an edit with what the bot serves now, then publishes or rejects it.</summary>
[Authorize(Policy = StaffRoles.PublishPolicy)]
public sealed class ReviewEditModel(
    SqlContentEditStore edits,
    ContentWorkflow workflow,
    ContentCatalog catalog,
    IOptions<AdminOptions> options,
    IOptions<DialogOptions> dialog) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long EditId { get; set; }

    public ContentEdit? Edit { get; private set; }

    /// <summary>The revision the reviewer's page showed, posted back with Publish.</summary>
    [BindProperty(Name = "Revision")]
    public string? ShownRevision { get; set; }

    public string Revision => Edit is null ? "" : ContentWorkflow.Revision(Edit);

    public string? Error { get; private set; }

    public string CurrentTitle => Current?.Title ?? "";

    public string CurrentSms => Current?.Sms ?? "";

    public string CurrentWeb => Current?.Web ?? "";

    public SmsPreview Preview =>
        SmsPreview.For(Edit?.Sms ?? "", Edit?.Language, options.Value, dialog.Value.FoldAccentsForSms);

    private ContentItem? Current => Edit is null ? null : catalog.Current.Find(Edit.ContentId, Edit.Language);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync() => ActAsync((actor, id) => workflow.PublishAsync(actor, id, ShownRevision));

    public Task<IActionResult> OnPostRejectAsync() => ActAsync(workflow.RejectAsync);

    private async Task<IActionResult> ActAsync(Func<string, long, Task<WorkflowResult>> action)
    {
        var result = await action(Actor, EditId);
        if (result == WorkflowResult.Done)
        {
            return Redirect("/admin/review");
        }

        if (!await LoadAsync())
        {
            return NotFound();
        }

        Error = result switch
        {
            WorkflowResult.OwnEdit => T("You cannot publish your own edit: another reviewer must approve it."),
            WorkflowResult.Changed =>
                T("This edit changed since you opened it: nothing was published. Read the new text below before you publish."),
            _ => T(Edit!.State),
        };
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        Edit = await edits.GetAsync(EditId);
        return Edit is not null;
    }
}
