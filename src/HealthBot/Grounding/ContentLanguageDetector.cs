using HealthBot.Content;
using HealthBot.Dialog;

namespace HealthBot.Grounding;

/// <summary>
/// Language identification for 1–15 word messages: Devanagari means Hindi; Latin text is scored by a naive Bayes
/// model over words (with a character-trigram backoff for unknown and misspelled words), learned from the curated
/// content of each language and a seed list of everyday words — so romanized Hindi and code-mixed messages work.
/// The contact's stored language is a prior that another language must clearly beat.
/// </summary>
public sealed class ContentLanguageDetector : ILanguageDetector
{
    public const string DefaultLanguage = "en";

    /// <summary>Log-odds a new language must win by to override the contact's stored language.</summary>
    private const double SwitchMargin = 2.5;

    /// <summary>The weight of a word no language knows, scored by its letters alone.</summary>
    private const double UnknownWeight = 0.5;

    /// <summary>Shorter unknown words (typos, "xx") say too little about a language.</summary>
    private const int UnknownMinLength = 4;

    private volatile IReadOnlyList<LanguageProfile> profiles = [];
    private int vocabulary = 1;

    public ContentLanguageDetector(ContentCatalog catalog)
    {
        catalog.Follow(Build);
    }

    public LanguageGuess Detect(NormalizedText text, string? prior)
    {
        if (text.Folded.Any(c => c is >= '\u0900' and <= '\u097F'))
        {
            return new LanguageGuess("hi", 1.0);
        }

        var current = profiles;
        // Words most languages share ("malaria", "HIV", "ORS") carry little evidence. A word no language knows
        // ("nitanunuaje", "mazedaar") is read by its letters, at half weight: a name alone proves nothing, so words
        // of that kind count only two or more together.
        var tokens = text.Tokens.Where(t => t.Any(char.IsLetter))
            .Select(t => (Token: t, Known: current.Count(p => p.Knows(t))))
            .Where(t => t.Known > 0 || t.Token.Length >= UnknownMinLength)
            .Select(t => (t.Token, Weight: t.Known == 0 ? UnknownWeight : t.Known >= 3 ? 0.25 : 1.0))
            .ToList();
        // Only words most languages share ("malaria?", "HIV test"): no evidence, so confidence 0 and the caller's
        // fallback (the contact's language, then the deployment's default) decides.
        var evidence = tokens.Count(t => t.Weight == 1.0) > 0 || tokens.Count(t => t.Weight == UnknownWeight) >= 2;
        if (tokens.Count == 0 || current.Count == 0 || (prior is null && !evidence))
        {
            return new LanguageGuess(prior ?? DefaultLanguage, 0.0);
        }

        var scores = current.Select(p => (p.Language, Score: tokens.Sum(t => t.Weight * p.LogLikelihood(t.Token, vocabulary))))
            .OrderByDescending(s => s.Score).ToList();
        var best = scores[0];
        var margin = scores.Count > 1 ? best.Score - scores[1].Score : double.MaxValue;
        if (prior is not null && best.Language != prior && tokens.Count(t => t.Weight == 1.0) < 2)
        {
            // One word ("ok", "thanks") is not a message "clearly in another language".
            return new LanguageGuess(prior, 0.5);
        }

        if (prior is not null && best.Language != prior)
        {
            var priorScore = scores.FirstOrDefault(s => s.Language == prior).Score;
            if (best.Score - priorScore < SwitchMargin)
            {
                return new LanguageGuess(prior, 0.5);
            }
        }

        return new LanguageGuess(best.Language, 1.0 - Math.Exp(-margin));
    }

    private void Build(ContentLibrary library)
    {
        var built = new List<LanguageProfile>();
        foreach (var language in library.Languages.Union(LanguageSeeds.FunctionWords.Keys).Order(StringComparer.Ordinal))
        {
            var profile = new LanguageProfile(language);
            profile.Add(LanguageSeeds.All(language).SelectMany(Tokens), 3.0);
            // Everyday words of subjects the bot declines ("barish", "recharge", "mvua") still say the language, so the
            // polite decline comes in the person's language.
            profile.Add(Tokens(LanguageSeeds.OffTopicWords.GetValueOrDefault(language) ?? string.Empty), 1.0);

            foreach (var item in library.Items.Where(i => i.Language == language))
            {
                profile.Add(item.Examples.SelectMany(Tokens), 2.0);
                profile.Add(item.Keywords.SelectMany(Tokens), 1.0);
                profile.Add(Tokens(item.Title), 1.0);
                profile.Add(Tokens(item.Sms), 1.0);
                profile.Add(Tokens(item.Web), 0.5);
            }

            if (library.System.TryGetValue(language, out var system))
            {
                profile.Add(system.Messages.Values.SelectMany(Tokens), 1.0);
            }

            built.Add(profile);
        }

        vocabulary = Math.Max(1, library.Items.SelectMany(i => i.Examples.Concat(i.Keywords)).SelectMany(Tokens).Distinct().Count());
        profiles = built;
    }

    private static IEnumerable<string> Tokens(string text) => TextNormalizer.Normalize(text).Tokens.Where(t => t.Any(char.IsLetter));
}
