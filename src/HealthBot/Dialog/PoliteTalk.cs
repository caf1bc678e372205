using System.Runtime.CompilerServices;
using HealthBot.Content;
using HealthBot.Grounding;

namespace HealthBot.Dialog;

/// <summary>
/// Whether the words said around a thanks or an OK ("ok thanks a lot doctor, that was very clear", "asante sana kwa
/// msaada wenu") only say more of it: they ask nothing (no question word), name no one a follow-up would be about
/// ("he", "elle") and no health subject (no word of any item's keywords in the language or English). Then the message
/// is small talk however many such words it has; otherwise it is read as a question ("thanks, and what about ORS
/// for a baby").
/// </summary>
internal static class PoliteTalk
{
    /// <summary>Words that ask, per language: a thanks followed by one of them is a new question.</summary>
    private static readonly IReadOnlyDictionary<string, string> QuestionWords = new Dictionary<string, string>
    {
        ["en"] = "what how when where why who which whom can could should would shall may must is are do does did " +
                 "will any anything whats hows wat wht hw",
        ["fr"] = "quoi que qu quel quelle quels quelles comment quand ou pourquoi combien qui peut peux dois " +
                 "faut faudrait",
        ["sw"] = "nini gani lini wapi vipi kwanini nani ngapi je nifanye afanye tufanye naweza anaweza inawezekana",
        ["pt"] = "que como quando onde porque porque qual quais quanto quanta quantos quantas quem pode posso devo " +
                 "tem oque",
        ["hi"] = "kya kaise kab kahan kahaan kyu kyun kyon kitna kitni kitne kaun kaunsa kis kaha kese kesa " +
                 "क्या कैसे कब कहां कहाँ " +
                 "क्यों कितना कितनी कितने कौन किस",
    };

    /// <summary>Who a follow-up is about: "ok, he is 5" continues the conversation.</summary>
    private static readonly IReadOnlyDictionary<string, string> PersonWords = new Dictionary<string, string>
    {
        ["en"] = "he she him her his hers they them their hes shes",
        ["fr"] = "il elle ils elles lui leur",
        ["sw"] = "yeye wao",
        ["pt"] = "ele ela eles elas dele dela deles delas",
        ["hi"] = "wo woh vo voh usko uska uski unko unka unki use " +
                 "वह वो उसे उसको उसका उसकी उनको उनका",
    };

    private static readonly ConditionalWeakTable<ContentLibrary, Dictionary<string, List<string[]>>> Keywords =
        new();

    /// <summary>None of <paramref name="others"/> asks, points to someone or names a health subject.</summary>
    public static bool OnlyPolite(IReadOnlyList<string> others, string language, ContentLibrary library)
    {
        var asking = Words(QuestionWords, language);
        var people = Words(PersonWords, language);
        if (others.Any(w => asking.Contains(w) || people.Contains(w)))
        {
            return false;
        }

        // A subject is named by a whole keyword: "clair" alone is thanks ("c est tres clair"), though "bouillie
        // claire" is a keyword of feeding a child.
        bool Names(string lang)
        {
            var said = others.Select(w => Stemmer.MatchStem(w, lang)).ToHashSet(StringComparer.Ordinal);
            return Subjects(library, lang).Any(keyword => keyword.All(said.Contains));
        }

        return !Names(language) && !Names("en");
    }

    /// <summary>The language's keywords, each as the stems of its words but function words.</summary>
    private static List<string[]> Subjects(ContentLibrary library, string language)
    {
        var subjects = Keywords.GetValue(library, _ => new Dictionary<string, List<string[]>>(StringComparer.Ordinal));
        lock (subjects)
        {
            if (!subjects.TryGetValue(language, out var keywords))
            {
                // Keywords are phrases ("cough that wont go"): their function words name no subject.
                var function = TextNormalizer.Normalize(LanguageSeeds.FunctionWords.GetValueOrDefault(language) ?? "")
                    .Tokens.ToHashSet(StringComparer.Ordinal);
                subjects[language] = keywords = library.Items.Where(i => i.Language == language)
                    .SelectMany(i => i.Keywords)
                    .Select(k => TextNormalizer.Normalize(k).Tokens.Where(t => !function.Contains(t))
                        .Select(t => Stemmer.MatchStem(t, language)).ToArray())
                    .Where(k => k.Length > 0).ToList();
            }

            return keywords;
        }
    }

    private static HashSet<string> Words(IReadOnlyDictionary<string, string> table, string language) =>
        TextNormalizer.Normalize($"{table.GetValueOrDefault(language)} {table["en"]}").Tokens
            .ToHashSet(StringComparer.Ordinal);
}
