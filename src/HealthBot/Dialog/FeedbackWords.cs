namespace HealthBot.Dialog;

/// <summary>
/// Reads a short reply to "Was this helpful? Reply 1 yes, 2 no" leniently: the digit or a yes/no word in any of the
/// five languages, optionally with a few polite words ("yes thanks", "2 hapana"). Anything longer is a new message.
/// </summary>
public static class FeedbackWords
{
    private const int MaxTokens = 4;

    // Folded by TextNormalizer: accents are gone from Latin letters ("não" -> "nao"), Devanagari keeps its signs.
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "1", "yes", "y", "yeah", "yep", "yea", "oui", "ouais", "ndiyo", "ndio", "sim", "haan", "han", "haa", "हां", "हाँ", "हा",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "2", "no", "n", "nope", "non", "hapana", "nao", "nahi", "nahin", "nai", "नहीं", "नही", "ना",
    };

    private static readonly HashSet<string> Polite = new(StringComparer.Ordinal)
    {
        "thanks", "thank", "you", "thx", "very", "much", "it", "was", "helpful", "merci", "beaucoup", "asante", "sana", "obrigado", "obrigada",
        "muito", "dhanyavad", "shukriya", "धन्यवाद", "शुक्रिया", "ok", "okay", "sawa",
    };

    /// <summary>A "1" or "2" (perhaps "1 yes"): with no open question it makes no sense as anything else.</summary>
    public static bool IsDigitReply(NormalizedText text) => Parse(text) is not null && text.Tokens[0] is "1" or "2";

    /// <summary>True for yes, false for no, null when the message is not a feedback reply.</summary>
    public static bool? Parse(NormalizedText text)
    {
        if (text.Tokens.Count is 0 or > MaxTokens)
        {
            return null;
        }

        var answer = text.Tokens[0];
        bool? helpful = Yes.Contains(answer) ? true : No.Contains(answer) ? false : null;
        // "2 no" and "1 yes" repeat the answer; any other word makes it a message of its own.
        var rest = text.Tokens.Skip(1).All(t => Polite.Contains(t) || (helpful == true ? Yes : No).Contains(t));
        return rest ? helpful : null;
    }
}
