using HealthBot.Content;
using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin;

public enum WorkflowResult
{
    Done,
    NotFound,
    WrongState,
    OwnEdit,

    /// <summary>The edit's text is not the revision the reviewer was shown (changed since, or no revision named).</summary>
    Changed,
}

/// <summary>
/// Draft → review → published. Every step is audited with the text diff; publishing records the version with its reviewer
/// in content_versions (the provenance every reply points at) and swaps it into the catalog at once.
/// </summary>
public sealed class ContentWorkflow(
    ContentCatalog catalog,
    SqlContentEditStore edits,
    SqlStaffStore audit,
    IContentVersionStore versions,
    PublishedContentOverlay overlay,
    ContentVersionRecorder recorder,
    IOptions<AdminOptions> options,
    TimeProvider time)
{
    /// <summary>Edits start from an item that exists in some language, in a language folder name (never a path).</summary>
    public bool CanEdit(string contentId, string language) =>
        ContentLoader.IsLanguageFolder(language) && catalog.Current.Items.Any(i => i.Id == contentId);

    public async Task<long> SaveDraftAsync(string actor, string contentId, string language, string title, string sms, string web)
    {
        if (!CanEdit(contentId, language))
        {
            throw new ArgumentException($"no content item '{contentId}' to edit in language '{language}'");
        }

        var current = catalog.Current.Find(contentId, language);
        var published = edits.LatestPublished().Where(e => e.ContentId == contentId && e.Language == language).Select(e => e.Version);
        var version = Math.Max(current?.Version ?? 0, published.DefaultIfEmpty(0).Max()) + 1;
        var id = await edits.SaveDraftAsync(contentId, language, version, title.Trim(), Normalize(sms), Normalize(web), actor);
        await audit.AuditAsync(actor, "content.draft", $"{contentId}/{language} v{version} (edit {id})", Diff(current, title, sms));
        return id;
    }

    public async Task<WorkflowResult> SubmitAsync(string actor, long editId)
    {
        var edit = await edits.GetAsync(editId);
        if (edit is null)
        {
            return WorkflowResult.NotFound;
        }

        if (!await edits.TransitionAsync(editId, "draft", "review"))
        {
            return WorkflowResult.WrongState;
        }

        await audit.AuditAsync(actor, "content.submit", Target(edit));
        return WorkflowResult.Done;
    }

    /// <summary>
    /// A fingerprint of exactly what a reviewer reads (version, title, SMS and web text). The review page sends it back,
    /// and publishing refuses any other text: an editor may change a draft while the reviewer has it open.
    /// </summary>
    public static string Revision(ContentEdit edit) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', edit.Version, edit.Title, edit.Sms, edit.Web))))[..32];

    public async Task<WorkflowResult> PublishAsync(string actor, long editId, string? shownRevision)
    {
        var edit = await edits.GetAsync(editId);
        if (edit is null)
        {
            return WorkflowResult.NotFound;
        }

        if (string.Equals(edit.Author, actor, StringComparison.OrdinalIgnoreCase) && !options.Value.AllowSelfPublish)
        {
            await audit.AuditAsync(actor, "content.publish.refused", Target(edit), "own edit");
            return WorkflowResult.OwnEdit;
        }

        // The text must still be the one shown, and it is checked again in the same UPDATE that publishes it.
        var shown = string.Equals(shownRevision, Revision(edit), StringComparison.Ordinal);
        if (!shown || !await edits.TransitionAsync(editId, "review", "published", actor, unchanged: edit))
        {
            var now = await edits.GetAsync(editId);
            if (now is null || now.State != "review" || Revision(now) == shownRevision)
            {
                return now is null ? WorkflowResult.NotFound : WorkflowResult.WrongState;
            }

            await audit.AuditAsync(actor, "content.publish.refused", Target(edit), "changed since the reviewer opened it");
            return WorkflowResult.Changed;
        }

        await recorder.CaughtUp;
        var publishedEdit = edit with { State = "published", Reviewer = actor, PublishedAt = time.GetUtcNow() };
        var current = catalog.Current.Find(edit.ContentId, edit.Language);
        var item = PublishedContentOverlay.Build(publishedEdit, current, catalog.Current.Items.FirstOrDefault(i => i.Id == edit.ContentId));
        await versions.ImportAsync([item], time.GetUtcNow());
        overlay.Refresh();
        await audit.AuditAsync(actor, "content.publish", Target(edit), Diff(current, edit.Title, edit.Sms));
        return WorkflowResult.Done;
    }

    public async Task<WorkflowResult> RejectAsync(string actor, long editId)
    {
        var edit = await edits.GetAsync(editId);
        if (edit is null || !await edits.TransitionAsync(editId, "review", "rejected", actor))
        {
            return edit is null ? WorkflowResult.NotFound : WorkflowResult.WrongState;
        }

        await audit.AuditAsync(actor, "content.reject", Target(edit));
        return WorkflowResult.Done;
    }

    /// <summary>A rollback is a new draft with an old version's text: it goes through review like any other change.</summary>
    public async Task<long?> RollbackAsync(string actor, string contentId, string language, int version)
    {
        await recorder.CaughtUp;
        var old = await versions.FindAsync(contentId, language, version);
        if (old is null)
        {
            return null;
        }

        var id = await SaveDraftAsync(actor, contentId, language, old.Title, old.Sms, old.Web);
        await audit.AuditAsync(actor, "content.rollback", $"{contentId}/{language}", $"draft {id} restores version {version}");
        return id;
    }

    private static string Target(ContentEdit edit) => $"{edit.ContentId}/{edit.Language} v{edit.Version} (edit {edit.Id})";

    private static string Diff(ContentItem? current, string title, string sms) =>
        $"title: {TextDiff.ToText(TextDiff.Words(current?.Title ?? "", title))}\nsms: {TextDiff.ToText(TextDiff.Words(current?.Sms ?? "", Normalize(sms)))}";

    // Browsers post CRLF; the files and the SMS use LF.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
