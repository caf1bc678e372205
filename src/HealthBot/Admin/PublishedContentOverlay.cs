using HealthBot.Content;
using HealthBot.Data;

namespace HealthBot.Admin;

/// <summary>
/// Serves versions published in the workspace over the files' versions when they are newer, so publishing takes effect
/// at once and file-based content keeps working: a file with a higher version number wins again.
/// </summary>
public sealed class PublishedContentOverlay(ContentCatalog catalog, SqlContentEditStore edits, TimeProvider time, ILogger<PublishedContentOverlay> logger) : IHostedService, IDisposable
{
    /// <summary>How often a node looks for versions another node published (nodes sharing a PostgreSQL database).</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    private long mark = -1;
    private ITimer? poll;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        mark = edits.PublishedMark();
        catalog.LayOver(Apply);
        poll = time.CreateTimer(_ => Poll(), null, PollInterval, PollInterval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        poll?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => poll?.Dispose();

    /// <summary>Re-applies the database's published versions to the current content (after a publish).</summary>
    public void Refresh()
    {
        mark = edits.PublishedMark();
        catalog.Relayer();
    }

    private void Poll()
    {
        try
        {
            if (edits.PublishedMark() != mark)
            {
                Refresh();
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Could not check for newly published content; trying again in {Interval}", PollInterval);
        }
    }

    public static ContentItem Build(ContentEdit edit, ContentItem? current, ContentItem? template, string? sourceVersionFrom = null)
    {
        var basis = current ?? template ?? throw new InvalidOperationException($"no item {edit.ContentId} in any language to base {edit.Language} on");
        return basis with
        {
            Language = edit.Language,
            Title = edit.Title,
            Sms = edit.Sms,
            Web = edit.Web,
            Keywords = edit.Keywords is null ? basis.Keywords : EditLines.Split(edit.Keywords),
            Examples = edit.Examples is null ? basis.Examples : EditLines.Split(edit.Examples),
            Version = edit.Version,
            Status = "published",
            ReviewedBy = edit.Reviewer,
            ReviewedOn = edit.PublishedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            SourceVersion = current is null ? template?.Version : current.SourceVersion,
            File = current?.File ?? Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(basis.File)) ?? "", edit.Language, edit.ContentId + ".md"),
        };
    }

    /// <summary>The files' library with the published versions laid over it (the catalog asks on every swap).</summary>
    private ContentLibrary Apply(ContentLibrary library)
    {
        if (library.Items.Count == 0)
        {
            return library; // not loaded yet: laid over when it is
        }

        var result = library;
        // Only the deployment's languages: an edit in another one (published before they were checked) is not served.
        foreach (var edit in edits.LatestPublished().Where(e => ContentWorkflow.IsSupportedLanguage(e.Language)))
        {
            result = DraftLibrary.With(result, edit);
        }

        if (!ReferenceEquals(result, library))
        {
            var changed = result.Items.Except(library.Items).Count()
                + result.Triage.Values.Except(library.Triage.Values).Count();
            logger.LogInformation("Serving {Count} content versions published in the workspace", changed);
        }

        return result;
    }
}
