using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace HealthBot.Sms;

/// <summary>
/// Words that become another word when <see cref="SmartEncoding.FoldToGsm"/> drops accents GSM-7 cannot carry:
/// Portuguese "faça" (do) would read "faca" (knife), "está" (is) "esta" (this). A text holding one of them is sent
/// unfolded as UCS-2: it costs more segments, but says what was written. Accents GSM-7 keeps (é, è, à, ù, ì, ò,
/// ñ, ä, ö, ü) never fold, so "pécher" or "médico" need no entry. A word is listed in the accented form that folds.
/// The lists are about the language and the GSM alphabet, not about health content, and every path that folds
/// (replies, campaigns, model answers, <c>content validate</c>) needs them without the content library, so they
/// live here; content/README.md says how staff ask for a word to be added.
/// </summary>
public static partial class AccentClashes
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> ByLanguage =
        new Dictionary<string, string[]>
        {
            // Portuguese: verb forms and nouns whose bare spelling is a different common word.
            ["pt"] =
            [
                "faça", "faças", "avó", "avô", "avós", "avôs", "pôr", "está", "estás", "dá", "dás", "dê",
                "dês", "nós", "vós", "nó", "pôde", "têm", "vêm", "país", "ás", "fábrica", "prática", "público",
                "pública", "sábia", "secretária", "específico", "análise",
                "bebê", "bebês", "cocó",
            ],
            // French: the accent is the only difference between the two words.
            ["fr"] =
            [
                "tâche", "tâches", "sûr", "sûre", "sûrs", "sûres", "mûr", "mûre", "mûrs", "mûres",
                "pêcher", "dû", "crû", "côte", "côtes", "jeûne", "jeûnes", "croît", "côté", "châsse", "rôder", "hâler",
            ],
        }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal));

    /// <summary>Every language's list, for callers that fold without knowing the language.</summary>
    private static readonly FrozenSet<string> All = ByLanguage.Values.SelectMany(w => w).ToFrozenSet();

    public static IReadOnlyCollection<string> Words(string language) =>
        ByLanguage.TryGetValue(language, out var words) ? words : [];

    /// <summary>
    /// The listed words of <paramref name="text"/> (as written) that folding would change, each with what it would
    /// become. <paramref name="language"/> null checks every language's list.
    /// </summary>
    public static IReadOnlyList<(string Word, string Folded)> Find(
        string text, string? language, Func<string, string> fold)
    {
        var words = language is null ? All : ByLanguage.GetValueOrDefault(language);
        if (words is null || words.Count == 0)
        {
            return [];
        }

        var found = new List<(string, string)>();
        foreach (Match match in Word().Matches(text))
        {
            var word = match.Value.Normalize(NormalizationForm.FormC);
            if (words.Contains(word.ToLowerInvariant()) && fold(word) is var folded && folded != word)
            {
                found.Add((match.Value, folded));
            }
        }

        return found;
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*")]
    private static partial Regex Word();
}
