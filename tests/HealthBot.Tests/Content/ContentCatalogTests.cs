using HealthBot.Content;
using HealthBot.Dialog;
using HealthBot.Grounding;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthBot.Tests.Content;

/// <summary>
/// What the catalog shows and what was built from it (the retrieval index, the triage rules) change together: a new
/// library becomes current only once every listener has it, and the workspace's published edits are laid over a
/// reload before any listener is told.
/// </summary>
public sealed class ContentCatalogTests
{
    private const string Word = "zibbowash";

    [Fact]
    public void A_keyword_the_catalog_shows_is_already_answered_by_the_retriever()
    {
        using var catalog = Load();
        LexicalRetriever? retriever = null;
        var answered = new List<string?>();
        // Told before the retriever: it stands for a message read while the catalog is still telling its listeners.
        catalog.Reloaded += _ =>
        {
            if (catalog.Current.Find("handwashing", "en")!.Keywords.Contains(Word))
            {
                answered.Add(retriever!.Retrieve(TextNormalizer.Normalize($"what is {Word}"), "en").Best?.Id);
            }
        };
        retriever = new LexicalRetriever(catalog);

        catalog.Set(WithKeyword(catalog.Current));

        Assert.All(answered, id => Assert.Equal("handwashing", id));
        Assert.Equal("handwashing", retriever.Retrieve(TextNormalizer.Normalize($"what is {Word}"), "en").Best?.Id);
    }

    [Fact]
    public void Edits_laid_over_the_files_reach_every_listener_on_a_reload_and_none_is_told_the_files_alone()
    {
        using var catalog = Load();
        var told = new List<ContentLibrary>();
        catalog.Reloaded += told.Add;
        catalog.LayOver(WithKeyword);

        catalog.Reload();

        Assert.Equal(2, told.Count); // laid over the loaded files, then over the reloaded ones
        Assert.All(told, library => Assert.Contains(Word, library.Find("handwashing", "en")!.Keywords));
        Assert.Contains(Word, catalog.Current.Find("handwashing", "en")!.Keywords);
    }

    [Fact]
    public void Laying_over_nothing_published_rebuilds_nothing_so_the_start_is_not_slowed_by_a_second_build()
    {
        using var catalog = Load();
        var told = new List<ContentLibrary>();
        catalog.Reloaded += told.Add;
        var files = catalog.Current;

        catalog.LayOver(library => library); // the workspace's overlay when nothing was published
        catalog.Relayer();

        Assert.Empty(told); // the triage rules, language profiles and index were built from this library already
        Assert.Same(files, catalog.Current);
        catalog.LayOver(WithKeyword);
        Assert.Single(told); // something published still reaches every listener
    }

    [Fact]
    public void A_listener_cannot_replace_the_library_it_is_told()
    {
        using var catalog = Load();
        catalog.Reloaded += library => catalog.Set(WithKeyword(library));

        Assert.Throws<InvalidOperationException>(() => catalog.Reload());
    }

    private static ContentCatalog Load()
    {
        var options = new ContentOptions { Directory = HealthBotFactory.ContentDirectory, WatchForChanges = false };
        var catalog = new ContentCatalog(
            Options.Create(options), TimeProvider.System, NullLogger<ContentCatalog>.Instance);
        catalog.Reload();
        return catalog;
    }

    private static ContentLibrary WithKeyword(ContentLibrary library)
    {
        var item = library.Find("handwashing", "en")!;
        var edited = item with { Keywords = [.. item.Keywords, Word] };
        return library with { Items = [.. library.Items.Where(i => i != item), edited] };
    }
}
