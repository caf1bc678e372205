using System.Text;

namespace HealthBot.Grounding;

/// <summary>
/// One spelling for a Hindi word whether it is typed in Devanagari or in Latin letters, so that "kitna pilana hai"
/// finds content written "कितना पिलाना है" and "doodh" finds "दूध". Devanagari is romanized the way people text it
/// (ख "kh", श "sh", ा "a"); then both scripts are reduced to a sound key that drops what romanization leaves to
/// taste: the short and long "a" (and with it Hindi's silent schwa: "kamzori" and कमजोरी, "dast" and दस्त),
/// doubled letters ("bachcha", "baccha", "bacha"; "peena"), "chh" and "sh" for "ch" and "s", v/w, z/j, f/ph and q/k.
/// Used by retrieval only: emergency rules keep their own exact matching.
/// </summary>
internal static class HindiSoundKey
{
    private static readonly Dictionary<char, string> Consonants = new()
    {
        ['क'] = "k", ['ख'] = "kh", ['ग'] = "g", ['घ'] = "gh", ['ङ'] = "n", ['च'] = "ch", ['छ'] = "chh", ['ज'] = "j",
        ['झ'] = "jh", ['ञ'] = "n", ['ट'] = "t", ['ठ'] = "th", ['ड'] = "d", ['ढ'] = "dh", ['ण'] = "n", ['त'] = "t",
        ['थ'] = "th", ['द'] = "d", ['ध'] = "dh", ['न'] = "n", ['प'] = "p", ['फ'] = "ph", ['ब'] = "b", ['भ'] = "bh",
        ['म'] = "m", ['य'] = "y", ['र'] = "r", ['ल'] = "l", ['ळ'] = "l", ['व'] = "v", ['श'] = "sh", ['ष'] = "sh",
        ['स'] = "s", ['ह'] = "h", ['\u0958'] = "k", ['\u0959'] = "kh", ['\u095A'] = "g", ['\u095B'] = "z",
        ['\u095C'] = "d",
        ['\u095D'] = "dh", ['\u095E'] = "f", ['\u095F'] = "y",
    };

    /// <summary>Independent vowels and vowel signs (matras).</summary>
    private static readonly Dictionary<char, string> Vowels = new()
    {
        ['अ'] = "a", ['आ'] = "a", ['इ'] = "i", ['ई'] = "i", ['उ'] = "u", ['ऊ'] = "u", ['ऋ'] = "ri", ['ए'] = "e",
        ['ऐ'] = "ai", ['ओ'] = "o", ['औ'] = "au", ['ऑ'] = "o", ['ऍ'] = "e",
        ['ा'] = "a", ['ि'] = "i", ['ी'] = "i", ['ु'] = "u", ['ू'] = "u", ['ृ'] = "ri", ['े'] = "e", ['ै'] = "ai",
        ['ो'] = "o", ['ौ'] = "au", ['ॉ'] = "o", ['ॅ'] = "e",
    };

    private const char Virama = '\u094D';

    /// <summary>Devanagari in Latin letters as it is commonly texted ("दस्त" → "dast"); other text unchanged.</summary>
    public static string Romanize(string token)
    {
        if (!token.Any(c => c is >= '\u0900' and <= '\u097F'))
        {
            return token;
        }

        var text = new StringBuilder(token.Length * 2);
        var schwa = false;
        foreach (var c in token)
        {
            if (Consonants.TryGetValue(c, out var consonant))
            {
                text.Append(schwa ? "a" : string.Empty).Append(consonant);
                schwa = true;
                continue;
            }

            if (Vowels.TryGetValue(c, out var vowel))
            {
                text.Append(schwa && c is >= '\u0904' and <= '\u0914' ? "a" : string.Empty).Append(vowel);
                schwa = false;
                continue;
            }

            // The virama silences the consonant's own vowel; the nukta (ड़ as ड) changes nothing people type.
            if (c is Virama or '\u093C')
            {
                schwa = c != Virama && schwa;
                continue;
            }

            text.Append(schwa ? "a" : string.Empty).Append(c switch
            {
                '\u0902' or '\u0901' => "n",
                '\u0903' => "h",
                _ => char.IsDigit(c) || c is >= 'a' and <= 'z' ? c.ToString() : string.Empty,
            });
            schwa = false;
        }

        // A word's final schwa is not pronounced ("दस्त" is "dast", not "dasta").
        return text.ToString();
    }

    /// <summary>The sound key of a romanized (or romanized Devanagari) stem.</summary>
    public static string Key(string romanized)
    {
        var key = new StringBuilder(romanized.Length);
        for (var i = 0; i < romanized.Length; i++)
        {
            var c = romanized[i];
            var previous = key.Length > 0 ? key[^1] : ' ';
            // "ch", "chh" and "cch" are written for one another ("bachche", "bacche", "bachhe"), "sh" for "s"; other
            // aspirates are kept: "khana" (food) is not "kana".
            if (c == 'h' && i > 0 && "csh".Contains(romanized[i - 1], StringComparison.Ordinal))
            {
                continue;
            }

            var mapped = c switch
            {
                'w' => 'v',
                'z' => 'j',
                'f' => 'p',
                'q' => 'k',
                'x' => 'k',
                'y' when i == romanized.Length - 1 => 'i',
                _ => c,
            };
            // Short and long "a" and doubled vowels are written as people please; Hindi drops a word's inner schwas.
            // A word's first "a" stays: "art" (ART) is not "raat" (night). "cch" stays apart from "ch": "bacche"
            // (children) is not "bach" (avoid).
            if ((mapped == 'a' && i > 0) || (previous == mapped && mapped != 'c'))
            {
                continue;
            }

            key.Append(mapped);
        }

        // A word's last vowel is its ending ("tika"/"tike", "beta"/"beti"), once the stem is long enough to stand.
        if (key.Length >= 4 && key[^1] is 'e' or 'i' or 'o' or 'u')
        {
            key.Length--;
        }

        return key.Length > 8 ? key.ToString(0, 8) : key.ToString();
    }
}
