using System.Text.RegularExpressions;

namespace HealthBot.Safety;

/// <summary>
/// SMS spelling folded before the danger-sign rules are matched, the same way for rule phrases and messages:
/// letters held down ("bleeeding", "helppp") keep two, shorthand is written out ("2day", "b4", "pls", "n" for
/// "and"), and a number stuck to its unit is split ("4dys" is "4 days", "8mths" is "8 months", "1yr" is "1 years").
/// A message also gets a word for an age written in numbers (<see cref="TriageAges"/>).
/// </summary>
internal static partial class TriageSpelling
{
    /// <summary>Shorthand people text, with the word it stands for (one or more words).</summary>
    private static readonly Dictionary<string, string> Shorthand = new(StringComparer.Ordinal)
    {
        ["2day"] = "today", ["2dy"] = "today", ["tdy"] = "today", ["2nite"] = "tonight", ["2nyt"] = "tonight",
        ["tonite"] = "tonight", ["2moro"] = "tomorrow", ["2mrw"] = "tomorrow", ["tmrw"] = "tomorrow",
        ["b4"] = "before", ["n"] = "and", ["nd"] = "and", ["pls"] = "please", ["plz"] = "please",
        ["plis"] = "please", ["pliz"] = "please", ["plse"] = "please", ["u"] = "you", ["ur"] = "your",
        ["r"] = "are", ["hlp"] = "help", ["hlep"] = "help", ["nt"] = "not", ["dnt"] = "dont", ["cnt"] = "cant",
        ["wnt"] = "wont", ["bby"] = "baby", ["bbe"] = "baby", ["lyk"] = "like", ["lk"] = "like",
        ["evry"] = "every", ["hw"] = "how", ["wat"] = "what", ["wht"] = "what", ["abt"] = "about",
        ["bcoz"] = "because", ["coz"] = "because", ["cuz"] = "because", ["rn"] = "right now", ["asap"] = "now",
        ["yrs"] = "years", ["mths"] = "months", ["wks"] = "weeks", ["dys"] = "days", ["hrs"] = "hours",
        ["mnths"] = "months",
    };

    /// <summary>Units written right after a number, as the whole word (any of the five languages).</summary>
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["d"] = "days", ["dy"] = "days", ["dys"] = "days", ["day"] = "day", ["days"] = "days", ["dias"] = "dias",
        ["dia"] = "dia", ["j"] = "jours", ["jrs"] = "jours", ["jours"] = "jours", ["jour"] = "jour", ["din"] = "din",
        ["w"] = "weeks", ["wk"] = "weeks", ["wks"] = "weeks", ["week"] = "week", ["weeks"] = "weeks",
        ["sem"] = "semaines", ["m"] = "months", ["mo"] = "months", ["mos"] = "months", ["mth"] = "months",
        ["mths"] = "months", ["mnth"] = "months", ["mnths"] = "months", ["month"] = "month", ["months"] = "months",
        ["mois"] = "mois", ["meses"] = "meses", ["y"] = "years", ["yr"] = "years", ["yrs"] = "years",
        ["year"] = "year", ["years"] = "years", ["yo"] = "years old", ["ans"] = "ans", ["an"] = "an",
        ["anos"] = "anos", ["ano"] = "ano", ["h"] = "hours", ["hr"] = "hours", ["hrs"] = "hours", ["min"] = "min",
        ["mins"] = "mins", ["saal"] = "saal", ["sal"] = "sal", ["mahine"] = "mahine", ["mahina"] = "mahina",
    };

    /// <summary>Marks the end of a sentence or clause (",", ".", "!", "?", ";") between two words.</summary>
    public const string ClauseBreak = ",";

    /// <summary>
    /// The message's words with its clause breaks kept: a negation stops at a comma ("il pleure sans larmes,
    /// diarrhee depuis hier" still says diarrhoea).
    /// </summary>
    public static IReadOnlyList<string> Words(string folded)
    {
        var words = new List<string>();
        foreach (var part in Clauses().Split(folded))
        {
            var tokens = HealthBot.Dialog.TextNormalizer.Tokenize(part);
            if (tokens.Count > 0 && words.Count > 0 && words[^1] != ClauseBreak)
            {
                words.Add(ClauseBreak);
            }

            words.AddRange(tokens);
        }

        return words;
    }

    /// <summary>The rule phrase's or message's words, folded; a message also gets its age words.</summary>
    public static IReadOnlyList<string> Fold(IReadOnlyList<string> tokens, bool message)
    {
        var folded = new List<string>(tokens.Count + 2);
        foreach (var token in tokens)
        {
            var word = Repeated().Replace(token, "$1$1");
            if (Shorthand.TryGetValue(word, out var full))
            {
                folded.AddRange(full.Split(' '));
            }
            else if (NumberAndUnit().Match(word) is { Success: true } split && Units.TryGetValue(split.Groups[2].Value, out var unit))
            {
                folded.Add(split.Groups[1].Value);
                folded.AddRange(unit.Split(' '));
            }
            else
            {
                folded.Add(word);
            }
        }

        // After a clause break: "comment l aider a pas recommencer" must not negate the "3 years ago" added after it.
        if (message && TriageAges.Words(folded).ToList() is { Count: > 0 } ages)
        {
            folded.Add(ClauseBreak);
            folded.AddRange(ages);
        }

        return folded;
    }

    /// <summary>"&amp;" and "+" join clauses like "and": "no fever &amp; she is fitting" still says fitting.</summary>
    [GeneratedRegex(@"(?<!\d)[,;.!?]+|[,;.!?]+(?!\d)|[&+]")]
    private static partial Regex Clauses();

    [GeneratedRegex(@"(\p{L})\1{2,}")]
    private static partial Regex Repeated();

    [GeneratedRegex(@"^(\d{1,3})([a-z]+)$")]
    private static partial Regex NumberAndUnit();
}
