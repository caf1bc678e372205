using HealthBot.Cli;
using HealthBot.Data;

namespace HealthBot.Content;

/// <summary>
/// The outcome of <c>content import</c>; <see cref="Errors"/> are versions whose text changed without a new version
/// number.
/// </summary>
public sealed record ContentImportResult(int Imported, int Unchanged, IReadOnlyList<ContentError> Errors)
{
    public string Summary =>
        $"imported {Plural.Of(Imported, "new version")}, {Unchanged} unchanged, {Plural.Of(Errors.Count, "error")}";
}

/// <summary>
/// Records the published items of a <see cref="ContentLibrary"/> as versions in <see cref="IContentVersionStore"/>.
/// </summary>
public sealed class ContentImporter(IContentVersionStore store, TimeProvider time)
{
    public async Task<ContentImportResult> ImportAsync(ContentLibrary library, CancellationToken ct = default)
    {
        var published = library.Items.Where(i => i.IsPublished).ToList();
        var outcome = await store.ImportAsync(published, time.GetUtcNow(), ct);
        return new ContentImportResult(
            outcome.Imported, outcome.Unchanged, outcome.Changed.Select(ChangedWithoutNewVersion).ToList());
    }

    private static ContentError ChangedWithoutNewVersion(ContentItem item) => new(item.File, VersionLine(item.File),
        $"changed without a new version: version {item.Version} was already published with different text, " +
        "which is kept; add 1 to 'version' to publish this text");

    private static int VersionLine(string file)
    {
        try
        {
            return ContentFileParser.Parse(file, File.ReadAllText(file)).LineOf("version");
        }
        catch (IOException)
        {
            return 0; // the file went away since it was loaded; the message still names it
        }
    }
}
