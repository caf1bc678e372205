using HealthBot.Dialog;

namespace HealthBot.Safety;

/// <summary>
/// Questions about how much medicine to take. Curated content never gives doses, so these get the referral
/// ("ask a health worker") instead of an item that merely names the medicine.
/// </summary>
public static class DoseQuestions
{
    private static readonly string[][] Phrases = Build(
        // English
        "how many tablets", "how many pills", "how much medicine", "how much syrup", "how many mg", "mg", "ml of",
        "how many spoons", "how much paracetamol", "how many times a day should i take",
        // French
        "posologie", "combien de comprimes", "combien de cachets", "combien de mg", "combien de cuilleres",
        // Swahili
        "vidonge vingapi", "kiasi gani cha dawa", "vijiko vingapi", "nimeze vidonge",
        // Portuguese
        "quantos comprimidos", "quantas gotas", "quantos mg", "quanto remedio", "quantas colheres",
        // Hindi (Devanagari and romanized)
        "कितनी गोली", "कितनी गोलियां", "कितने एमजी", "kitni goli", "kitni goliyan", "kitna syrup", "kitne mg");

    /// <summary>
    /// "Dose" alone is also how people count vaccine shots ("the second dose of measles vaccine", "dozi ya pili ya
    /// chanjo"): the schedule the vaccination items give. It asks for a medicine dose only when no vaccine is named.
    /// </summary>
    private static readonly string[][] DoseWords = Build(
        "dose", "dosage", "quelle dose", "dozi", "dosagem", "खुराक", "dose kitna");

    /// <summary>
    /// Vaccine words of the five languages (four letters or more also match longer forms: "vaccination"), and the
    /// diseases of the childhood schedule: "how many measles doses" counts shots, not a medicine's dose.
    /// </summary>
    private static readonly string[][] VaccineWords = Build(
        "vaccin", "chanjo", "vacin", "टीका", "टीके", "टीकों", "टीकाकरण", "tika", "tike", "teeka", "teeke",
        "booster", "rappel", "reforco", "shot", "shots", "jab", "jabs",
        "measles", "rougeole", "surua", "sarampo", "खसरा", "खसरे", "khasra", "khasre",
        "polio", "पोलियो", "tetanus", "tetanos", "pepopunda", "टिटनेस", "bcg", "rotavirus", "pentavalent", "hpv",
        "rubella", "rubeole", "rubeola", "diphtheria", "diphterie", "difteria", "pertussis", "coqueluche",
        "kifaduro", "हेपेटाइटिस", "hepatitis", "hepatite");

    public static bool IsDoseQuestion(NormalizedText text)
    {
        var tokens = text.Tokens;
        return Phrases.Any(p => Contains(tokens, p))
            || (DoseWords.Any(p => Contains(tokens, p)) && !VaccineWords.Any(p => Contains(tokens, p)));
    }

    private static bool Contains(IReadOnlyList<string> tokens, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= tokens.Count; i++)
        {
            var match = true;
            for (var j = 0; j < phrase.Length && match; j++)
            {
                match = tokens[i + j] == phrase[j] || (phrase[j].Length >= 4 && tokens[i + j].StartsWith(phrase[j], StringComparison.Ordinal));
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }

    private static string[][] Build(params string[] phrases) =>
        phrases.Select(p => TextNormalizer.Normalize(p).Tokens.ToArray()).Where(p => p.Length > 0).ToArray();
}
