using System.Text.RegularExpressions;
using HealthBot.Dialog;

namespace HealthBot.Llm;

/// <summary>A number next to its unit: "10-14 days" gives (10, day), (14, day) and (10-14, day); "siku 10" gives (10, day).</summary>
public sealed record Quantity(string Number, string Unit);

/// <summary>
/// The checkable facts in a text: numbers (digits in any script, ranges, decimals), numbers written as words,
/// quantities with their unit, and phone numbers. Texts are folded first (case, Latin accents), as for retrieval.
/// </summary>
public sealed partial class AnswerFacts
{
    private AnswerFacts(IReadOnlySet<string> numbers, IReadOnlySet<string> numberWords, IReadOnlySet<Quantity> quantities, IReadOnlySet<string> phones, IReadOnlySet<string> words)
    {
        Numbers = numbers;
        NumberWords = numberWords;
        Quantities = quantities;
        Phones = phones;
        Words = words;
    }

    public IReadOnlySet<string> Numbers { get; }

    public IReadOnlySet<string> NumberWords { get; }

    public IReadOnlySet<Quantity> Quantities { get; }

    public IReadOnlySet<string> Phones { get; }

    /// <summary>Every folded word (letters only) of the text.</summary>
    public IReadOnlySet<string> Words { get; }

    public static AnswerFacts Of(string text)
    {
        var folded = Prepare(text);
        var phones = new HashSet<string>(StringComparer.Ordinal);
        folded = PhonePattern().Replace(folded, m =>
        {
            var digits = new string(m.Value.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length < 7)
            {
                return m.Value;
            }

            phones.Add(digits);
            return " ";
        });
        var tokens = TokenPattern().Matches(folded).ToList();
        var numbers = tokens.Where(IsNumber).Select(t => Canonical(t.Value)).ToHashSet(StringComparer.Ordinal);
        var words = tokens.Where(t => !IsNumber(t)).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        var numberWords = words.Where(FactLexicon.NumberWords.ContainsKey).ToHashSet(StringComparer.Ordinal);
        return new AnswerFacts(numbers, numberWords, QuantitiesOf(folded, tokens), phones, words);
    }

    /// <summary>Digits of every script as ASCII, "38°C" as a word, then folded like everything else.</summary>
    private static string Prepare(string text)
    {
        var chars = text.Select(c => c is >= '\u0966' and <= '\u096F' ? (char)('0' + (c - '\u0966')) : c).ToArray();
        return TextNormalizer.Fold(new string(chars).Replace("°C", " degrees", StringComparison.OrdinalIgnoreCase).Replace("°", " degrees", StringComparison.Ordinal));
    }

    private static HashSet<Quantity> QuantitiesOf(string folded, List<Match> tokens)
    {
        var quantities = new HashSet<Quantity>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsNumber(tokens[i]))
            {
                continue;
            }

            var range = RangeFrom(folded, tokens, i);
            foreach (var unit in new[] { UnitNear(folded, tokens, i, -1), UnitNear(folded, tokens, i, +1) }.OfType<string>())
            {
                quantities.Add(new Quantity(Canonical(tokens[i].Value), unit));
                if (range is not null)
                {
                    quantities.Add(new Quantity(range, unit));
                }
            }
        }

        return quantities;
    }

    /// <summary>"10-14" when token i starts a range, else null.</summary>
    private static string? RangeFrom(string folded, List<Match> tokens, int i) =>
        i + 1 < tokens.Count && IsNumber(tokens[i + 1]) && RangeGap().IsMatch(Gap(folded, tokens[i], tokens[i + 1]))
            ? $"{Canonical(tokens[i].Value)}-{Canonical(tokens[i + 1].Value)}"
            : null;

    /// <summary>The unit word next to number i, looking past the other end of a range but never across a sentence.</summary>
    private static string? UnitNear(string folded, List<Match> tokens, int i, int step)
    {
        var at = i;
        for (var hops = 0; hops < 3; hops++)
        {
            var next = at + step;
            if (next < 0 || next >= tokens.Count || SentenceBreak().IsMatch(Gap(folded, tokens[Math.Min(at, next)], tokens[Math.Max(at, next)])))
            {
                return null;
            }

            if (!IsNumber(tokens[next]))
            {
                return FactLexicon.Units.GetValueOrDefault(tokens[next].Value);
            }

            at = next;
        }

        return null;
    }

    private static string Gap(string folded, Match left, Match right) => folded[(left.Index + left.Length)..right.Index];

    private static bool IsNumber(Match token) => char.IsAsciiDigit(token.Value[0]);

    /// <summary>"0,5" and "0.5" are the same number; leading zeros carry nothing.</summary>
    private static string Canonical(string number)
    {
        var value = number.Replace(',', '.');
        var trimmed = value.TrimStart('0');
        return trimmed.Length == 0 || trimmed[0] == '.' ? "0" + trimmed : trimmed;
    }

    [GeneratedRegex(@"\+?\d[\d \-\.]{5,}\d")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\d+(?:[.,]\d+)?|[\p{L}\p{M}]+")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^\s*(?:-|–|—|/|to|a|à|ou|or|hadi|au|se|से|até)\s*$")]
    private static partial Regex RangeGap();

    [GeneratedRegex(@"[.;:!?।\n]")]
    private static partial Regex SentenceBreak();
}
