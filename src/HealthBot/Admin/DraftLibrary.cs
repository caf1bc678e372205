using System.Globalization;
using HealthBot.Content;
using HealthBot.Data;

namespace HealthBot.Admin;

/// <summary>
/// A library with one edit applied: a topic's texts, keywords and examples, or a language's triage rules. The overlay
/// serves published edits this way, and the impact runner evaluates a draft this way before anyone publishes it.
/// </summary>
public static class DraftLibrary
{
    /// <summary>The library with <paramref name="edit"/> applied; unchanged when the file is already as new.</summary>
    public static ContentLibrary With(ContentLibrary library, ContentEdit edit)
    {
        if (edit.IsTriage)
        {
            var current = library.Triage.GetValueOrDefault(edit.Language);
            if (current is not null && VersionOf(current) >= edit.Version)
            {
                return library; // the file caught up
            }

            var triage = new Dictionary<string, ContentDocument>(library.Triage, StringComparer.Ordinal)
            {
                [edit.Language] = ContentFileParser.Parse(
                    current?.File ?? Path.Combine(edit.Language, ContentLoader.TriageFile), edit.Web),
            };
            return library with { Triage = triage };
        }

        var items = library.Items.ToList();
        var index = items.FindIndex(i => i.Id == edit.ContentId && i.Language == edit.Language);
        if (index >= 0 && (items[index].Version > edit.Version
            || (items[index].Version == edit.Version && !SameFacts(items[index], edit))))
        {
            return library; // exported and committed, or edited further in the file
        }

        var item = PublishedContentOverlay.Build(
            edit, index >= 0 ? items[index] : null, items.FirstOrDefault(i => i.Id == edit.ContentId));
        if (index >= 0)
        {
            items[index] = item;
        }
        else
        {
            items.Add(item);
        }

        return library with { Items = items };
    }

    public static int VersionOf(ContentDocument triage) =>
        int.TryParse(triage.Get("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;

    /// <summary>An edit of keywords or examples only keeps its item's version (the facts are the same), so it is
    /// served over the file of that version.</summary>
    private static bool SameFacts(ContentItem item, ContentEdit edit) =>
        item.Title == edit.Title && item.Sms.Trim() == edit.Sms && item.Web.Trim() == edit.Web;
}
