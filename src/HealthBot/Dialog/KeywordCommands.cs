namespace HealthBot.Dialog;

public enum CommandKind
{
    None,
    Stop,
    Start,
    Help,
    Language,
    Greeting,
    Forget,

    /// <summary>Thanks, OK, yes, no or goodbye: a short friendly reply, after any pending feedback question.</summary>
    SmallTalk,

    /// <summary>
    /// A keyword that changes consent in one language and means something else in another: ask, do not act.
    /// </summary>
    Ambiguous,
}

/// <summary>
/// A whole-message keyword. <paramref name="Language"/> is the language to switch to for
/// <see cref="CommandKind.Language"/>, otherwise the language the words are from (null when several share them);
/// <paramref name="Talk"/> the small-talk meaning; <paramref name="Languages"/> every language the words belong to.
/// </summary>
public sealed record Command(
    CommandKind Kind, string? Language = null, Meaning Talk = Meaning.Filler, IReadOnlyList<string>? Languages = null)
{
    /// <summary>
    /// For <see cref="CommandKind.Ambiguous"/>: what the words mean without the consent reading ("acha": OK).
    /// </summary>
    public Command? Otherwise { get; init; }
}

/// <summary>
/// Whole short messages that are a keyword or small talk, matched after normalization: case, accents, punctuation,
/// emoji, repeated words ("stop stop") and stretched letters ("thanksss") do not matter, and the keyword may come with
/// filler words ("STOP ALL", "pls stop", "asante sana"). Twilio itself only honours a lone keyword
/// (https://help.twilio.com/articles/223134027); a message with any other word ("stop the bleeding") is a question.
/// A word read differently in two languages counts only in the contact's language when that is known.
/// </summary>
public static class KeywordCommands
{
    private static readonly Meaning[] Consequential = [Meaning.Stop, Meaning.Start, Meaning.Forget];

    public static Command Match(NormalizedText text, string? contactLanguage = null)
    {
        var readings = LexiconParser.Read(text);
        if (readings.Count == 0)
        {
            return new Command(CommandKind.None);
        }

        if (contactLanguage is not null && readings.TryGetValue(contactLanguage, out var own))
        {
            return ToCommand(own, [contactLanguage]);
        }

        var distinct = readings.Values.Distinct().ToList();
        if (distinct.Count == 1)
        {
            return ToCommand(distinct[0], [.. readings.Keys]);
        }

        var languages = readings.Keys.ToList();
        if (distinct.Any(r => Consequential.Contains(r.Meaning)))
        {
            // "acha" from a contact whose language we do not know, or who writes another one: ask, never guess consent.
            var asked = contactLanguage is null ? languages : [contactLanguage, .. languages];
            return new Command(CommandKind.Ambiguous, Languages: asked) { Otherwise = WithoutConsent(readings) };
        }

        var strongest = distinct.MaxBy(r => r.Meaning)!;
        return ToCommand(strongest, [.. readings.Where(r => r.Value == strongest).Select(r => r.Key)]);
    }

    /// <summary>
    /// Small talk that opens or closes a short message ("ok thanks bhai", "poa asante mama", "nice, thanks doc"), if
    /// any, with the number of words around it and those of them that are not small talk on their own ("doctor",
    /// "sana", "mesmo" are).
    /// </summary>
    public static (Command Command, int Around, IReadOnlyList<string> Others)? MatchPolite(
        NormalizedText text, string? contactLanguage)
    {
        var tokens = text.Tokens;
        for (var words = Math.Min(tokens.Count - 1, 3); words >= 1 && tokens.Count <= MaxPoliteWords; words--)
        {
            var parts = new[]
            {
                (tokens.Take(words), tokens.Skip(words)),
                (tokens.Skip(tokens.Count - words), tokens.Take(tokens.Count - words)),
            };
            foreach (var (said, around) in parts)
            {
                var command = Match(TextNormalizer.Normalize(string.Join(' ', said)), contactLanguage);
                if (command.Kind == CommandKind.SmallTalk)
                {
                    var others = around.Where(w =>
                        Match(TextNormalizer.Normalize(w), contactLanguage).Kind != CommandKind.SmallTalk);
                    return (command, tokens.Count - words, others.ToList());
                }
            }
        }

        return null;
    }

    /// <summary>Longer messages are questions or stories, even with a thanks in them.</summary>
    private const int MaxPoliteWords = 9;

    private static Command? WithoutConsent(IReadOnlyDictionary<string, LexiconParser.Reading> readings)
    {
        var other = readings.Where(r => !Consequential.Contains(r.Value.Meaning)).ToList();
        if (other.Count == 0)
        {
            return null;
        }

        var best = other.MaxBy(r => r.Value.Meaning).Value;
        return ToCommand(best, [.. other.Where(r => r.Value == best).Select(r => r.Key)]);
    }

    private static Command ToCommand(LexiconParser.Reading reading, IReadOnlyList<string> languages)
    {
        var language = languages.Count == 1 ? languages[0] : null;
        return reading.Meaning switch
        {
            Meaning.Stop => new Command(CommandKind.Stop, language, Languages: languages),
            Meaning.Start => new Command(CommandKind.Start, language, Languages: languages),
            Meaning.Help => new Command(CommandKind.Help, language, Languages: languages),
            Meaning.Forget => new Command(CommandKind.Forget, language, Languages: languages),
            Meaning.Language => new Command(CommandKind.Language, reading.Target, Languages: languages),
            Meaning.Greeting => new Command(CommandKind.Greeting, language, Languages: languages),
            _ => new Command(CommandKind.SmallTalk, language, reading.Meaning, languages),
        };
    }
}
