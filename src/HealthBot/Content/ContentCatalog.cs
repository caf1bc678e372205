using Microsoft.Extensions.Options;

namespace HealthBot.Content;

/// <summary>
/// Holds the current <see cref="ContentLibrary"/> and swaps in a new snapshot when files change,
/// so that publishing takes effect without a restart. Readers always see one consistent snapshot.
/// </summary>
public sealed class ContentCatalog(IOptions<ContentOptions> options, TimeProvider time, ILogger<ContentCatalog> logger) : IDisposable
{
    private readonly string directory = options.Value.ResolveDirectory();
    private readonly Lock swap = new();
    private FileSystemWatcher? watcher;
    private Timer? debounce;
    private volatile ContentLibrary library = ContentLibrary.Empty;
    private ContentLibrary files = ContentLibrary.Empty;
    private Func<ContentLibrary, ContentLibrary> layer = l => l;
    private bool telling;

    /// <summary>
    /// Told each new library before it becomes <see cref="Current"/>: whoever sees a keyword or a rule in
    /// <see cref="Current"/> finds it in what was built from the library (the retrieval index, the triage rules).
    /// Subscribe with <see cref="Follow"/> to be told the current library too.
    /// </summary>
    public event Action<ContentLibrary>? Reloaded;

    public ContentLibrary Current => library;

    public string Directory => directory;

    public bool IsLoaded => library.Items.Count > 0;

    public ContentLibrary Reload()
    {
        lock (swap)
        {
            var loaded = ContentLoader.Load(directory, time.GetUtcNow());
            foreach (var error in loaded.Errors.Take(20))
            {
                logger.LogWarning("Content problem: {Error}", error.ToString());
            }

            logger.LogInformation(
                "Loaded {Count} content items in {Languages} languages from {Directory} ({Errors} problems)",
                loaded.Items.Count, loaded.Languages.Count(), directory, loaded.Errors.Count);
            files = loaded;
            Swap(layer(loaded));
            return loaded;
        }
    }

    /// <summary>Replaces the files' library with a loaded one (benchmarks, tests, imports); laid over too.</summary>
    public void Set(ContentLibrary loaded)
    {
        lock (swap)
        {
            files = loaded;
            Swap(layer(loaded));
        }
    }

    /// <summary>
    /// Lays <paramref name="overlay"/> (the workspace's published edits) over the files' library, now and on every
    /// reload, before anyone is told: no listener is ever told the files without it.
    /// </summary>
    public void LayOver(Func<ContentLibrary, ContentLibrary> overlay)
    {
        lock (swap)
        {
            layer = overlay;
            Relayer();
        }
    }

    /// <summary>Lays the overlay again over the files' library (it changed: something was published).</summary>
    public void Relayer()
    {
        lock (swap)
        {
            // Nothing published (the usual start): the overlay hands back the library every listener was already
            // told, so rebuilding the triage rules, language profiles and retrieval index again is skipped; it was
            // half of the start-up work before /healthz answered (#16).
            if (files.Items.Count > 0 && layer(files) is var next && !ReferenceEquals(next, library))
            {
                Swap(next);
            }
        }
    }

    /// <summary>Subscribes <paramref name="listener"/> and tells it the current library, no swap in between.</summary>
    public void Follow(Action<ContentLibrary> listener)
    {
        lock (swap)
        {
            Reloaded += listener;
            listener(library);
        }
    }

    /// <summary>
    /// Tells every listener, then makes the library current. One swap at a time, the library computed inside it: a
    /// reload and a poll for published edits cannot finish out of order and leave a listener with the older one.
    /// </summary>
    private void Swap(ContentLibrary next)
    {
        if (telling)
        {
            throw new InvalidOperationException("A content listener may not replace the library: use LayOver.");
        }

        telling = true;
        try
        {
            foreach (var listener in Reloaded?.GetInvocationList() ?? [])
            {
                ((Action<ContentLibrary>)listener)(next);
            }
        }
        finally
        {
            telling = false;
        }

        library = next;
    }

    public void StartWatching()
    {
        if (!options.Value.WatchForChanges || !System.IO.Directory.Exists(directory) || watcher is not null)
        {
            return;
        }

        debounce = new Timer(_ => SafeReload(), null, Timeout.Infinite, Timeout.Infinite);
        // Markdown items and rules, and the second opinion's example files (triage-examples/*.tsv).
        watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true };
        watcher.Filters.Add("*.md");
        watcher.Filters.Add("*.tsv");
        watcher.EnableRaisingEvents = true;
        // Editors write files in several steps; wait for the burst of events to settle before reloading.
        FileSystemEventHandler changed = (_, _) => debounce.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (s, e) => changed(s, e);
    }

    public void Dispose()
    {
        watcher?.Dispose();
        debounce?.Dispose();
    }

    private void SafeReload()
    {
        try
        {
            Reload();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Content reload failed; keeping the previous content");
        }
    }
}
