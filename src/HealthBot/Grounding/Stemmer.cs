using System.Text.RegularExpressions;

namespace HealthBot.Grounding;

/// <summary>
/// Light, per-language stemming for retrieval: enough to join the forms people write ("vacinas"/"vacina",
/// "kujikinga"/"kinga", "टीके"/"टीका") without a dictionary. Errs on the side of cutting too little.
/// </summary>
internal static partial class Stemmer
{
    private static readonly string[] English = ["ing", "ed", "es", "s"];
    private static readonly string[] French =
        ["ements", "ement", "ments", "ment", "ees", "ee", "es", "er", "ez", "e", "s", "x"];
    private static readonly string[] Portuguese =
        ["mente", "coes", "oes", "aes", "ar", "er", "ir", "as", "es", "os", "a", "e", "o", "s"];
    /// <summary>
    /// Romanized Hindi verb endings join the forms of one verb: "bachna", "bachne", "bachein" (to avoid). Not "-ao":
    /// "bachao" (help!) would become "bach", which triage's prefix match finds in "bachche" (children).
    /// </summary>
    private static readonly string[] RomanizedHindi =
        ["iye", "ein", "aye", "na", "ne", "ni", "on", "en", "a", "e", "i", "o"];

    /// <summary>
    /// Romanized Hindi has no fixed spelling: the postposition में ("in") is "mein", "mai" or "me" (short words
    /// match exactly, so they are folded to one form), and long vowels are written doubled or not ("navjaat" and
    /// "navjat", "jaanch" and "janch", "khoon" and "khun", "peena" and "pina"), so doubled vowels are folded too.
    /// </summary>
    private static readonly Dictionary<string, string> HindiSpelling = new(StringComparer.Ordinal)
    {
        ["mein"] = "me", ["mei"] = "me", ["mai"] = "me", ["mien"] = "me",
    };

    public static string Stem(string token, string language)
    {
        if (token.Any(c => c is >= '\u0900' and <= '\u097F'))
        {
            // Chandrabindu and anusvara are written interchangeably (साँप, सांप), the nukta often left out (ख़ून, खून).
            token = token.Replace('\u0901', '\u0902').Replace("\u093C", string.Empty, StringComparison.Ordinal);
            return DevanagariEnding().Replace(token, string.Empty) is { Length: >= 2 } stripped ? stripped : token;
        }

        var stem = language switch
        {
            // "bleed", "feed", "need" are not past tenses: only "bleeding" loses its ending.
            "en" => token.EndsWith("eed", StringComparison.Ordinal) ? token : StripSuffix(token, English, 3),
            "fr" => StripSuffix(token, French, 3),
            "pt" => StripSuffix(token, Portuguese, 3),
            "sw" => StripSwahiliPrefixes(token),
            "hi" => StripSuffix(FoldHindiSpelling(token), RomanizedHindi, 4),
            _ => token,
        };
        return stem.Length > 6 ? stem[..6] : stem;
    }

    /// <summary>
    /// The stem retrieval matches on: <see cref="Stem"/>, except that Hindi in either script becomes one sound key
    /// (<see cref="HindiSoundKey"/>), so romanized questions find Devanagari content. Emergency rules use
    /// <see cref="Stem"/>, whose exact forms they were written for.
    /// </summary>
    public static string MatchStem(string token, string language) =>
        language == "hi"
            ? HindiSoundKey.Key(StripSuffix(FoldHindiSpelling(HindiSoundKey.Romanize(token)), RomanizedHindi, 4))
            : Stem(token, language);

    private static string FoldHindiSpelling(string token) =>
        HindiSpelling.TryGetValue(token, out var folded) ? folded
        : token.Length > 3 ? token.Replace("aa", "a", StringComparison.Ordinal)
            .Replace("ee", "i", StringComparison.Ordinal).Replace("oo", "u", StringComparison.Ordinal)
        : token;

    private static string StripSuffix(string token, string[] suffixes, int minimumStem)
    {
        foreach (var suffix in suffixes)
        {
            if (token.Length - suffix.Length >= minimumStem && token.EndsWith(suffix, StringComparison.Ordinal))
            {
                return token[..^suffix.Length];
            }
        }

        return token;
    }

    /// <summary>
    /// Swahili verbs carry subject, tense and object prefixes: "nikiacha", "kujikinga", "anaharisha".
    /// </summary>
    private static string StripSwahiliPrefixes(string token)
    {
        var match = SwahiliVerb().Match(token);
        var root = match.Success ? match.Groups["root"].Value : token;
        return root.Length >= 4 ? root : token;
    }

    [GeneratedRegex("[\u093E-\u094D\u0901-\u0903]+$")]
    private static partial Regex DevanagariEnding();

    [GeneratedRegex(
        "^(?:(?:ni|u|a|tu|m|wa|i|ki|vi|li|ya|zi|si|ha|hu)(?:na|li|ta|me|ki|ka|nge)|ku)" +
        "(?:ji|m|ni|wa)?(?<root>[a-z]{3,})$")]
    private static partial Regex SwahiliVerb();
}
