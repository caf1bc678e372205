using System.Collections.Frozen;

namespace HealthBot.Content;

/// <summary>One word or phrase that belongs to one register of a language, with the other register's word.</summary>
public sealed record RegisterWord(string Word, string Register, string Instead);

/// <summary>
/// The regional registers a language's content may be written in, declared once per deployment in that language's
/// <c>system.md</c> header (<c>register: mz</c>). Portuguese is written for Mozambique or for Brazil, and the people a
/// deployment serves should read one of them consistently: "bebé" and "bebê" in the same answer look like a mistake,
/// and some words mean something else across the ocean. The words listed are the everyday ones of health content that
/// differ; spellings both registers accept (infecção/infeção, gerunds) are left alone. Like the accent lists, these
/// are facts about the language, not health content.
/// </summary>
public static class LanguageRegisters
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Names =
        new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["pt"] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["mz"] = "Mozambique",
                ["br"] = "Brazil",
            }.ToFrozenDictionary(StringComparer.Ordinal),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, IReadOnlyList<RegisterWord>> Words =
        new Dictionary<string, IReadOnlyList<RegisterWord>>(StringComparer.Ordinal)
        {
            ["pt"] = Portuguese(),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The registers a language has (empty when content in it is written one way everywhere).</summary>
    public static IReadOnlyCollection<string> Of(string language) =>
        Names.TryGetValue(language, out var names) ? names.Keys : [];

    /// <summary>Where the register is spoken, e.g. "Mozambique" (the model is told "as written in …").</summary>
    public static string? Place(string language, string? register) =>
        register is not null && Names.TryGetValue(language, out var names) ? names.GetValueOrDefault(register) : null;

    /// <summary>The language's listed words that belong to a register other than <paramref name="register"/>.</summary>
    public static IEnumerable<RegisterWord> Foreign(string language, string register) =>
        Words.TryGetValue(language, out var words) ? words.Where(w => w.Register != register) : [];

    private static List<RegisterWord> Portuguese()
    {
        // (Mozambique, Brazil): the accent of a stressed e/o before m/n differs, and a few everyday nouns.
        (string Mz, string Br)[] pairs =
        [
            ("bebé", "bebê"), ("bebés", "bebês"), ("vómito", "vômito"), ("vómitos", "vômitos"), ("género", "gênero"),
            ("higiénico", "higiênico"), ("higiénicos", "higiênicos"), ("higiénica", "higiênica"),
            ("crónico", "crônico"), ("crónica", "crônica"), ("crónicas", "crônicas"), ("económico", "econômico"),
            ("anónimo", "anônimo"), ("anónima", "anônima"), ("quilómetro", "quilômetro"),
            ("quilómetros", "quilômetros"), ("abdómen", "abdômen"), ("sémen", "sêmen"), ("pénis", "pênis"),
            ("fémur", "fêmur"), ("prémio", "prêmio"), ("académico", "acadêmico"), ("cancro", "câncer"),
            ("SIDA", "AIDS"), ("preservativo", "camisinha"), ("pensos higiénicos", "absorventes"),
            ("penso higiénico", "absorvente"), ("casa de banho", "banheiro"), ("geleira", "geladeira"),
            ("biberão", "mamadeira"), ("chávena", "xícara"), ("lixívia", "água sanitária"), ("papa", "papinha"),
            ("equipa", "equipe"), ("contacto", "contato"), ("registo", "registro"), ("utente", "usuário"),
            ("desporto", "esporte"), ("machimbombo", "ônibus"), ("comboio", "trem"),
            ("solução caseira de sal e açúcar", "soro caseiro"),
        ];
        var words = new List<RegisterWord>();
        foreach (var (mz, br) in pairs)
        {
            // "preservativo" and "papa" are everyday words in Brazil too: only the Brazilian word is flagged.
            if (mz is not ("preservativo" or "papa"))
            {
                words.Add(new RegisterWord(mz, "mz", br));
            }

            words.Add(new RegisterWord(br, "br", mz));
        }

        return words;
    }
}
