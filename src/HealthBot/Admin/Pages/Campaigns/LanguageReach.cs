using HealthBot.Campaigns;

namespace HealthBot.Admin.Pages.Campaigns;

/// <summary>
/// What the contacts of one language get from a campaign: its messages (<see cref="WithText"/> of
/// <see cref="Messages"/> have a text in that language), nothing because no message has a text in it, or nothing
/// because the audience does not include the language.
/// </summary>
public sealed record LanguageReach(string Language, int Contacts, string Outcome, int WithText, int Messages)
{
    public const string Gets = "gets";
    public const string NoText = "no-text";
    public const string NotChosen = "not-chosen";

    /// <summary>One row per language that has contacts or a text, in the service's language order.</summary>
    public static IReadOnlyList<LanguageReach> For(CampaignDefinition definition, IReadOnlyDictionary<string, int> contactsByLanguage)
    {
        var messages = (definition.Messages ?? []).OfType<CampaignMessage>().ToList();
        var written = messages.SelectMany(m => (m.Text ?? new Dictionary<string, string>()).Where(t => !string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
        var chosen = definition.Who.Languages;
        var order = CampaignValidator.Languages.ToList();
        return contactsByLanguage.Keys.Concat(written).Concat(chosen ?? []).Distinct(StringComparer.Ordinal)
            .OrderBy(l => order.IndexOf(l) is var i and >= 0 ? i : int.MaxValue).ThenBy(l => l, StringComparer.Ordinal)
            .Select(language =>
            {
                var withText = messages.Count(m => m.Text?.GetValueOrDefault(language) is { } text && !string.IsNullOrWhiteSpace(text));
                var outcome = chosen is { Count: > 0 } && !chosen.Contains(language) ? NotChosen : withText == 0 ? NoText : Gets;
                return new LanguageReach(language, contactsByLanguage.GetValueOrDefault(language), outcome, withText, messages.Count);
            }).ToList();
    }

    /// <summary>Contacts per outcome, for the sentence above the table.</summary>
    public static int Total(IEnumerable<LanguageReach> reach, string outcome) => reach.Where(r => r.Outcome == outcome).Sum(r => r.Contacts);
}
