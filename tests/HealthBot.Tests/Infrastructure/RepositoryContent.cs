using HealthBot.Content;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthBot.Tests.Infrastructure;

/// <summary>The repository's real content/ folder, loaded once for unit tests of language and retrieval.</summary>
public static class RepositoryContent
{
    private static readonly Lazy<ContentCatalog> Loaded = new(() =>
    {
        var catalog = new ContentCatalog(
            Options.Create(new ContentOptions { Directory = HealthBotFactory.ContentDirectory, WatchForChanges = false }),
            TimeProvider.System, NullLogger<ContentCatalog>.Instance);
        catalog.Reload();
        return catalog;
    });

    public static ContentCatalog Catalog => Loaded.Value;
}
