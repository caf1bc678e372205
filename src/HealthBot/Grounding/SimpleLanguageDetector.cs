using HealthBot.Dialog;

namespace HealthBot.Grounding;

/// <summary>
/// A first language guess for short messages: Devanagari script means Hindi; otherwise common function words
/// of each language vote, and the contact's stored language wins ties. Romanized Hindi counts as Hindi.
/// </summary>
public sealed class SimpleLanguageDetector : ILanguageDetector
{
    public const string DefaultLanguage = "en";

    private static readonly Dictionary<string, HashSet<string>> Markers = new()
    {
        ["en"] = ["the", "what", "how", "is", "my", "i", "can", "do", "when", "should", "you", "and", "of", "to", "have", "are", "it", "a"],
        ["fr"] = ["le", "la", "les", "de", "des", "est", "que", "quoi", "comment", "mon", "ma", "mes", "je", "j", "un", "une", "et", "pour", "faire", "quand", "il", "c", "du", "au", "pas", "avec"],
        ["sw"] = ["ni", "na", "ya", "wa", "za", "kwa", "nini", "gani", "vipi", "wangu", "mtoto", "nifanye", "je", "lini", "kuna", "hii", "yangu", "sana"],
        ["pt"] = ["o", "a", "os", "as", "de", "do", "da", "que", "como", "meu", "minha", "e", "um", "uma", "para", "com", "nao", "quando", "esta", "tenho", "fazer"],
        ["hi"] = ["kya", "hai", "hain", "ke", "ki", "ko", "me", "mein", "se", "kaise", "kab", "mujhe", "mera", "meri", "karu", "karen", "nahi", "aur", "bhi", "ho"],
    };

    public LanguageGuess Detect(NormalizedText text, string? prior)
    {
        if (text.Folded.Any(c => c is >= '\u0900' and <= '\u097F'))
        {
            return new LanguageGuess("hi", 1.0);
        }

        var votes = Markers.ToDictionary(m => m.Key, m => text.Tokens.Count(m.Value.Contains));
        var best = votes.MaxBy(v => v.Value);
        if (best.Value == 0)
        {
            return new LanguageGuess(prior ?? DefaultLanguage, 0.0);
        }

        if (prior is not null && votes.TryGetValue(prior, out var priorVotes) && priorVotes == best.Value)
        {
            return new LanguageGuess(prior, 0.5);
        }

        return new LanguageGuess(best.Key, (double)best.Value / text.Tokens.Count);
    }
}
