using System.Text;

namespace HealthBot.Dialog;

/// <summary>
/// Reads a whole short message with each language's <see cref="DialogLexicon"/>: the message must be made only of that
/// language's phrases and fillers. Gives what the message means in each language that can read it.
/// </summary>
internal static class LexiconParser
{
    public sealed record Reading(Meaning Meaning, string? Target);

    /// <summary>Longer messages are questions ("please can you tell me how to stop the bleeding").</summary>
    private const int MaxTokens = 8;

    private static readonly string[] Languages = ["en", "fr", "sw", "pt", "hi"];

    // Before the phrases, which are spelt with it.
    private static readonly Dictionary<string, Dictionary<string, string>> SqueezedSpellings = Languages.ToDictionary(
        language => language,
        language => (DialogLexicon.Spellings.GetValueOrDefault(language) ?? new Dictionary<string, string>())
            .GroupBy(s => Squeeze(s.Key)).ToDictionary(g => g.Key, g => Squeeze(g.First().Value)),
        StringComparer.Ordinal);

    private static readonly Dictionary<string, Dictionary<string, LexiconEntry>> Phrases = Build();

    private static readonly int LongestPhrase = DialogLexicon.Entries.Max(e => Key(e.Phrase).Count);

    public static IReadOnlyDictionary<string, Reading> Read(NormalizedText text)
    {
        var tokens = Simplify(text.Tokens);
        var readings = new Dictionary<string, Reading>(StringComparer.Ordinal);
        if (tokens.Count is 0 or > MaxTokens)
        {
            return readings;
        }

        foreach (var language in Languages)
        {
            if (Parse(Spell(tokens, language), Phrases[language]) is { } reading)
            {
                readings[language] = reading;
            }
        }

        return readings;
    }

    /// <summary>Lower-case tokens with stretched letters squeezed ("okkk" → "ok") and repeated words dropped.</summary>
    public static List<string> Simplify(IEnumerable<string> tokens)
    {
        var result = new List<string>();
        foreach (var token in tokens.Select(Squeeze))
        {
            if (result.Count == 0 || result[^1] != token)
            {
                result.Add(token);
            }
        }

        return result;
    }

    private static Reading? Parse(List<string> tokens, Dictionary<string, LexiconEntry> phrases)
    {
        var found = new List<LexiconEntry>();
        var fillers = 0;
        for (var i = 0; i < tokens.Count;)
        {
            // The longest phrase first: "thank you" rather than "thank" and a filler.
            var length = Math.Min(LongestPhrase, tokens.Count - i);
            LexiconEntry? entry = null;
            while (length > 0 && !phrases.TryGetValue(string.Join(' ', tokens.Skip(i).Take(length)), out entry))
            {
                length--;
            }

            if (entry is null)
            {
                return null;
            }

            i += length;
            if (entry.Meaning == Meaning.Filler)
            {
                fillers++;
            }
            else
            {
                found.Add(entry);
            }
        }

        var commands = found.Where(e => e.Meaning >= Meaning.Language)
            .Select(e => new Reading(e.Meaning, e.Target)).Distinct().ToList();
        if (commands.Count > 1 || found.Count == 0)
        {
            return null;
        }

        // Erasing someone's data needs the plain request: "forget it" is not "forget me".
        if (commands is [{ Meaning: Meaning.Forget }] && (found.Count > 1 || fillers > 0))
        {
            return null;
        }

        return commands.Count == 1
            ? commands[0]
            : found.Select(e => new Reading(e.Meaning, null)).MaxBy(r => r.Meaning);
    }

    private static Dictionary<string, Dictionary<string, LexiconEntry>> Build() => Languages.ToDictionary(
        language => language,
        language =>
        {
            var map = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
            var entries = DialogLexicon.Entries.Where(e => e.Language == language || e.Language == DialogLexicon.Any);
            foreach (var entry in entries)
            {
                map.TryAdd(string.Join(' ', Spell(Key(entry.Phrase), language)), entry);
            }

            return map;
        },
        StringComparer.Ordinal);

    /// <summary>The language's way of writing each word ("gud" → "good"), both in phrases and in messages.</summary>
    private static List<string> Spell(List<string> tokens, string language)
    {
        var spellings = SqueezedSpellings[language];
        return [.. tokens.Select(t => spellings.GetValueOrDefault(t) ?? t)];
    }

    private static List<string> Key(string phrase) => Simplify(TextNormalizer.Normalize(phrase).Tokens);

    private static string Squeeze(string token)
    {
        var builder = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            if (!(char.IsLetter(c) && builder.Length > 0 && builder[^1] == c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
