using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog.Memory;
using HealthBot.Safety;

namespace HealthBot.Dialog;

/// <summary>
/// Short messages that are not questions: small talk ("asante sana", "ok valeu", "thik hai", "bye") gets a short
/// friendly reply in the person's language instead of a health article; a "1" or "2" that answers no feedback question
/// gets the help message; a consent keyword that is ambiguous between languages gets a question instead of an opt-out,
/// once: after that it is read without its consent meaning (the person now knows to send STOP).
/// </summary>
internal sealed class ShortReplies(
    ContentCatalog catalog,
    DialogOptions settings,
    IContactStore contacts,
    ReplyLimiter limiter,
    IHandoffState handoff,
    StopCheckHistory stopChecks,
    ILanguageDetector languages)
{
    private readonly DialogReplies say = new(catalog, settings);

    /// <summary>Null when the message is neither small talk nor a stray feedback digit.</summary>
    public async Task<DialogOutcome?> TryAnswerAsync(
        Contact contact, NormalizedText text, Command command, ChannelProfile profile, CancellationToken ct)
    {
        // An ambiguous keyword gets here only when the question was asked before: "acha" is then just OK.
        var guessed = command.Kind == CommandKind.Ambiguous;
        command = guessed ? command.Otherwise ?? new Command(CommandKind.None) : command;
        var digit = FeedbackWords.IsDigitReply(text);
        if (!digit && command.Kind != CommandKind.SmallTalk)
        {
            return null;
        }

        if (await handoff.IsHumanHandlingAsync(contact.Id, ct))
        {
            // "thanks" to the nurse who is answering is for the nurse, not for the bot.
            return new DialogOutcome([], contact.Language, new DialogTrace("human-handling", false, [], null));
        }

        if (digit)
        {
            // Reaches here only when no "Was this helpful?" is open for this contact.
            var known = contact.Language ?? settings.DefaultLanguage;
            return say.System(profile, known, ReplyKind.Help, "help", "feedback-digit-without-prompt");
        }

        var language = contact.Language ?? command.Language ?? Detected(text, command.Languages ?? []);
        if (contact.Language is null && command.Language is not null && !guessed)
        {
            // "obrigado" says which language the person writes; "ok" (every language) does not.
            await contacts.SetLanguageAsync(contact.Id, command.Language, ct);
        }

        // Two bots thanking each other must not loop for ever.
        switch (await limiter.CheckAsync(contact, ct))
        {
            case LimitDecision.Notice:
                return say.System(profile, language, ReplyKind.RateLimited, "rate_limited", "rate-limited");
            case LimitDecision.Silent:
                return new DialogOutcome([], language, new DialogTrace("rate-limited-silent", false, [], language));
        }

        var message = command.Talk switch
        {
            Meaning.Thanks => "small_talk_thanks",
            Meaning.Goodbye => "small_talk_bye",
            _ => "small_talk_ok",
        };
        return say.System(profile, language, ReplyKind.SmallTalk, message, "small-talk");
    }

    /// <summary>
    /// Thanks or OK with words the lexicon lacks ("valeu, brigadao", "ok thanks bhai", "poa asante mama", "merci bcp c
    /// est tres clair"): small talk when nothing else is asked, when the other words only say more of it
    /// (<see cref="PoliteTalk"/>), or when at most two other words are said without a question and match no item
    /// clearly (<see cref="DialogOptions.NewTopicConfidence"/>). Asked after triage: an emergency with a "thanks" is
    /// still one.
    /// </summary>
    public Command? IsPolite(NormalizedText text, string language, string? known, RetrievalResult retrieval)
    {
        if (KeywordCommands.MatchPolite(text, known) is not var (command, around, others))
        {
            return null;
        }

        // "thanks a lot, that really helped" reads like a follow-up ("that") but asks nothing and names no one.
        var onlyPolite = PoliteTalk.OnlyPolite(others, language, catalog.Current);
        if (FollowUpCues.Continues(text, language) && !onlyPolite)
        {
            return null;
        }

        var asked = text.Clean.Contains('?', StringComparison.Ordinal);
        return retrieval.Best is null || (!asked && onlyPolite)
            || (around <= 2 && !asked && retrieval.Confidence < settings.NewTopicConfidence)
            ? command
            : null;
    }

    /// <summary>
    /// "Send STOP to stop messages" in each language the keyword could be from, in one message; null when this contact
    /// was asked before.
    /// </summary>
    public async Task<DialogOutcome?> AskAboutStopAsync(
        Contact contact, IReadOnlyList<string> languages, ChannelProfile profile, CancellationToken ct)
    {
        if (await stopChecks.WasAskedAsync(contact.Id, ct))
        {
            return null;
        }

        var text = string.Join("\n", languages.Distinct().Select(l => say.Text(l, "stop_check")));
        var fold = settings.FoldAccentsForSms && !languages.Contains("hi");
        var replies = ReplyComposer.Compose(text, profile, fold)
            .Select(part => new Reply(part, ReplyKind.StopCheck, languages[0])).ToList();
        return new DialogOutcome(replies, null, new DialogTrace("ambiguous-keyword", false, [], null));
    }

    /// <summary>
    /// Words every language shares ("ok", "thanks") with one that is not small talk ("ok thanks bhai"): the other words
    /// say the language when they can; otherwise the deployment's default, or the first language the words belong to.
    /// </summary>
    private string Detected(NormalizedText text, IReadOnlyList<string> candidates)
    {
        var guess = languages.Detect(text, null);
        if (guess.Confidence > 0 && (candidates.Count == 0 || candidates.Contains(guess.Language)))
        {
            return guess.Language;
        }

        return candidates.Contains(settings.DefaultLanguage) || candidates.Count == 0
            ? settings.DefaultLanguage
            : candidates[0];
    }
}
