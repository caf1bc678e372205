using System.Globalization;
using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.Extensions.Options;

namespace HealthBot.Campaigns;

/// <summary>
/// <c>JOIN PREGNANCY 2027-03-15</c> and <c>LEAVE PREGNANCY</c> in English, French, Swahili, Portuguese and Hindi: joins
/// the topic's group, records the date it counts from (parsed leniently, see <see cref="LenientDate"/>), records explicit
/// consent, and confirms in the language the keyword was written in.
/// </summary>
public sealed class CampaignKeywords(SqlAudienceStore audience, TimeProvider time, IOptions<DialogOptions> dialog) : IKeywordHandler
{
    /// <summary>A topic people can join; <see cref="DateField"/> names the date they send with it, when one is needed.</summary>
    public sealed record Topic(string Group, string? DateField, int DaysBefore, int DaysAfter, IReadOnlyDictionary<string, string> Names);

    public static readonly IReadOnlyList<Topic> Topics =
    [
        new("pregnancy", "due_date", 12 * 7, 44 * 7, Names(("en", "pregnancy"), ("fr", "grossesse"), ("sw", "mimba"), ("pt", "gravidez"), ("hi", "garbh"))),
        new("vaccination", "birth_date", 5 * 365, 0, Names(("en", "vaccination"), ("fr", "vaccination"), ("sw", "chanjo"), ("pt", "vacina"), ("hi", "tika"))),
        new("alerts", null, 0, 0, Names(("en", "alerts"), ("fr", "alertes"), ("sw", "tahadhari"), ("pt", "alertas"), ("hi", "chetavani"))),
    ];

    private static readonly Dictionary<string, (string Language, bool Join)> Verbs = Words(
        ("en", true, "join"), ("fr", true, "rejoindre inscrire inscription"), ("sw", true, "jiunge jisajili"), ("pt", true, "entrar inscrever aderir"),
        ("hi", true, "judo judiye जुड़ें जुड़ो जुडें"), ("en", false, "leave"), ("fr", false, "quitter"), ("sw", false, "jitoe ondoka"),
        ("pt", false, "deixar"), ("hi", false, "chhodo छोड़ें छोड़ो"));

    private static readonly Dictionary<string, (string Language, Topic Topic)> TopicWords = Topics.SelectMany((topic, i) => (i switch
    {
        0 => new[] { ("en", "pregnancy pregnant"), ("fr", "grossesse enceinte"), ("sw", "mimba ujauzito"), ("pt", "gravidez gravida"), ("hi", "garbh garbhavastha गर्भ गर्भावस्था") },
        1 => [("en", "vaccination vaccines vaccine"), ("fr", "vaccins vaccin"), ("sw", "chanjo"), ("pt", "vacina vacinas vacinacao"), ("hi", "tika teeka टीका टीकाकरण")],
        _ => [("en", "alerts alert"), ("fr", "alertes alerte"), ("sw", "tahadhari"), ("pt", "alertas alerta"), ("hi", "chetavani चेतावनी")],
    }).SelectMany(p => p.Item2.Split(' ').Select(w => (Word: Key(w), p.Item1, topic)))).GroupBy(x => x.Word).ToDictionary(g => g.Key, g => (g.First().Item2, g.First().topic));

    public async Task<KeywordReply?> TryHandleAsync(Contact contact, NormalizedText text, CancellationToken ct)
    {
        if (text.Tokens.Count < 2 || !Verbs.TryGetValue(text.Tokens[0], out var verb) || !TopicWords.TryGetValue(text.Tokens[1], out var named))
        {
            return null;
        }

        var language = contact.Language ?? (verb.Language == named.Language ? verb.Language : dialog.Value.DefaultLanguage);
        var topic = named.Topic;
        var name = topic.Names.GetValueOrDefault(language, topic.Group);
        if (!verb.Join)
        {
            await audience.LeaveAsync(contact.Id, topic.Group);
            return Reply(language, "left", name, null);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (topic.DateField is not null)
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var rest = string.Join(' ', text.Clean.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2));
            if (LenientDate.Parse(rest) is not { } date || date < today.AddDays(-topic.DaysBefore) || date > today.AddDays(topic.DaysAfter))
            {
                return Reply(language, "ask_date", name, today.AddDays(topic.DaysAfter / 2));
            }

            fields[topic.DateField] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        await audience.SubscribeAsync(contact.Channel, contact.Address, topic.Group, fields, Consent.OptedIn, contact.Language is null ? language : null);
        return Reply(language, "joined", name, fields.Count > 0 ? DateOnly.ParseExact(fields.Values.First(), "yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
    }

    private static KeywordReply Reply(string language, string message, string topic, DateOnly? date)
    {
        var text = CampaignKeywordTexts.Get(language, message)
            .Replace("{topic}", topic, StringComparison.Ordinal)
            .Replace("{TOPIC}", topic.ToUpperInvariant(), StringComparison.Ordinal)
            .Replace("{date}", date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal);
        return new KeywordReply(text, language, "subscription");
    }

    private static Dictionary<string, string> Names(params (string Language, string Name)[] names) => names.ToDictionary(n => n.Language, n => n.Name);

    private static Dictionary<string, (string, bool)> Words(params (string Language, bool Join, string Words)[] groups) =>
        groups.SelectMany(g => g.Words.Split(' ').Select(w => (Key(w), (g.Language, g.Join)))).GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.First().Item2);

    /// <summary>A word as the normalizer tokenizes it, so it compares with the tokens of a message.</summary>
    private static string Key(string word) => string.Join(' ', TextNormalizer.Normalize(word).Tokens);
}
