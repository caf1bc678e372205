using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Safety;

namespace HealthBot.Admin;

/// <summary>An urgent alert as staff read it: what happened, the topic sent after it, and the rule id as a detail.
/// </summary>
public sealed record AlertLabel(string Name, string? Topic, string Rule);

/// <summary>
/// Topics and urgent alerts by their titles in the staff's language: a topic's <c>title:</c> in that language (else
/// English, else any), and an alert by its rule: a <c>## topic: ID</c> rule is that topic's title, a
/// <c>## emergency: NAME</c> rule (no content item) a name from <see cref="UiText"/>. Ids stay a secondary detail.
/// </summary>
public sealed class TopicNames(ContentCatalog catalog)
{
    /// <summary>Emergency rules of the triage files and other alert sources, in plain English (UiText keys).</summary>
    private static readonly Dictionary<string, string> Emergencies = new(StringComparer.Ordinal)
    {
        ["convulsions"] = "Convulsions (fits)",
        ["unconscious"] = "Unconscious",
        ["not-breathing"] = "Not breathing",
        ["severe-bleeding"] = "Severe bleeding",
        ["poisoning"] = "Poisoning",
        ["severe-dehydration"] = "Severe dehydration",
        ["severe-burn"] = "Severe burn",
        ["child-danger-signs"] = "Danger signs in a child",
        ["dog-bite"] = "Dog bite",
        ["fever-danger-signs"] = "Fever with danger signs",
        ["ussd-help-now"] = "Asked for help now (USSD menu)",
        [Safety.SecondOpinion.Rule] = "possible emergency (second opinion)",
        ["urgent"] = "Urgent message",
    };

    /// <summary>The rules with a name of their own (rule → English name), for the completeness test.</summary>
    public static IReadOnlyDictionary<string, string> RuleNames => Emergencies;

    /// <summary>The topic's title in <paramref name="language"/>; the id only when the topic is gone.</summary>
    public string Title(string contentId, string language) =>
        TitleOrNull(contentId, language) ?? contentId;

    public AlertLabel Alert(Alert alert, string language)
    {
        // "en:convulsions": the rules of one language, named after the section heading.
        var name = alert.Rule[(alert.Rule.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var topic = alert.Topic is { Length: > 0 } id ? Title(id, language) : null;
        var title = TitleOrNull(name, language)
            ?? (Emergencies.TryGetValue(name, out var english) ? UiText.Get(language, english) : null)
            ?? topic
            ?? UiText.Get(language, "Urgent message");
        return new AlertLabel(title, topic == title ? null : topic, alert.Rule);
    }

    private string? TitleOrNull(string contentId, string language) =>
        catalog.Current.Find(contentId, language)?.Title
        ?? catalog.Current.Find(contentId, ContentGrid.SourceLanguage)?.Title
        ?? catalog.Current.Items.FirstOrDefault(i => i.Id == contentId)?.Title;
}
