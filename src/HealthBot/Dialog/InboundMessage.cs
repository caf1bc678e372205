namespace HealthBot.Dialog;

/// <summary>
/// A message from a person, already verified and translated by its channel. The dialog engine sees only this:
/// never which provider it came from.
/// </summary>
public sealed record InboundMessage(string Channel, string Address, string Text, string? ProviderId, DateTimeOffset ReceivedAt)
{
    /// <summary>The provider whose webhook received it (<c>africastalking</c>, <c>twilio</c>…); null: none (tests).</summary>
    public string? Provider { get; init; }

    /// <summary>Africa's Talking's premium <c>linkId</c>, which the reply to this message must carry.</summary>
    public string? LinkId { get; init; }

    /// <summary>
    /// The address the person wrote to, as the provider gave it (an Africa's Talking short code): the reply goes from
    /// it when it is one of the deployment's own. Null when the provider does not say or it is not used.
    /// </summary>
    public string? To { get; init; }
}

/// <summary>Channel names as stored with contacts and messages.</summary>
public static class ChannelNames
{
    public const string Sms = "sms";
    public const string WhatsApp = "whatsapp";
    public const string WebChat = "webchat";
    public const string Terminal = "terminal";
}

/// <summary>What kind of reply the engine produced; stored with each outbound message for reports and the inbox.</summary>
public static class ReplyKind
{
    public const string Answer = "answer";
    public const string Urgent = "urgent";
    public const string Help = "help";
    public const string Greeting = "greeting";
    public const string NotUnderstood = "not_understood";
    public const string OutOfScope = "out_of_scope";
    public const string Referral = "referral";
    public const string OptOut = "opt_out";
    public const string OptIn = "opt_in";
    public const string LanguageChanged = "language_changed";
    public const string RateLimited = "rate_limited";
    public const string TooLong = "too_long";
    public const string Forgotten = "forgotten";
    public const string Loss = "loss";

    /// <summary>The second opinion's safety line after a normal answer (the rules did not find an emergency).</summary>
    public const string SafetyLine = "safety_line";

    /// <summary>The thank-you for a "1" or "2" after "Was this helpful?".</summary>
    public const string Feedback = "feedback";

    /// <summary>Written by a responder in the staff workspace, not by the bot.</summary>
    public const string Human = "human";

    /// <summary>The short reply to thanks, OK, yes, no or goodbye.</summary>
    public const string SmallTalk = "small_talk";

    /// <summary>"Send STOP to stop messages" after a keyword that means stop in one language only.</summary>
    public const string StopCheck = "stop_check";
}

/// <summary>
/// One reply the engine wants sent, with the content item and version that produced it (provenance). For answers,
/// <paramref name="FromModel"/> says whether a checked model answer or the curated text was sent, and why not the model;
/// <paramref name="FlagReason"/> why staff should look at it (<see cref="AnswerFlags"/>); <paramref name="FeedbackPrompt"/>
/// that it ends with "Was this helpful?".
/// </summary>
public sealed record Reply(
    string Text, string Kind, string Language, string? ContentId = null, int? ContentVersion = null, bool? FromModel = null, string? FallbackReason = null,
    string? FlagReason = null, bool FeedbackPrompt = false);

/// <summary>The engine's decision for one inbound message; <see cref="Alert"/> is set when staff must be alerted.</summary>
public sealed record DialogOutcome(IReadOnlyList<Reply> Replies, string? Language, DialogTrace Trace)
{
    public TriageResult? Alert { get; init; }

    /// <summary>The learned second opinion's score when the rules were quiet (null: not asked or switched off).</summary>
    public HealthBot.Safety.SecondOpinionResult? SecondOpinion { get; init; }

    /// <summary>What the conversation remembers after this message (null: leave the memory as it is).</summary>
    public HealthBot.Dialog.Memory.ConversationMemory? Memory { get; init; }
}

/// <summary>Why the engine answered as it did (for <c>chat --explain</c>, eval and logs — never message text).</summary>
/// <param name="Context">Whether and how the conversation's memory was used (a follow-up of which topic).</param>
public sealed record DialogTrace(
    string Route, bool Urgent, IReadOnlyList<Candidate> Candidates, string? DetectedLanguage, string? FallbackReason = null, string? Context = null);

/// <summary>A content item retrieval considered, with its score.</summary>
public sealed record Candidate(string ContentId, string Language, double Score);
