using HealthBot.Content;
using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Dialog;

/// <summary>
/// The provider-agnostic pipeline: normalize → keyword commands → triage → language → retrieval → phrasing →
/// compose. It decides what to say; storing and sending belong to <see cref="DialogProcessor"/> and the outbox.
/// </summary>
public sealed class DialogEngine(
    ContentCatalog catalog,
    ILanguageDetector languages,
    ITriage triage,
    IRetriever retriever,
    IAnswerPhraser phraser,
    IContactStore contacts,
    IEnumerable<IKeywordHandler> keywordHandlers,
    IOptions<DialogOptions> options)
{
    private readonly DialogOptions settings = options.Value;

    public async Task<DialogOutcome> HandleAsync(Contact contact, string rawText, CancellationToken ct, bool preferWeb = false)
    {
        var text = TextNormalizer.Normalize(rawText);
        var profile = ChannelProfile.For(contact.Channel, preferWeb);
        var known = contact.Language ?? settings.DefaultLanguage;
        var command = KeywordCommands.Match(text);

        if (contact.Consent == Consent.OptedOut)
        {
            // An opted-out contact hears nothing until they opt back in; START (or YES) is the only way back.
            if (command.Kind == CommandKind.Start || text.Folded is "yes" or "oui" or "ndio" or "sim" or "haan" or "हाँ")
            {
                await contacts.SetConsentAsync(contact.Id, Consent.OptedIn, contact.Channel, "keyword", ct);
                return Say(profile, known, ReplyKind.OptIn, "opt_in", "keyword");
            }

            return new DialogOutcome([], known, new DialogTrace("silenced-opted-out", false, [], null));
        }

        switch (command.Kind)
        {
            case CommandKind.Stop:
                await contacts.SetConsentAsync(contact.Id, Consent.OptedOut, contact.Channel, "keyword", ct);
                return Say(profile, known, ReplyKind.OptOut, "opt_out", "keyword");
            case CommandKind.Start:
                await contacts.SetConsentAsync(contact.Id, Consent.OptedIn, contact.Channel, "keyword", ct);
                return Say(profile, known, ReplyKind.OptIn, "opt_in", "keyword");
            case CommandKind.Help:
                return Say(profile, known, ReplyKind.Help, "help", "keyword");
            case CommandKind.Greeting:
                return await GreetAsync(contact, text, profile, ct);
            case CommandKind.Language:
                await contacts.SetLanguageAsync(contact.Id, command.Language!, ct);
                return Say(profile, command.Language!, ReplyKind.LanguageChanged, "language_changed", "keyword");
        }

        foreach (var handler in keywordHandlers)
        {
            if (await handler.TryHandleAsync(contact, text, ct) is { } handled)
            {
                return new DialogOutcome(Compose(profile, handled.Language, handled.Text, handled.Kind, null, null).ToList(), handled.Language,
                    new DialogTrace("keyword", false, [], handled.Language));
            }
        }

        if (!text.HasWords)
        {
            return Say(profile, known, ReplyKind.NotUnderstood, "not_understood", "empty");
        }

        var guess = languages.Detect(text, contact.Language);
        var language = guess.Language;
        if (language != contact.Language)
        {
            await contacts.SetLanguageAsync(contact.Id, language, ct);
        }

        return await AnswerAsync(contact with { Language = language }, text, language, profile, ct);
    }

    /// <summary>A greeting also tells us the language: "bonjour" switches a new contact to French.</summary>
    private async Task<DialogOutcome> GreetAsync(Contact contact, NormalizedText text, ChannelProfile profile, CancellationToken ct)
    {
        var language = languages.Detect(text, contact.Language).Language;
        if (language != contact.Language)
        {
            await contacts.SetLanguageAsync(contact.Id, language, ct);
        }

        return Say(profile, language, ReplyKind.Greeting, "greeting", "keyword");
    }

    private async Task<DialogOutcome> AnswerAsync(Contact contact, NormalizedText text, string language, ChannelProfile profile, CancellationToken ct)
    {
        var library = catalog.Current;
        var assessment = triage.Assess(text, language);
        var retrieval = retriever.Retrieve(text, language);
        var replies = new List<Reply>();
        if (assessment.Urgent)
        {
            // The referral goes first and never waits for a model.
            replies.AddRange(Compose(profile, language, UrgentReferral(library, language), ReplyKind.Urgent, null, null));
            var item = assessment.TopicId is { } topic ? library.Find(topic, language) : retrieval.Best;
            if (item is not null)
            {
                replies.AddRange(Compose(profile, language, Curated(item, profile), ReplyKind.Answer, item.Id, item.Version));
            }

            return new DialogOutcome(replies, language, new DialogTrace("urgent", true, retrieval.Candidates, language));
        }

        if (retrieval.Best is not { } best)
        {
            // No word matched any content at all: unintelligible rather than off-topic.
            return retrieval.Candidates.Count == 0
                ? Say(profile, language, ReplyKind.NotUnderstood, "not_understood", "unintelligible")
                : Say(profile, language, ReplyKind.OutOfScope, "out_of_scope", "declined", retrieval.Candidates);
        }

        var curated = Curated(best, profile);
        var answer = await phraser.PhraseAsync(new AnswerRequest(contact, text, best, profile, curated), ct);
        replies.AddRange(Compose(profile, language, answer.Text, ReplyKind.Answer, best.Id, best.Version));
        return new DialogOutcome(replies, language, new DialogTrace(answer.FromModel ? "answer-model" : "answer-curated", false, retrieval.Candidates, language));
    }

    private DialogOutcome Say(ChannelProfile profile, string language, string kind, string message, string route, IReadOnlyList<Candidate>? candidates = null) =>
        new(Compose(profile, language, SystemText(catalog.Current, language, message), kind, null, null).ToList(), language,
            new DialogTrace(route, false, candidates ?? [], language));

    private IEnumerable<Reply> Compose(ChannelProfile profile, string language, string text, string kind, string? contentId, int? version) =>
        ReplyComposer.Compose(text, profile, settings.FoldAccentsForSms && language != "hi")
            .Select(part => new Reply(part, kind, language, contentId, version));

    private static string Curated(ContentItem item, ChannelProfile profile) => profile.UseWebBody ? item.Web : item.Sms;

    private string UrgentReferral(ContentLibrary library, string language)
    {
        var facility = settings.NearestFacility.GetValueOrDefault(language) ?? settings.NearestFacility.GetValueOrDefault("en") ?? "the nearest health facility";
        return SystemText(library, language, "urgent_referral")
            .Replace("{emergency_number}", settings.EmergencyNumber, StringComparison.Ordinal)
            .Replace("{facility}", facility, StringComparison.Ordinal);
    }

    private string SystemText(ContentLibrary library, string language, string name) =>
        library.System.GetValueOrDefault(language)?.Get(name)
        ?? library.System.GetValueOrDefault(settings.DefaultLanguage)?.Get(name)
        ?? BuiltInMessages.Get(name);
}
