using HealthBot.Content;
using HealthBot.Data;

namespace HealthBot.Admin;

public sealed record GridCell(string Language, string State, int? Version);

public sealed record GridRow(string Id, string Title, IReadOnlyList<GridCell> Cells);

/// <summary>
/// The topic × language grid: what exists, what waits for review, and which translations lag behind their source.
/// </summary>
public static class ContentGrid
{
    public const string SourceLanguage = "en";

    public static IReadOnlyList<GridRow> Build(ContentLibrary library, IReadOnlyList<ContentEdit> open)
    {
        var languages = library.Languages.Order(StringComparer.Ordinal).ToList();
        open = open.Where(e => !e.IsTriage).ToList(); // the rules have their own page
        var byKey = open.GroupBy(e => (e.ContentId, e.Language)).ToDictionary(g => g.Key, g => g.Last());
        return library.Items.Select(i => i.Id).Concat(open.Select(e => e.ContentId)).Distinct()
            .Order(StringComparer.Ordinal)
            .Select(id => Row(library, id, languages, byKey))
            .ToList();
    }

    public static string StateOf(ContentItem? item, ContentItem? source, ContentEdit? open)
    {
        if (open is not null)
        {
            return open.State; // draft or review
        }

        if (item is null)
        {
            return "missing";
        }

        if (!item.IsPublished)
        {
            return "draft";
        }

        return source is not null && item.Language != source.Language && (item.SourceVersion ?? 0) < source.Version
            ? "stale"
            : "published";
    }

    private static GridRow Row(
        ContentLibrary library, string id, List<string> languages, Dictionary<(string, string), ContentEdit> open)
    {
        var source = library.Find(id, SourceLanguage);
        var cells = languages.Select(language =>
        {
            var item = library.Find(id, language);
            var edit = open.GetValueOrDefault((id, language));
            // A cell names the version its state is about: the one under review or in draft, else the published one.
            return new GridCell(language, StateOf(item, source, edit), edit?.Version ?? item?.Version);
        }).ToList();
        return new GridRow(id, source?.Title ?? library.Items.FirstOrDefault(i => i.Id == id)?.Title ?? id, cells);
    }
}
