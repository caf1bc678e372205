namespace HealthBot.Safety;

/// <summary>
/// Ages written in numbers, in the five languages: "4 days old", "1yr", "bebe de 3 jours", "ana siku 4", "tem 2 dias",
/// "8 mahine ki beti". An age of 28 days or less adds the word <see cref="Newborn"/> to the message (and
/// <see cref="Child"/>), one under 13 years <see cref="Child"/>, so the rules' <c>when:</c> lines and the affected
/// groups need no list of numbers. A duration is no age: "fever for 4 days", "3 jours de fievre", "siku 3 za homa".
/// </summary>
internal static class TriageAges
{
    public const string Newborn = "agenewborn";
    public const string Child = "agechild";

    /// <summary>Said of months or years ago ("3 years ago", "ya 3 ans", "ha 3 anos", "miaka 3 iliyopita", "in 2019").</summary>
    public const string Past = "timepast";

    /// <summary>
    /// The length of a pregnancy said alone: "wife 34wks", "32 semaines", "wiki 30" (12 to 42 weeks), "7 months along",
    /// "abhi 5 mahine hai", "6 mois et je saigne" (3 to 10 months): not an age, not a duration, not months ago.
    /// </summary>
    public const string Pregnant = "agepregnant";

    /// <summary>Before a number of months, a span rather than a pregnancy: "the last 3 months", "pichle 4 mahine".</summary>
    private static readonly HashSet<string> Span =
    [
        "last", "past", "these", "next", "every", "derniers", "prochains", "ultimos", "proximos", "kila", "pichle",
        "pichhle", "agle",
    ];

    private static readonly HashSet<string> WeekUnits = ["week", "weeks", "semaine", "semaines", "semana", "semanas", "wiki", "hafte", "hafta", "sem", "w",
        "wk", "wks"];

    private static readonly HashSet<string> For = ["for", "since", "depuis", "pendant", "desde", "por", "ha", "tangu", "kwa", "se", "from", "ago", "iliyopita"];

    // Portuguese "faz 2 anos" (two years ago); French "il y a 2 ans" is checked as "y" + "a" (alone, "a" is "has").
    private static readonly HashSet<string> PastBefore = ["ya", "y", "ha", "hace", "back", "in", "en", "em", "mwaka", "faz"];

    private static readonly HashSet<string> PastAfter = ["ago", "iliyopita", "zilizopita", "atras", "pehle", "pahle", "पहले", "passe", "passee", "dernier", "derniere", "passado", "passada"];

    private static readonly HashSet<string> Since = ["since", "depuis", "desde", "tangu", "from"];

    /// <summary>Unit words and their length in days.</summary>
    private static readonly Dictionary<string, int> Units = Table(
        (1, "day days dy dys d jour jours jr jrs dia dias siku din दिन"),
        (7, "week weeks wk wks semaine semaines semana semanas sem wiki hafte hafta hfte हफ्ते हफ्ता सप्ताह"),
        (30, "month months mth mths mnth mnths mos mois mes meses mwezi miezi mahine mahina mahino mhine maah"),
        (30, "माह महीने महीना"),
        (365, "year years yr yrs yo an ans ano anos mwaka miaka saal sal baras varsh साल वर्ष बरस"));

    /// <summary>Swahili writes the unit first: "siku 4", "miezi 8".</summary>
    private static readonly HashSet<string> UnitFirst = ["siku", "wiki", "mwezi", "miezi", "mwaka", "miaka"];

    private static readonly Dictionary<string, int> NumberWords = Numbers(
        "one two three four five six seven eight nine ten eleven twelve",
        "un deux trois quatre cinq six sept huit neuf dix onze douze",
        "um dois tres quatro cinco seis sete oito nove dez onze doze",
        "moja mbili tatu nne tano sita saba nane tisa kumi",
        "ek do teen char paanch chhe saat aath nau das");

    private static readonly HashSet<string> Old = ["old", "olds", "ol"];

    /// <summary>
    /// Hindi "N din ka/ki": an age only of a person named next to it ("5 din ki beti", "beta 3 din ka hai"); of
    /// anything else it is a length ("malaria ki dawa 3 din ki hai": three days of medicine).
    /// </summary>
    private static readonly HashSet<string> Possessive = ["ka", "ki", "ke", "का", "की", "के"];

    private static readonly HashSet<string> AfterOf = ["vie", "vida", "nascido", "nascida", "naissance", "kuzaliwa"];

    /// <summary>A duration follows: "3 jours de fievre", "siku 3 za homa", "2 days of vomiting".</summary>
    private static readonly HashSet<string> Of = ["de", "d", "of", "ya", "za", "du"];

    /// <summary>Words that introduce an age right before it: "is 4 days", "il a 3 jours", "tem 2 dias", "ana siku 4".</summary>
    private static readonly HashSet<string> Intro =
    [
        "is", "s", "aged", "age", "my", "our", "a", "tem", "com", "ana", "mwenye", "umri", "wa", "cha", "mon", "ma",
        "meu", "minha", "mera", "meri", "mere", "हैं", "है", "umar", "umr", "उम्र",
    ];

    private static readonly HashSet<string> Person =
    [
        "baby", "babe", "bb", "infant", "newborn", "son", "daughter", "boy", "girl", "child", "kid", "toddler",
        "grandson", "granddaughter", "grandbaby", "nephew", "niece", "twins", "bebe", "bebi", "beby", "enfant",
        "fils", "fille", "garcon", "nourrisson", "petit", "petite", "mtoto", "mtt", "mwanangu", "kichanga", "mwana",
        "binti", "mvulana", "msichana", "kitoto", "crianca", "filho", "filha", "nene", "nenem", "menino", "menina",
        "neto", "neta", "netinho", "netinha", "sobrinho", "sobrinha", "bebezinho", "miudo", "miuda", "neveu", "niece",
        "bbe", "bby", "kiddo", "grandchild",
        "bacha", "bachcha", "baccha", "bachchi", "bachi", "beta", "beti", "ladka", "ladki", "शिशु", "बच्चा", "बच्ची",
        "बेटा", "बेटी", "बच्चे", "navjaat", "navjat", "नवजात",
    ];

    /// <summary>The age words for the ages said in <paramref name="words"/> (folded message words).</summary>
    public static IEnumerable<string> Words(IReadOnlyList<string> words)
    {
        var days = int.MaxValue;
        var past = false;
        var pregnant = false;
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var (number, unit) = UnitFirst.Contains(words[i]) ? (words[i + 1], words[i]) : (words[i], words[i + 1]);
            if (Number(number) is { } n && Units.TryGetValue(unit, out var length))
            {
                // "ya 3 ans" (il y a) before the number only: Swahili "mimba ya miezi 7" is "a pregnancy of 7 months".
                var before = PastBefore.Contains(At(words, i - 1)) || YA(words, i);
                past |= length >= 30 && ((number == words[i] && before)
                    || PastAfter.Contains(At(words, i + 2)));
                var age = IsAge(words, i, i + 1);
                days = age ? Math.Min(days, n * length) : days;
                pregnant |= !age && PregnancyLength(words, i, unit, n, length) && !For.Contains(At(words, i - 1))
                    && !For.Contains(At(words, i + 2));
            }
        }

        past |= words.Select((w, i) => (w, i)).Any(p => IsPastYear(p.w) && !Since.Contains(At(words, p.i - 1)));
        var ages = days <= 31 ? new[] { Newborn, Child } : days < 13 * 365 ? [Child] : [];
        return [.. ages, .. past ? new[] { Past } : [], .. pregnant ? new[] { Pregnant } : []];
    }

    /// <summary>
    /// 12 to 42 weeks, or 3 to 10 months that are not a span ("the last 3 months"), a duration of something
    /// ("3 mois de toux"; but "5 mois de grossesse" says the pregnancy itself) or a child's age said loosely just
    /// after the child ("a filha dela 9 meses").
    /// </summary>
    private static bool PregnancyLength(IReadOnlyList<string> words, int i, string unit, int n, int length) =>
        WeekUnits.Contains(unit) ? n is >= 12 and <= 42
        : length == 30 && n is >= 3 and <= 10 && !Span.Contains(At(words, i - 1)) && !Span.Contains(At(words, i - 2))
            && !PastBefore.Contains(At(words, i - 1)) && !PastAfter.Contains(At(words, i + 2))
            && !Enumerable.Range(i - 3, 3).Any(j => Person.Contains(At(words, j)))
            && (!Of.Contains(At(words, i + 2))
                || PregnancyWords.Any(w => At(words, i + 3).StartsWith(w, StringComparison.Ordinal)));

    /// <summary>"5 mois de grossesse", "6 meses de gravidez", "miezi 7 ya mimba": the pregnancy's own length.</summary>
    private static readonly string[] PregnancyWords = ["gross", "gravid", "gestac", "mimba", "pregnan"];

    /// <summary>"il y a 2 ans": "y a" before the number.</summary>
    private static bool YA(IReadOnlyList<string> words, int i) => At(words, i - 1) == "a" && At(words, i - 2) == "y";

    private static string At(IReadOnlyList<string> words, int i) => i >= 0 && i < words.Count ? words[i] : "";

    /// <summary>A year before this one, 1950 or later: "in 2019", "en 2022".</summary>
    private static bool IsPastYear(string word) =>
        word.Length == 4 && word.All(char.IsAsciiDigit) && int.Parse(word, System.Globalization.CultureInfo.InvariantCulture)
            is var year && year >= 1950 && year < DateTime.UtcNow.Year;

    private static bool IsAge(IReadOnlyList<string> words, int start, int end)
    {
        string? At(int i) => i >= 0 && i < words.Count ? words[i] : null;
        var next = At(end + 1);
        if (next is not null && Possessive.Contains(next))
        {
            return Enumerable.Range(start - 3, 3).Concat([end + 2, end + 3]).Any(i => Person.Contains(At(i) ?? ""));
        }

        if (next is not null && (Old.Contains(next) || (Of.Contains(next) && AfterOf.Contains(At(end + 2) ?? ""))))
        {
            return true;
        }

        if (next is not null && Of.Contains(next))
        {
            return false;
        }

        var previous = At(start - 1);
        return previous is not null && (Intro.Contains(previous) || Person.Contains(previous) ||
            (Of.Contains(previous) && Person.Contains(At(start - 2) ?? "")));
    }

    private static int? Number(string word) =>
        word.Length <= 3 && word.All(char.IsAsciiDigit) ? int.Parse(word, System.Globalization.CultureInfo.InvariantCulture)
        : NumberWords.TryGetValue(word, out var n) ? n : null;

    private static Dictionary<string, int> Table(params (int Days, string Words)[] rows) =>
        rows.SelectMany(r => r.Words.Split(' ').Select(w => (w, r.Days))).ToDictionary(p => p.w, p => p.Days);

    private static Dictionary<string, int> Numbers(params string[] languages)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var words in languages)
        {
            var list = words.Split(' ');
            for (var i = 0; i < list.Length; i++)
            {
                numbers.TryAdd(list[i], i + 1);
            }
        }

        numbers["une"] = 1;
        numbers["uma"] = 1;
        numbers["duas"] = 2;
        return numbers;
    }
}
