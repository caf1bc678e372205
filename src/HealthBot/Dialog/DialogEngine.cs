using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog.Memory;
using HealthBot.Privacy;
using HealthBot.Safety;
using HealthBot.Telemetry;
using Microsoft.Extensions.Options;

namespace HealthBot.Dialog;

/// <summary>
/// The provider-agnostic pipeline: normalize → consent and keyword commands → language → triage → limits →
/// retrieval → phrasing → compose. It decides what to say; storing and sending belong to
/// <see cref="DialogProcessor"/> and the outbox. Triage runs before retrieval and any model, and emergencies are
/// never rate-limited.
/// </summary>
public sealed class DialogEngine(
    ContentCatalog catalog,
    ILanguageDetector languages,
    ITriage triage,
    SecondOpinion secondOpinion,
    IRetriever retriever,
    IAnswerPhraser phraser,
    IContactStore contacts,
    IPrivacyStore privacy,
    ReplyLimiter limiter,
    IEnumerable<IKeywordHandler> keywordHandlers,
    IEnumerable<IPregnancyMessages> pregnancyMessages,
    IHandoffState handoff,
    AnswerFeedback feedback,
    StopCheckHistory stopChecks,
    ConversationContext conversation,
    IOptions<DialogOptions> options,
    IOptions<SafetyOptions> safety,
    Channels.ChannelRegistry channels,
    HealthBotTelemetry telemetry)
{
    private readonly DialogOptions settings = options.Value;
    private readonly DialogReplies say = new(catalog, options.Value);
    private readonly ShortReplies talk = new(catalog, options.Value, contacts, limiter, handoff, stopChecks, languages);

    /// <param name="messageId">The inbound message, so that feedback it gives is recorded once even if it is processed twice.</param>
    /// <param name="provider">
    /// The provider the replies will go through: they are shaped for it (null: the channel's sending provider).
    /// </param>
    public async Task<DialogOutcome> HandleAsync(
        Contact contact, string rawText, CancellationToken ct, bool preferWeb = false, long? messageId = null,
        string? provider = null)
    {
        var text = TextNormalizer.Normalize(rawText);
        var profile = channels.Profile(contact.Channel, preferWeb, provider);
        var command = KeywordCommands.Match(text, contact.Language);
        var known = contact.Language ?? command.Language ?? settings.DefaultLanguage;
        if (contact.Consent == Consent.OptedOut)
        {
            return await OptedOutAsync(contact, text, command, known, profile, ct);
        }

        if (rawText.Length > safety.Value.MaxMessageChars)
        {
            return say.System(profile, known, ReplyKind.TooLong, "too_long", "too-long");
        }

        if (await CommandAsync(contact, text, command, known, profile, ct) is { } handled)
        {
            return handled;
        }

        if (await feedback.TryRecordAsync(contact, text, profile, messageId, ct) is { } thanked)
        {
            return thanked;
        }

        foreach (var handler in keywordHandlers)
        {
            if (await handler.TryHandleAsync(contact, text, ct) is { } reply)
            {
                return new DialogOutcome(say.Compose(profile, reply.Language, reply.Text, reply.Kind, null, null).ToList(), reply.Language,
                    new DialogTrace("keyword", false, [], reply.Language));
            }
        }

        if (await talk.TryAnswerAsync(contact, text, command, profile, ct) is { } talked)
        {
            return talked;
        }

        if (!text.HasWords)
        {
            // Nothing at all: a photo, voice note, location or reaction, which arrive without text.
            return text.Clean.Length == 0
                ? say.System(profile, known, ReplyKind.NotUnderstood, "text_only", "not-text")
                : say.System(profile, known, ReplyKind.NotUnderstood, "not_understood", "empty");
        }

        // A message of shared words only ("malaria?") from a new contact says nothing: the deployment's language.
        var started = telemetry.Start();
        var guess = languages.Detect(text, contact.Language);
        telemetry.Stage(DialogStage.Language, started);
        var language = guess.Confidence == 0 && contact.Language is null ? settings.DefaultLanguage : guess.Language;
        if (language != contact.Language)
        {
            await contacts.SetLanguageAsync(contact.Id, language, ct);
        }

        return await AnswerAsync(contact with { Language = language }, text, language, profile, ct);
    }

    /// <summary>Nothing goes to an opted-out contact but START; an emergency still alerts staff, silently.</summary>
    private async Task<DialogOutcome> OptedOutAsync(Contact contact, NormalizedText text, Command command, string known, ChannelProfile profile, CancellationToken ct)
    {
        if (command.Kind == CommandKind.Start || text.Folded is "yes" or "oui" or "ndio" or "sim" or "haan" or "हाँ")
        {
            await contacts.SetConsentAsync(contact.Id, Consent.OptedIn, contact.Channel, "keyword", ct);
            return say.System(profile, known, ReplyKind.OptIn, "opt_in", "keyword");
        }

        var assessment = text.HasWords ? triage.Assess(text, known) : TriageResult.None;
        return new DialogOutcome([], known, new DialogTrace("silenced-opted-out", assessment.Urgent, [], null))
        {
            Alert = assessment.Urgent ? assessment : null,
        };
    }

    private async Task<DialogOutcome?> CommandAsync(Contact contact, NormalizedText text, Command command, string known, ChannelProfile profile, CancellationToken ct)
    {
        switch (command.Kind)
        {
            case CommandKind.Stop:
                await contacts.SetConsentAsync(contact.Id, Consent.OptedOut, contact.Channel, "keyword", ct);
                return say.System(profile, known, ReplyKind.OptOut, "opt_out", "keyword");
            case CommandKind.Start:
                await contacts.SetConsentAsync(contact.Id, Consent.OptedIn, contact.Channel, "keyword", ct);
                return say.System(profile, known, ReplyKind.OptIn, "opt_in", "keyword");
            case CommandKind.Help:
                return say.System(profile, known, ReplyKind.Help, "help", "keyword");
            case CommandKind.Forget:
                // Erasure waits until this confirmation has left; the privacy sweep then removes the number and every text.
                await contacts.SetConsentAsync(contact.Id, Consent.OptedOut, contact.Channel, "forget", ct);
                await privacy.RequestForgetAsync(contact.Id, ct);
                return say.System(profile, known, ReplyKind.Forgotten, "forgotten", "keyword");
            case CommandKind.Greeting:
                // A greeting of one language only ("namaste", "habari") says the new contact's language better than
                // detection on one word can.
                // "hi" or "hello" alone is every language's (Hinglish too): the deployment's language answers a new
                // contact, and is not recorded as theirs; the letter model took "hi" for Hindi.
                var shared = contact.Language is null && command.Language is null;
                var language = contact.Language is null && command.Language is { } only ? only
                    : shared ? Preferred(command.Languages ?? [])
                    : languages.Detect(text, contact.Language).Language;
                if (!shared && language != contact.Language)
                {
                    await contacts.SetLanguageAsync(contact.Id, language, ct);
                }

                return say.System(profile, language, ReplyKind.Greeting, "greeting", "keyword");
            case CommandKind.Language:
                await contacts.SetLanguageAsync(contact.Id, command.Language!, ct);
                return say.System(profile, command.Language!, ReplyKind.LanguageChanged, "language_changed", "keyword");
            case CommandKind.Ambiguous:
                return await talk.AskAboutStopAsync(contact, command.Languages!, profile, ct);
            default:
                return null;
        }
    }

    private async Task<DialogOutcome> AnswerAsync(Contact contact, NormalizedText text, string language, ChannelProfile profile, CancellationToken ct)
    {
        var memory = await conversation.RecallAsync(contact.Id, ct);
        var started = telemetry.Start();
        var assessment = triage.Assess(text, language, memory?.UrgentTopic ?? memory?.Topic);
        telemetry.Stage(DialogStage.Triage, started);
        started = telemetry.Start();
        var retrieval = retriever.Retrieve(text, language);
        telemetry.Stage(DialogStage.Retrieval, started);
        // "ok we are going" after the rules' referral: no referral again and nothing new for staff, but a reminder.
        if (!assessment.Urgent && memory is { HasEmergency: true } && memory.UrgentRule != SecondOpinion.Rule
            && EmergencyClosings.Is(text, language))
        {
            return await handoff.IsHumanHandlingAsync(contact.Id, ct)
                ? new DialogOutcome(
                    [], language, new DialogTrace("human-handling", false, retrieval.Candidates, language))
                : say.Closing(profile, language, retrieval.Candidates);
        }

        var followUp = assessment.Urgent ? null : conversation.Resolve(text, language, memory, retrieval);
        if (followUp is { Emergency: { } kept } && kept.Rule != SecondOpinion.Rule)
        {
            // Still the same emergency ("he is 5, the leg is swelling"): the referral again, on the same alert.
            return say.Urgent(profile, language, followUp.Item, retrieval.Candidates, followUp.Section) with
            {
                Alert = kept,
                Memory = conversation.Remember(language, kept.TopicId, kept, memory),
                Trace = new DialogTrace("urgent", true, retrieval.Candidates, language, Context: followUp.Trace(kept.TopicId ?? kept.Rule ?? "-")),
            };
        }

        if (assessment.Urgent)
        {
            // The referral goes first and never waits for a model or a limit.
            var item = UrgentTopic.Choose(
                assessment, retrieval, catalog.Current, language, memory?.Topic, settings.MinConfidence);
            var urgent = say.Urgent(profile, language, item, retrieval.Candidates) with
            {
                Alert = assessment,
                Memory = conversation.Remember(language, item?.Id, assessment, memory),
            };
            if (!PregnancyLoss.Describes(text))
            {
                return urgent;
            }

            // A loss described with danger signs: the referral first, then the gentle message, and no more pregnancy tips.
            await LeavePregnancyMessagesAsync(contact, ct);

            return urgent with { Replies = [.. urgent.Replies, .. say.System(profile, language, ReplyKind.Loss, "loss", "pregnancy-loss").Replies] };
        }

        // The rules found no emergency: the learned second opinion may only add a safety line and a staff alert.
        var everyday = await EverydayAsync(contact, text, language, profile, memory, retrieval, followUp, ct);
        // A follow-up answered within a possible emergency keeps its safety line and reaches staff on the same alert.
        var possiblyUrgent = followUp is { Emergency.Rule: SecondOpinion.Rule } && everyday.Trace.Context is not null;
        // A message that only says who or how old ("il a 4 mois") carries no sign the classifier could weigh.
        var opinion = FollowUpCues.SaysOnlyWho(text, language) ? null : secondOpinion.Check(text, language);
        var checkedOutcome = say.WithSecondOpinion(everyday, profile, language, opinion, possiblyUrgent);
        return checkedOutcome.Alert is { Rule: SecondOpinion.Rule } possible
            ? checkedOutcome with
            {
                Memory = conversation.Remember(
                    language, checkedOutcome.Memory?.Topic ?? possible.TopicId, possible, memory),
            }
            : checkedOutcome;
    }

    /// <summary>Everything but an emergency: a loss, a responder, the limits, a dose, small talk, a follow-up, an answer.</summary>
    private async Task<DialogOutcome> EverydayAsync(Contact contact, NormalizedText text, string language, ChannelProfile profile,
        ConversationMemory? memory, RetrievalResult retrieval, FollowUp? followUp, CancellationToken ct)
    {
        if (PregnancyLoss.Describes(text))
        {
            // Leave the pregnancy messages only, gently; the person keeps every other subscription.
            await LeavePregnancyMessagesAsync(contact, ct);

            return say.System(profile, language, ReplyKind.Loss, "loss", "pregnancy-loss", retrieval.Candidates);
        }

        // A responder is handling this person: only the emergency path above may still answer.
        if (await handoff.IsHumanHandlingAsync(contact.Id, ct))
        {
            return new DialogOutcome([], language, new DialogTrace("human-handling", false, retrieval.Candidates, language));
        }

        switch (await limiter.CheckAsync(contact, ct))
        {
            case LimitDecision.Notice:
                return say.System(profile, language, ReplyKind.RateLimited, "rate_limited", "rate-limited");
            case LimitDecision.Silent:
                return new DialogOutcome([], language, new DialogTrace("rate-limited-silent", false, [], language));
        }

        if (DoseQuestions.IsDoseQuestion(text))
        {
            return say.System(profile, language, ReplyKind.Referral, "referral", "dose-referral", retrieval.Candidates);
        }

        if (talk.IsPolite(text, language, contact.Language, retrieval) is { } polite &&
            await talk.TryAnswerAsync(contact, text, polite, profile, ct) is { } talked)
        {
            return talked;
        }

        if (followUp is { Item: { } remembered })
        {
            return await AnswerItemAsync(contact, text, language, profile, retrieval, remembered, followUp.Section,
                memory?.Topic is { } previous ? followUp.Trace(previous) : null, ct);
        }

        if (retrieval.Best is not { } best)
        {
            // No word matched any content at all: unintelligible rather than off-topic.
            return retrieval.Candidates.Count == 0
                ? say.System(profile, language, ReplyKind.NotUnderstood, "not_understood", "unintelligible")
                : say.System(profile, language, ReplyKind.OutOfScope, "out_of_scope", "declined", retrieval.Candidates);
        }

        return await AnswerItemAsync(contact, text, language, profile, retrieval, best, null, null, ct);
    }

    /// <summary>Answers from one item (or one section of it, for a follow-up) and remembers its topic.</summary>
    private async Task<DialogOutcome> AnswerItemAsync(
        Contact contact, NormalizedText text, string language, ChannelProfile profile, RetrievalResult retrieval, ContentItem best, string? section,
        string? context, CancellationToken ct)
    {
        var curated = section ?? DialogReplies.Curated(best, profile);
        var started = telemetry.Start();
        var answer = await phraser.PhraseAsync(new AnswerRequest(contact, text, best, profile, curated, retrieval.Candidates), ct);
        telemetry.Stage(DialogStage.Model, started);
        // A follow-up's own retrieval score says nothing about the answer: it was chosen from the remembered topic.
        var flag = context is null ? AnswerFlags.For(retrieval, answer, settings)
            : answer.FallbackReason?.StartsWith("check-", StringComparison.Ordinal) == true ? AnswerFlags.ModelRejected : null;
        started = telemetry.Start();
        var replies = feedback.WithPrompt(say.Compose(profile, language, answer.Text, ReplyKind.Answer, best.Id, best.Version)
            .Select(r => r with { FromModel = answer.FromModel, FallbackReason = answer.FallbackReason, FlagReason = flag }).ToList(), profile, language);
        telemetry.Stage(DialogStage.Compose, started);
        var route = (context is null ? string.Empty : "follow-up-") + (answer.FromModel ? "answer-model" : "answer-curated");
        return new DialogOutcome(replies, language, new DialogTrace(route, false, retrieval.Candidates, language, answer.FallbackReason, context))
        {
            Memory = conversation.Remember(language, best.Id, null, null),
        };
    }

    private async Task LeavePregnancyMessagesAsync(Contact contact, CancellationToken ct)
    {
        foreach (var messages in pregnancyMessages)
        {
            await messages.LeaveAsync(contact.Id, ct);
        }
    }

    private string Preferred(IReadOnlyList<string> candidates) =>
        candidates.Contains(settings.DefaultLanguage) || candidates.Count == 0 ? settings.DefaultLanguage : candidates[0];
}
