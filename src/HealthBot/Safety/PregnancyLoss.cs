using HealthBot.Dialog;
using HealthBot.Grounding;

namespace HealthBot.Safety;

/// <summary>
/// Someone telling us of a pregnancy loss: they leave the pregnancy messages gently (and nothing else), and get a
/// kind message that points to care. Emergency triage still runs first: heavy bleeding after a loss is urgent.
/// </summary>
public static class PregnancyLoss
{
    // Told, not asked: first-person or past forms only, so "what are the signs of a miscarriage" stays a question.
    private static readonly Dictionary<string, string[]> Phrases = new()
    {
        ["en"] = ["i had a miscarriage", "had a miscarriage", "i miscarried", "lost my baby", "lost the baby", "lost my pregnancy", "lost the pregnancy", "my baby died", "baby was stillborn", "had a stillbirth", "baby was born dead"],
        ["fr"] = ["j ai fait une fausse couche", "fait une fausse couche", "perdu mon bebe", "perdu le bebe", "perdu ma grossesse", "mon bebe est mort", "bebe est mort ne"],
        ["sw"] = ["mimba imeharibika", "mimba yangu imeharibika", "mimba imetoka", "nimepoteza mimba", "nimepoteza mtoto", "mtoto amefariki tumboni", "mtoto alizaliwa amekufa"],
        ["pt"] = ["tive um aborto", "tive aborto espontaneo", "perdi o bebe", "perdi a gravidez", "perdi meu bebe", "perdi o meu bebe", "meu bebe morreu", "o bebe nasceu morto"],
        ["hi"] = ["मेरा गर्भपात", "गर्भपात हो गया", "बच्चा गिर गया", "गर्भ गिर गया", "बच्चा मर गया", "miscarriage ho gaya", "bachcha gir gaya", "garbh gir gaya", "bacha gir gaya", "garbhpat ho gaya"],
    };

    private static readonly Lazy<Dictionary<string, List<string[]>>> Stemmed = new(() =>
        Phrases.ToDictionary(p => p.Key, p => p.Value.Select(v => TextNormalizer.Normalize(v).Tokens.Select(t => Stemmer.Stem(t, p.Key)).ToArray()).ToList()));

    /// <summary>Whether the message tells of a pregnancy loss, in any of the five languages.</summary>
    public static bool Describes(NormalizedText text)
    {
        foreach (var (language, phrases) in Stemmed.Value)
        {
            var stems = text.Tokens.Select(t => Stemmer.Stem(t, language)).ToList();
            if (phrases.Any(p => Contains(stems, p)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<string> stems, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= stems.Count; i++)
        {
            if (phrase.Select((p, j) => stems[i + j] == p || (p.Length >= 4 && stems[i + j].StartsWith(p, StringComparison.Ordinal))).All(m => m))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Takes a contact out of the pregnancy messages (implemented by the campaigns feature).</summary>
public interface IPregnancyMessages
{
    /// <summary>Returns true when the contact was receiving pregnancy messages.</summary>
    Task<bool> LeaveAsync(long contactId, CancellationToken ct);
}
