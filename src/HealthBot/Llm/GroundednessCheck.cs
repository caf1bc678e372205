using System.Text.RegularExpressions;
using HealthBot.Dialog;
using HealthBot.Grounding;
using HealthBot.Sms;

namespace HealthBot.Llm;

/// <summary>The curated texts a model answer was made from, in the user's language.</summary>
public sealed record GroundingSource(string Language, IReadOnlyList<string> Texts);

/// <summary>How long the answer may be: SMS segments after the channel's encoding, else characters.</summary>
public sealed record AnswerBudget(bool Sms, int MaxSegments, int MaxChars, bool FoldAccents);

public sealed record CheckVerdict(bool Passed, string? Reason, string? Detail)
{
    public static CheckVerdict Pass { get; } = new(true, null, null);

    public static CheckVerdict Fail(string reason, string detail) => new(false, reason, detail);
}

/// <summary>
/// Decides whether a model answer may be sent. Everything checkable must come from the source: every number (as
/// digits or words), every number with its unit (a dose, a duration, an age, a time limit), every phone number,
/// every medicine, test or vaccine name; the answer is in the user's language and script, has no web address, fits
/// the channel, and most of its words come from the source. Any doubt fails: the curated text is then sent.
/// </summary>
public sealed partial class GroundednessCheck(ILanguageDetector languages)
{
    /// <summary>Share of an answer's content words that must come from the source (by word or shared stem).</summary>
    public const double MinSupportedShare = 0.6;

    private const int MinContentWords = 3;

    public CheckVerdict Check(string answer, GroundingSource source, AnswerBudget budget)
    {
        answer = answer.Trim();
        if (answer.Length == 0)
        {
            return CheckVerdict.Fail("empty", "the model said nothing");
        }

        var sourceText = string.Join("\n", source.Texts);
        return FirstFailure(
            () => Url(answer),
            () => Length(answer, source.Language, budget),
            () => Script(answer, source.Language, sourceText),
            () => Language(answer, source.Language),
            () => Facts(answer, sourceText),
            () => Support(answer, source.Language, sourceText));
    }

    private static CheckVerdict FirstFailure(params Func<CheckVerdict>[] checks) =>
        checks.Select(c => c()).FirstOrDefault(v => !v.Passed) ?? CheckVerdict.Pass;

    private static CheckVerdict Url(string answer) =>
        UrlPattern().Match(answer) is { Success: true } m ? CheckVerdict.Fail("url", $"a web address ({m.Value.Length} characters)") : CheckVerdict.Pass;

    private static CheckVerdict Length(string answer, string language, AnswerBudget budget)
    {
        if (!budget.Sms)
        {
            return answer.Length <= budget.MaxChars ? CheckVerdict.Pass : CheckVerdict.Fail("too-long", $"{answer.Length} characters");
        }

        // Counted as it will be sent: the composer folds or substitutes characters before an SMS leaves.
        var sent = budget.FoldAccents && language != "hi" ? SmartEncoding.FoldToGsm(answer, language) : SmartEncoding.Apply(answer);
        var segments = SmsSegments.Analyze(sent).Segments;
        return segments <= budget.MaxSegments ? CheckVerdict.Pass : CheckVerdict.Fail("too-long", $"{segments} SMS segments");
    }

    /// <summary>Hindi content is in Devanagari, the others in Latin letters; a word in another script must be a source word ("ORS").</summary>
    private static CheckVerdict Script(string answer, string language, string sourceText)
    {
        var expected = language == "hi" ? WritingScript.Devanagari : WritingScript.Latin;
        var sourceWords = AnswerFacts.Of(sourceText).Words;
        foreach (var word in AnswerFacts.Of(answer).Words)
        {
            var script = ScriptOf(word);
            if (script == WritingScript.Other || (script != expected && !sourceWords.Contains(word)))
            {
                return CheckVerdict.Fail("script", $"a word in {script} script");
            }
        }

        return CheckVerdict.Pass;
    }

    private CheckVerdict Language(string answer, string language)
    {
        var detected = languages.Detect(TextNormalizer.Normalize(answer), prior: null).Language;
        return detected == language ? CheckVerdict.Pass : CheckVerdict.Fail("language", $"answer in {detected}, expected {language}");
    }

    private static CheckVerdict Facts(string answer, string sourceText)
    {
        var said = AnswerFacts.Of(answer);
        var known = AnswerFacts.Of(sourceText);
        var failure =
            said.Phones.Where(p => !known.Phones.Contains(p)).Select(_ => CheckVerdict.Fail("phone", "a phone number not in the source"))
            .Concat(said.Numbers.Where(n => !known.Numbers.Contains(n)).Select(n => CheckVerdict.Fail("number", $"the number {n} is not in the source")))
            .Concat(said.NumberWords.Where(w => !known.Words.Contains(w) && !known.Numbers.Contains(FactLexicon.NumberWords[w].Trim()))
                .Select(w => CheckVerdict.Fail("number", $"the number word '{w}' is not in the source")))
            .Concat(said.Quantities.Where(q => !known.Quantities.Contains(q)).Select(q => CheckVerdict.Fail("quantity", $"{q.Number} {q.Unit} is not in the source")))
            .Concat(MedicalNames(answer, said).Where(t => !MentionedIn(t, sourceText, known)).Select(t => CheckVerdict.Fail("medicine", $"'{t}' is not in the source")))
            .FirstOrDefault();
        return failure ?? CheckVerdict.Pass;
    }

    private static IEnumerable<string> MedicalNames(string answer, AnswerFacts said)
    {
        var folded = $" {string.Join(' ', TextNormalizer.Tokenize(TextNormalizer.Fold(answer)))} ";
        foreach (var term in FactLexicon.MedicalTerms.Where(t => folded.Contains($" {Words(t)} ", StringComparison.Ordinal)))
        {
            yield return term;
        }

        foreach (var word in said.Words.Where(w => w.Length >= 7 && FactLexicon.DrugSuffixes.Any(s => w.EndsWith(s, StringComparison.Ordinal))))
        {
            yield return word;
        }
    }

    private static bool MentionedIn(string term, string sourceText, AnswerFacts known) =>
        known.Words.Contains(term) || $" {string.Join(' ', TextNormalizer.Tokenize(TextNormalizer.Fold(sourceText)))} ".Contains($" {Words(term)} ", StringComparison.Ordinal);

    private static string Words(string term) => string.Join(' ', TextNormalizer.Tokenize(term));

    /// <summary>Most content words must be the source's own (or share its first five letters: "feeding" for "feed").</summary>
    private static CheckVerdict Support(string answer, string language, string sourceText)
    {
        var function = LanguageSeeds.FunctionWords.GetValueOrDefault(language, string.Empty).Split(' ').ToHashSet(StringComparer.Ordinal);
        var sourceWords = AnswerFacts.Of(sourceText).Words;
        var stems = sourceWords.Select(Stem).ToHashSet(StringComparer.Ordinal);
        var content = AnswerFacts.Of(answer).Words.Where(w => w.Length >= (ScriptOf(w) == WritingScript.Latin ? 4 : 2) && !function.Contains(w)).ToList();
        if (content.Count < MinContentWords)
        {
            return CheckVerdict.Fail("too-short", $"{content.Count} content words");
        }

        var supported = content.Count(w => sourceWords.Contains(w) || stems.Contains(Stem(w)));
        var share = (double)supported / content.Count;
        return share >= MinSupportedShare ? CheckVerdict.Pass : CheckVerdict.Fail("unsupported", $"{share:P0} of the words come from the source");
    }

    private static string Stem(string word) => word.Length > 5 ? word[..5] : word;

    private enum WritingScript
    {
        Latin,
        Devanagari,
        Other,
    }

    private static WritingScript ScriptOf(string word) =>
        word.All(c => c <= '\u024F' || c is >= '\u1E00' and <= '\u1EFF') ? WritingScript.Latin
        : word.All(c => c is >= '\u0900' and <= '\u097F' || c == '\u200D' || c == '\u200C') ? WritingScript.Devanagari
        : WritingScript.Other;

    [GeneratedRegex(@"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|io|gov|edu|int|health|co|app|ly|me|ke|tz|ug|rw|in|fr|pt|br|mz|ao|sn|ci|cd|cm|bf|ml|ne|ng|gh|za|uk|us)\b(?:/\S*)?")]
    private static partial Regex UrlPattern();
}
