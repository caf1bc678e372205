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

    private readonly Lock gate = new();
    private ContentLibrary? applied;
    private long mark = -1;
    private ITimer? poll;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Reloaded += OnReloaded;
        Refresh();
        poll = time.CreateTimer(_ => Poll(), null, PollInterval, PollInterval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.Reloaded -= OnReloaded;
        poll?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => poll?.Dispose();

    /// <summary>Re-applies the database's published versions to the current content (at start, after a publish).</summary>
    public void Refresh()
    {
        mark = edits.PublishedMark();
        Apply(catalog.Current);
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
            Version = edit.Version,
            Status = "published",
            ReviewedBy = edit.Reviewer,
            ReviewedOn = edit.PublishedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            SourceVersion = current is null ? template?.Version : current.SourceVersion,
            File = current?.File ?? Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(basis.File)) ?? "", edit.Language, edit.ContentId + ".md"),
        };
    }

    private void OnReloaded(ContentLibrary library)
    {
        if (!ReferenceEquals(library, applied))
        {
            Apply(library);
        }
    }

    private void Apply(ContentLibrary library)
    {
        if (library.Items.Count == 0)
        {
            return; // not loaded yet: applied when it is (Reloaded)
        }

        lock (gate)
        {
            var items = library.Items.ToList();
            var changed = 0;
            foreach (var edit in edits.LatestPublished())
            {
                var index = items.FindIndex(i => i.Id == edit.ContentId && i.Language == edit.Language);
                if (index >= 0 && items[index].Version >= edit.Version)
                {
                    continue; // the file caught up (exported and committed, or edited further)
                }

                var item = Build(edit, index >= 0 ? items[index] : null, items.FirstOrDefault(i => i.Id == edit.ContentId));
                if (index >= 0)
                {
                    items[index] = item;
                }
                else
                {
                    items.Add(item);
                }

                changed++;
            }

            if (changed == 0)
            {
                return;
            }

            applied = library with { Items = items };
            logger.LogInformation("Serving {Count} content versions published in the workspace", changed);
            catalog.Set(applied);
        }
    }
}
