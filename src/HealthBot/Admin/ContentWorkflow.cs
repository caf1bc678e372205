using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
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
    TriageDrafts triage,
    IOptions<AdminOptions> options,
    TimeProvider time)
{
    /// <summary>
    /// The deployment's languages (<see cref="DialogOptions.Languages"/>): no page, publish or export makes another
    /// (a draft in "xx" would otherwise be published, exported to content/xx and served as a sixth language).
    /// </summary>
    public static bool IsSupportedLanguage(string? language) =>
        language is not null && DialogOptions.Languages.Contains(language, StringComparer.Ordinal);

    /// <summary>Edits start from an item that exists in some language, in one of the deployment's languages.</summary>
    public bool CanEdit(string contentId, string language) =>
        IsSupportedLanguage(language) && ContentLoader.IsLanguageFolder(language)
        && catalog.Current.Items.Any(i => i.Id == contentId);

    /// <summary>
    /// Saves the item's draft. Keywords and examples are one a line; null keeps the open draft's (or the item's own).
    /// Given <paramref name="basis"/> (what the form showed), a draft changed since throws
    /// <see cref="DraftChangedException"/> and nothing is saved.
    /// </summary>
    public async Task<long> SaveDraftAsync(
        string actor, string contentId, string language, string title, string sms, string web,
        string? keywords = null, string? examples = null, DraftBasis? basis = null)
    {
        if (!CanEdit(contentId, language))
        {
            throw new ArgumentException($"no content item '{contentId}' to edit in language '{language}'");
        }

        var current = catalog.Current.Find(contentId, language);
        var open = basis is null ? await edits.OpenAsync(contentId, language) : basis.Open;
        // A file keeps keywords as an inline [a, b] list: a comma separates two keywords there, so it does here.
        keywords = EditLines.Normalize(keywords?.Replace(',', '\n')) ?? open?.Keywords;
        examples = EditLines.Normalize(examples) ?? open?.Examples;
        if (FormProblems.Control(("Title", title), ("SMS text", sms), ("Web text", web),
            ("Keywords (one a line)", keywords), ("Example questions (one a line)", examples)) is { } control)
        {
            throw new DraftRefusedException(control); // the page says it first, naming the field in its words
        }

        if (keywords is "")
        {
            throw new DraftRefusedException("Write at least one keyword: people's words are how the bot finds this topic.");
        }

        // Keywords and examples are matching data, not facts (content/README.md: "Add 1 every time the facts change"):
        // an edit of only those keeps the version, so translations do not turn stale.
        var sameFacts = current is not null && current.Title == title.Trim()
            && Normalize(current.Sms) == Normalize(sms) && Normalize(current.Web) == Normalize(web);
        // A save that changes nothing writes nothing: no draft, no author, no audit entry (Admin/README.md).
        var own = (Keywords: EditLines.Join(current?.Keywords ?? []),
            Examples: EditLines.Join(current?.Examples ?? []));
        if (open is not null
            ? open.Title == title.Trim() && open.Sms == Normalize(sms) && open.Web == Normalize(web)
                && (open.Keywords ?? own.Keywords) == keywords && (open.Examples ?? own.Examples) == examples
            : sameFacts && (keywords ?? own.Keywords) == own.Keywords && (examples ?? own.Examples) == own.Examples)
        {
            throw new NothingChangedException(open);
        }

        var version = NextVersion(contentId, language, current?.Version ?? 0) - (sameFacts ? 1 : 0);
        var id = await edits.SaveDraftAsync(
            contentId, language, version, title.Trim(), Normalize(sms), Normalize(web), actor, keywords, examples,
            basis);
        var draft = new ContentEdit(id, contentId, language, version, "draft", title.Trim(), Normalize(sms), Normalize(web),
            actor, null, time.GetUtcNow(), null) { Keywords = keywords, Examples = examples };
        await audit.AuditAsync(
            actor, "content.draft", $"{contentId}/{language} v{version} (edit {id})", Diff(current, draft));
        return id;
    }

    /// <summary>
    /// True when the open draft already holds exactly this text (as a save would store it) and
    /// <paramref name="actor"/> is among its authors: the second post of a double-clicked Save, which is no conflict.
    /// Keywords or examples not posted (null) are not compared: a save would keep the draft's.
    /// </summary>
    public static bool AlreadySaved(
        ContentEdit open, string actor, string title, string sms, string web, string? keywords, string? examples) =>
        open.IsAuthor(actor) && open.Title == title.Trim() && open.Sms == Normalize(sms) && open.Web == Normalize(web)
        && (keywords is null || open.Keywords == EditLines.Normalize(keywords.Replace(',', '\n')))
        && (examples is null || open.Examples == EditLines.Normalize(examples));

    /// <summary>Saves a language's triage rules as a draft; refused with the parser's lines when they do not parse.
    /// </summary>
    public async Task<long> SaveTriageDraftAsync(string actor, string language, string text, DraftBasis? basis = null)
    {
        text = Normalize(text) + "\n";
        if (TriageDrafts.Problems(language, text) is { Count: > 0 } problems)
        {
            throw new DraftRefusedException(string.Join("\n", problems));
        }

        var before = triage.CurrentText(language);
        var open = basis is null ? await edits.OpenAsync(ContentEdit.TriageId, language) : basis.Open;
        if (text == Normalize(open?.Web ?? before) + "\n")
        {
            throw new NothingChangedException(open);
        }

        var version = NextVersion(ContentEdit.TriageId, language, triage.CurrentVersion(language));
        text = TriageDrafts.WithVersion(text, version);
        var id = await edits.SaveDraftAsync(
            ContentEdit.TriageId, language, version, "triage", "", text, actor, basis: basis);
        await audit.AuditAsync(actor, "triage.draft", $"triage/{language} v{version} (edit {id})",
            TextDiff.ToText(TextDiff.Lines(before, text)));
        return id;
    }

    private int NextVersion(string contentId, string language, int current) =>
        Math.Max(current, edits.LatestPublished().Where(e => e.ContentId == contentId && e.Language == language)
            .Select(e => e.Version).DefaultIfEmpty(0).Max()) + 1;

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
        System.Text.Encoding.UTF8.GetBytes(string.Join(
            '\u001f', edit.Version, edit.Title, edit.Sms, edit.Web, edit.Keywords, edit.Examples))))[..32];

    /// <summary>Four-eyes: nobody publishes an edit whose text they changed at any point (every author of the draft,
    /// not only whoever saved or submitted it last), unless <c>Admin:AllowSelfPublish</c>.</summary>
    public bool MayPublish(ContentEdit edit, string actor) => options.Value.AllowSelfPublish || !edit.IsAuthor(actor);

    public async Task<WorkflowResult> PublishAsync(string actor, long editId, string? shownRevision)
    {
        var edit = await edits.GetAsync(editId);
        if (edit is null)
        {
            return WorkflowResult.NotFound;
        }

        if (!IsSupportedLanguage(edit.Language))
        {
            // A draft saved before languages were checked (or written to the database by hand) is not served.
            await audit.AuditAsync(actor, "content.publish.refused", Target(edit), "not a language of this service");
            return WorkflowResult.NotFound;
        }

        if (!MayPublish(edit, actor))
        {
            await audit.AuditAsync(actor, "content.publish.refused", Target(edit), "own edit");
            return WorkflowResult.OwnEdit;
        }

        // Read before publishing: afterwards the served rules are this edit's, and the audited diff would be empty.
        var triageBefore = edit.IsTriage ? triage.CurrentText(edit.Language) : "";
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

        if (edit.IsTriage)
        {
            overlay.Refresh();
            await audit.AuditAsync(
                actor, "triage.publish", Target(edit), TextDiff.ToText(TextDiff.Lines(triageBefore, edit.Web)));
            return WorkflowResult.Done;
        }

        await recorder.CaughtUp;
        var publishedEdit = edit with { State = "published", Reviewer = actor, PublishedAt = time.GetUtcNow() };
        var current = catalog.Current.Find(edit.ContentId, edit.Language);
        var item = PublishedContentOverlay.Build(publishedEdit, current, catalog.Current.Items.FirstOrDefault(i => i.Id == edit.ContentId));
        await versions.ImportAsync([item], time.GetUtcNow());
        overlay.Refresh();
        await audit.AuditAsync(actor, "content.publish", Target(edit), Diff(current, edit));
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

    private static string Diff(ContentItem? current, ContentEdit edit)
    {
        var diff = $"title: {Words(current?.Title, edit.Title)}\nsms: {Words(current?.Sms, edit.Sms)}";
        diff += edit.Keywords is { } k
            ? $"\nkeywords: {Words(string.Join(", ", current?.Keywords ?? []), EditLines.Inline(k))}" : "";
        return diff + (edit.Examples is { } e
            ? $"\nexamples: {Words(string.Join(", ", current?.Examples ?? []), EditLines.Inline(e))}" : "");
    }

    private static string Words(string? before, string after) => TextDiff.ToText(TextDiff.Words(before ?? "", after));

    // Browsers post CRLF; the files and the SMS use LF.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
