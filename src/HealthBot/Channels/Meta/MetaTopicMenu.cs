using HealthBot.Content;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Meta;

/// <summary>
/// The topics offered as an interactive list under the help reply, in the person's language: the configured
/// <see cref="MetaWhatsAppOptions.TopicIds"/> that are published in it. Tapping one sends its title back as the
/// person's message, which the dialog answers like a typed question.
/// </summary>
public sealed class MetaTopicMenu(ContentCatalog catalog, IOptions<MetaWhatsAppOptions> options)
{
    private static readonly Dictionary<string, string> Buttons = new(StringComparer.Ordinal)
    {
        ["en"] = "Topics", ["fr"] = "Sujets", ["pt"] = "Temas", ["sw"] = "Mada", ["hi"] = "विषय",
    };

    public string Button(string language) => Buttons.GetValueOrDefault(language) ?? Buttons["en"];

    /// <summary>Up to 10 rows; empty when the language has none of the topics (then plain text is sent).</summary>
    public IReadOnlyList<(string Id, string Title)> Rows(string language)
    {
        var library = catalog.Current;
        var ids = options.Value.TopicIds.Count > 0 ? options.Value.TopicIds : MetaWhatsAppOptions.DefaultTopicIds;
        return ids
            .Select(id => library.Find(id, language))
            .Where(item => item is { IsPublished: true })
            .Select(item => (item!.Id, item.Title))
            .Take(MetaRequests.MaxRows)
            .ToList();
    }
}
