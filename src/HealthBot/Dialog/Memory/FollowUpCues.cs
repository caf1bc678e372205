using System.Collections.Concurrent;
using HealthBot.Grounding;

namespace HealthBot.Dialog.Memory;

/// <summary>
/// How people continue a conversation, per language: a message that opens with a <see cref="Leads"/> phrase
/// ("and for…", "what about…") or refers back with a pronoun near its start ("how much should HE drink") is read
/// as a follow-up of the last topic. Data, not special cases: add a language by adding its two lists.
/// </summary>
internal static class FollowUpCues
{
    /// <summary>Phrases that open a follow-up.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Leads = new Dictionary<string, string[]>
    {
        ["en"] = ["and", "what about", "how about", "also", "but", "is it", "is that", "is this", "can it", "what if", "for",
            "then", "same", "so", "ok and", "what now", "now what"],
        ["fr"] = ["et", "et pour", "et si", "et le", "et la", "pour", "aussi", "mais", "quoi de", "c est", "est ce", "et maintenant",
            "alors", "meme"],
        ["sw"] = ["na", "je", "vipi", "pia", "lakini", "kwa", "na kwa", "sasa", "halafu", "je ni", "na je"],
        ["pt"] = ["e", "e para", "e se", "e o", "e a", "para", "tambem", "mas", "e quanto", "quanto a", "e agora", "entao", "e isso"],
        ["hi"] = ["और", "aur", "to", "तो", "lekin", "लेकिन", "par", "पर", "kya yeh", "क्या यह", "kya ye", "ab", "अब", "aur agar"],
    };

    /// <summary>Words that point back to someone or something already named.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Pronouns = new Dictionary<string, string[]>
    {
        ["en"] = ["he", "she", "it", "him", "her", "his", "they", "them", "this", "that", "these", "those"],
        ["fr"] = ["il", "elle", "ils", "elles", "lui", "ca", "cela", "ceci", "celui", "celle", "y", "en"],
        ["sw"] = ["yeye", "huyo", "huyu", "hiyo", "hii", "hili", "hilo", "hizo", "hao", "wao", "ana", "anaweza", "apewe", "anywe"],
        ["pt"] = ["ele", "ela", "eles", "elas", "isso", "isto", "dele", "dela", "nele", "nela", "lhe"],
        ["hi"] = ["वह", "वो", "उसे", "उसको", "उसका", "उसकी", "इसे", "इसका", "यह", "ये", "wo", "woh", "vo", "use", "usko", "uska",
            "uski", "ise", "iska", "yeh", "ye"],
    };

    /// <summary>Phrases that announce a new question ("one more question", "autre question").</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Afresh = new Dictionary<string, string[]>
    {
        ["en"] = ["another question", "other question", "new question", "one more question", "different question",
            "something else", "unrelated"],
        ["fr"] = ["autre question", "une autre question", "nouvelle question", "encore une question", "autre chose"],
        ["sw"] = ["swali lingine", "swali jingine", "swali jipya", "jambo lingine", "kitu kingine"],
        ["pt"] = ["outra pergunta", "outra duvida", "nova pergunta", "mais uma pergunta", "outra coisa"],
        ["hi"] = ["ek aur sawaal", "ek aur sawal", "dusra sawaal", "dusra sawal", "naya sawaal", "naya sawal",
            "एक और सवाल", "दूसरा सवाल", "नया सवाल"],
    };

    /// <summary>Whether the message says it asks something new: then it leaves even an emergency more easily.</summary>
    public static bool StartsAfresh(NormalizedText text, string language)
    {
        var tokens = text.Tokens;
        return Afresh.GetValueOrDefault(language, []).Concat(Afresh["en"])
            .Select(p => TextNormalizer.Normalize(p).Tokens)
            .Any(p => Enumerable.Range(0, Math.Max(0, tokens.Count - p.Count + 1))
                .Any(i => p.Select((w, j) => tokens[i + j] == w).All(m => m)));
    }

    /// <summary>How far into the message a pronoun still marks a follow-up ("is it safe…", "how much should he…").</summary>
    private const int PronounReach = 4;

    private static readonly Lazy<Dictionary<string, (string[][] Leads, HashSet<string> Pronouns)>> Parsed = new(() =>
        Leads.Keys.ToDictionary(l => l, l => (
            Leads[l].Select(p => TextNormalizer.Normalize(p).Tokens.ToArray()).ToArray(),
            Pronouns[l].SelectMany(p => TextNormalizer.Normalize(p).Tokens).ToHashSet(StringComparer.Ordinal))));

    /// <summary>Whether the message reads as continuing the conversation: a lead phrase, or a pronoun near the start.</summary>
    public static bool Continues(NormalizedText text, string language)
    {
        if (!Parsed.Value.TryGetValue(language, out var cues) || text.Tokens.Count == 0)
        {
            return false;
        }

        var tokens = text.Tokens;
        return cues.Leads.Any(lead => lead.Length <= tokens.Count && lead.Select((w, i) => tokens[i] == w).All(m => m))
            || tokens.Take(PronounReach).Any(cues.Pronouns.Contains);
    }

    private static readonly ConcurrentDictionary<string, HashSet<string>> People = new(StringComparer.Ordinal);

    /// <summary>
    /// Stems of the words that say who is affected and how old (the triage's lists: "baby", "mtoto mchanga",
    /// "months", "ans"), in the language and in English.
    /// </summary>
    public static HashSet<string> PersonStems(string language) => People.GetOrAdd(language, lang =>
        Safety.TriageDefaults.Affected
            .SelectMany(a => new[] { a.Words.GetValueOrDefault(lang), a.Words.GetValueOrDefault("en") })
            .SelectMany(w => TextNormalizer.Normalize(w ?? string.Empty).Tokens)
            .Select(t => Stemmer.MatchStem(t, lang)).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Whether the message only says who or how old ("il a 4 mois", "ana miezi 10"): no sign of anything in it.
    /// </summary>
    public static bool SaysOnlyWho(NormalizedText text, string language)
    {
        var people = PersonStems(language);
        var words = ContentWords(text, language);
        return words.Count > 0 && words.All(w => people.Contains(Stemmer.MatchStem(w, language)));
    }

    /// <summary>The words that carry the follow-up's meaning: not cues, not function words.</summary>
    public static IReadOnlyList<string> ContentWords(NormalizedText text, string language)
    {
        var skip = new HashSet<string>(StringComparer.Ordinal);
        if (Parsed.Value.TryGetValue(language, out var cues))
        {
            skip.UnionWith(cues.Pronouns);
            skip.UnionWith(cues.Leads.SelectMany(l => l));
        }

        skip.UnionWith(TextNormalizer.Normalize(LanguageSeeds.FunctionWords.GetValueOrDefault(language) ?? string.Empty).Tokens);
        return text.Tokens.Where(t => !skip.Contains(t) && !t.All(char.IsDigit)).ToList();
    }
}
