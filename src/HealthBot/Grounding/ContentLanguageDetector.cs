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

    /// <summary>
    /// How much less likely an English word is in another language's message than in an English one (log-odds):
    /// borrowed health words are common, but English's own grammar words are not borrowed.
    /// </summary>
    private const double BorrowPenalty = 2.5;

    private static readonly HashSet<string> EnglishGrammar =
        [.. TextNormalizer.Normalize(LanguageSeeds.FunctionWords["en"]).Tokens];

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
        var tokens = Weigh(text, current);
        // Only words most languages share ("malaria?", "HIV test"): no evidence, so confidence 0 and the caller's
        // fallback (the contact's language, then the deployment's default) decides.
        var evidence = tokens.Count(t => t.Weight == 1.0) > 0 || tokens.Count(t => t.Weight == UnknownWeight) >= 2;
        if (tokens.Count == 0 || current.Count == 0 || (prior is null && !evidence))
        {
            return new LanguageGuess(prior ?? DefaultLanguage, 0.0);
        }

        var english = current.FirstOrDefault(p => p.Language == "en");
        var scores = current
            .Select(p => (p.Language, Score: tokens.Sum(t => t.Weight * Score(p, english, t.Token, t.Known == 0))))
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

    /// <summary>
    /// Words most languages share ("malaria", "HIV", "ORS") carry little evidence. A word no language knows
    /// ("nitanunuaje", "mazedaar") is read by its letters, at half weight: a name alone proves nothing, so words of
    /// that kind count only two or more together; unless it sounds like a word of one language ("bukhaar", "jukaam"),
    /// which then knows it.
    /// </summary>
    private static List<(string Token, double Weight, int Known)> Weigh(
        NormalizedText text, IReadOnlyList<LanguageProfile> current) =>
        text.Tokens.Where(t => t.Any(char.IsLetter))
            .Select(t => (Token: t, Known: current.Count(p => p.Knows(t))))
            .Select(t => (t.Token, t.Known, Sounded: t.Known == 0 && t.Token.Length >= UnknownMinLength
                ? current.Count(p => p.KnowsStem(t.Token)) : 0))
            .Where(t => t.Known > 0 || t.Token.Length >= UnknownMinLength)
            .Select(t => (t.Token, Weight: t.Known == 0 && t.Sounded == 0 ? UnknownWeight
                : t.Known + t.Sounded >= 3 ? 0.25 : 1.0, t.Known))
            .ToList();

    /// <summary>
    /// A token's log-likelihood in one language: as a known word, as a word that sounds like one of its words (only
    /// when no language knows the spelling), else by its letters. English health words ("fever", "BP", "report",
    /// "problem") are borrowed into every language's messages ("report normal hai", "mtoto ana cough"), so another
    /// language gives one a share of English's likelihood: the grammar words around it then say the language.
    /// </summary>
    private double Score(LanguageProfile profile, LanguageProfile? english, string token, bool unknown)
    {
        var own = profile.Knows(token) || !unknown
            ? profile.LogLikelihood(token, vocabulary)
            : profile.SoundLogLikelihood(token, vocabulary) ?? profile.LogLikelihood(token, vocabulary);
        if (english is null || profile == english || !english.Knows(token) || EnglishGrammar.Contains(token))
        {
            return own;
        }

        return Math.Max(own, english.LogLikelihood(token, vocabulary) - BorrowPenalty);
    }

    private void Build(ContentLibrary library)
    {
        var built = ContentBuilds.Get(library, nameof(ContentLanguageDetector), Profiles);
        vocabulary = built.Vocabulary;
        profiles = built.Profiles;
    }

    private static BuiltProfiles Profiles(ContentLibrary library)
    {
        var built = new List<LanguageProfile>();
        var languages = library.Languages.Union(LanguageSeeds.FunctionWords.Keys).Order(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            var profile = new LanguageProfile(language);
            profile.Add(LanguageSeeds.All(language).SelectMany(Tokens), 3.0);
            // Words are also known by their stems: other forms of a verb ("nimeenda"), and romanized Hindi as each
            // person spells it, read by its sound, from the seeds and from the Devanagari content.
            profile.AddSounds(LanguageSeeds.All(language).SelectMany(Tokens), 3.0);
            profile.AddSounds(library.Items.Where(i => i.Language == language)
                .SelectMany(i => i.Examples.Concat(i.Keywords).Append(i.Title).Append(i.Sms)).SelectMany(Tokens), 1.0);

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

        var vocabulary = library.Items.SelectMany(i => i.Examples.Concat(i.Keywords)).SelectMany(Tokens).Distinct();
        return new BuiltProfiles(built, Math.Max(1, vocabulary.Count()));
    }

    private sealed record BuiltProfiles(IReadOnlyList<LanguageProfile> Profiles, int Vocabulary);

    private static IEnumerable<string> Tokens(string text) => TextNormalizer.Normalize(text).Tokens.Where(t => t.Any(char.IsLetter));
}
