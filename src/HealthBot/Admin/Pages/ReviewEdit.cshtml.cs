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
    DraftImpacts impacts,
    TriageDrafts triage,
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

    /// <summary>False for anyone who changed this edit's text: their Publish button is disabled.</summary>
    public bool MayPublish => Edit is not null && workflow.MayPublish(Edit, Actor);

    /// <summary>Ticked by the reviewer: people describing a removed rule's signs will no longer be referred.</summary>
    [BindProperty]
    public bool ConfirmRemoval { get; set; }

    /// <summary>The danger-sign rules a triage edit adds, removes or changes, by name.</summary>
    public IReadOnlyList<TriageRuleChange> RuleChanges => Edit?.IsTriage == true
        ? TriageRuleChanges.Compare(Edit.Language, CurrentWeb, Edit.Web)
        : [];

    /// <summary>The rules whose referrals stop, for the warning and the confirmation ("convulsions, poisoning").
    /// </summary>
    public string LostRules => string.Join(", ", RuleChanges.Where(c => c.LosesReferrals).Select(c => c.Name));

    public string CurrentTitle => Current?.Title ?? "";

    public string CurrentSms => Current?.Sms ?? "";

    public string CurrentWeb => Edit?.IsTriage == true ? triage.CurrentText(Edit.Language) : Current?.Web ?? "";

    public string CurrentKeywords => string.Join(", ", Current?.Keywords ?? []);

    public string CurrentExamples => string.Join(", ", Current?.Examples ?? []);

    /// <summary>The triage rules line by line: added lines in ins, removed ones in del (HTML-encoded).</summary>
    public Microsoft.AspNetCore.Html.HtmlString LineDiff() => new(string.Concat(
        TextDiff.Lines(CurrentWeb, Edit?.Web ?? "").Select(p => p.Op switch
        {
            DiffOp.Added => $"<ins>{System.Net.WebUtility.HtmlEncode(p.Text)}\n</ins>",
            DiffOp.Removed => $"<del>{System.Net.WebUtility.HtmlEncode(p.Text)}\n</del>",
            _ => System.Net.WebUtility.HtmlEncode(p.Text) + "\n",
        })));

    /// <summary>The test questions the edit answers differently (a run starts if this node has none yet).</summary>
    public DraftImpact? Impact { get; private set; }

    public SmsPreview Preview =>
        SmsPreview.For(Edit?.Sms ?? "", Edit?.Language, options.Value, dialog.Value.FoldAccentsForSms);

    private ContentItem? Current => Edit is null ? null : catalog.Current.Find(Edit.ContentId, Edit.Language);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>A post naming no action (no handler) changes nothing: the page again with 400, not a crash.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        if (!ConfirmRemoval && await LoadAsync() && LostRules.Length > 0)
        {
            // A removed emergency rule is the one change the bot cannot show by a wrong answer: it just stays silent.
            Error = T("Nothing was published: tick the box to confirm that people describing these signs will no " +
                "longer get the urgent referral.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return await ActAsync((actor, id) => workflow.PublishAsync(actor, id, ShownRevision));
    }

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

        // A refusal is not a success: 403 for one's own edit, 409 for a text or state that moved on.
        Response.StatusCode = result == WorkflowResult.OwnEdit
            ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
        Error = result switch
        {
            WorkflowResult.OwnEdit => T("You cannot publish your own edit: another reviewer must approve it."),
            WorkflowResult.Changed =>
                T("This edit changed since you opened it: nothing was published. Read the new text below before you publish."),
            _ => $"{T("Nothing changed: this edit is")} {T(Edit!.State)}.",
        };
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        Edit = await edits.GetAsync(EditId);
        Impact = Edit?.State is "draft" or "review" ? impacts.For(Edit) : null;
        return Edit is not null;
    }
}
