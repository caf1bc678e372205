using HealthBot.Content;
using HealthBot.Data;

namespace HealthBot.Dialog;

/// <summary>Decides which language a message is in; the contact's stored language is the prior.</summary>
public interface ILanguageDetector
{
    LanguageGuess Detect(NormalizedText text, string? prior);
}

public sealed record LanguageGuess(string Language, double Confidence);

/// <summary>Emergency triage: runs before retrieval and before any model.</summary>
public interface ITriage
{
    /// <param name="contextTopic">
    /// The conversation's remembered topic: it says who the conversation is about when the message does not
    /// ("now she is breathing very fast" after a question about a child's fever).
    /// </param>
    TriageResult Assess(NormalizedText text, string language, string? contextTopic = null);
}

/// <summary>When <paramref name="Urgent"/>, <paramref name="TopicId"/> names the curated item that follows the referral.</summary>
public sealed record TriageResult(bool Urgent, string? TopicId, string? Rule)
{
    /// <summary>
    /// The topics that may follow the referral, best first (the rule's topics, narrowed to who is affected): the
    /// engine sends the one retrieval ranks highest among them, else the first. Empty: <see cref="TopicId"/> or retrieval.
    /// </summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>All topics the rule may lead to, and whether the message said who is affected.</summary>
    public IReadOnlyList<string> RuleTopics { get; init; } = [];

    public bool SaysWho { get; init; }

    /// <summary>What fired, for <c>chat --explain</c>: "sign 'blood all over'; when 'months along'".</summary>
    public string? Why { get; init; }

    public static TriageResult None { get; } = new(false, null, null);
}

/// <summary>Finds the curated item that answers a message, with a calibrated confidence.</summary>
public interface IRetriever
{
    RetrievalResult Retrieve(NormalizedText text, string language);
}

public sealed record RetrievalResult(ContentItem? Best, double Confidence, IReadOnlyList<Candidate> Candidates, bool OutOfScope)
{
    public static RetrievalResult Nothing { get; } = new(null, 0, [], false);
}

/// <summary>
/// The model hook: phrases a curated item for this question. Implementations must return checked text or the
/// curated text itself; the default returns the curated text.
/// </summary>
public interface IAnswerPhraser
{
    Task<PhrasedAnswer> PhraseAsync(AnswerRequest request, CancellationToken ct);
}

/// <summary><paramref name="Candidates"/>: what retrieval considered, best first (a phraser may use the runner-up too).</summary>
public sealed record AnswerRequest(
    Contact Contact, NormalizedText Question, ContentItem Item, ChannelProfile Profile, string CuratedText, IReadOnlyList<Candidate>? Candidates = null);

public sealed record PhrasedAnswer(string Text, bool FromModel, string? FallbackReason);

/// <summary>Answers with the curated text: the behaviour when no model is configured.</summary>
public sealed class CuratedAnswerPhraser : IAnswerPhraser
{
    public Task<PhrasedAnswer> PhraseAsync(AnswerRequest request, CancellationToken ct) =>
        Task.FromResult(new PhrasedAnswer(request.CuratedText, FromModel: false, FallbackReason: "model-off"));
}

/// <summary>
/// A keyword another feature owns (e.g. JOIN for campaigns), tried after the built-in commands and before triage and
/// retrieval. Returns null when the message is not its keyword.
/// </summary>
public interface IKeywordHandler
{
    Task<KeywordReply?> TryHandleAsync(Contact contact, NormalizedText text, CancellationToken ct);
}

public sealed record KeywordReply(string Text, string Language, string Kind);
