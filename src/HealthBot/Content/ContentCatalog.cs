using Microsoft.Extensions.Options;

namespace HealthBot.Content;

/// <summary>
/// Holds the current <see cref="ContentLibrary"/> and swaps in a new snapshot when files change,
/// so that publishing takes effect without a restart. Readers always see one consistent snapshot.
/// </summary>
public sealed class ContentCatalog(IOptions<ContentOptions> options, TimeProvider time, ILogger<ContentCatalog> logger) : IDisposable
{
    private readonly string directory = options.Value.ResolveDirectory();
    private FileSystemWatcher? watcher;
    private Timer? debounce;
    private volatile ContentLibrary library = ContentLibrary.Empty;

    public event Action<ContentLibrary>? Reloaded;

    public ContentLibrary Current => library;

    public string Directory => directory;

    public bool IsLoaded => library.Items.Count > 0;

    public ContentLibrary Reload()
    {
        var loaded = ContentLoader.Load(directory, time.GetUtcNow());
        foreach (var error in loaded.Errors.Take(20))
        {
            logger.LogWarning("Content problem: {Error}", error.ToString());
        }

        logger.LogInformation(
            "Loaded {Count} content items in {Languages} languages from {Directory} ({Errors} problems)",
            loaded.Items.Count, loaded.Languages.Count(), directory, loaded.Errors.Count);
        library = loaded;
        Reloaded?.Invoke(loaded);
        return loaded;
    }

    /// <summary>Replaces the current content with an already loaded library (benchmarks, tests, imports).</summary>
    public void Set(ContentLibrary loaded)
    {
        library = loaded;
        Reloaded?.Invoke(loaded);
    }

    public void StartWatching()
    {
        if (!options.Value.WatchForChanges || !System.IO.Directory.Exists(directory) || watcher is not null)
        {
            return;
        }

        debounce = new Timer(_ => SafeReload(), null, Timeout.Infinite, Timeout.Infinite);
        watcher = new FileSystemWatcher(directory, "*.md") { IncludeSubdirectories = true, EnableRaisingEvents = true };
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
