using System.ComponentModel.DataAnnotations;

namespace HealthBot.Dialog;

public sealed class DialogOptions
{
    public const string Section = "Dialog";

    /// <summary>The languages the bot answers in; each needs its own words wherever the deployment fills some in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "sw", "pt", "hi"];

    /// <summary>Language for contacts whose language is not known yet and cannot be told from the message.</summary>
    [Required, RegularExpression("^(en|fr|sw|pt|hi)$")]
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>The default of <see cref="MinConfidence"/>, calibrated on the dev set (README).</summary>
    public const double DefaultMinConfidence = 0.18;

    /// <summary>Below this retrieval score (0 to 1) the bot declines politely instead of guessing.</summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = DefaultMinConfidence;

    /// <summary>A lower score still answers when the best item leads the next one by <see cref="ClearWinnerMargin"/>.</summary>
    [Range(0.0, 1.0)]
    public double ClearWinnerConfidence { get; set; } = 0.10;

    [Range(0.0, 1.0)]
    public double ClearWinnerMargin { get; set; } = 0.15;

    /// <summary>
    /// A question without any word of a subject the bot does not cover (prices, sport, homework…) is answered from this
    /// score when its best item ranks first: the right item first but weakly matched ("fits last year with fever").
    /// </summary>
    [Range(0.0, 1.0)]
    public double OnTopicConfidence { get; set; } = 0.12;

    /// <summary>Send SMS replies without accents GSM-7 cannot carry (ã, ç, ê…) so they stay cheap GSM-7 messages.</summary>
    public bool FoldAccentsForSms { get; set; } = true;

    /// <summary>Inbound messages answered in parallel (messages of one contact are always answered in order).</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>The deployment's emergency number, put into the urgent referral message.</summary>
    [Required]
    public string EmergencyNumber { get; set; } = "112";

    /// <summary>
    /// How long a conversation remembers its last topic, emergency and language, so a short follow-up ("and for
    /// pregnant women?") is answered within it. Zero turns the memory off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ConversationMemory { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A message this short (in words) continues the remembered topic even without a follow-up cue.</summary>
    [Range(0, 20)]
    public int FollowUpMaxWords { get; set; } = 3;

    /// <summary>A retrieval score from which a match on another topic is a new question, not a follow-up.</summary>
    [Range(0.0, 1.0)]
    public double NewTopicConfidence { get; set; } = 0.30;

    /// <summary>As <see cref="NewTopicConfidence"/>, for a message after an emergency the rules found.</summary>
    [Range(0.0, 1.0)]
    public double EmergencyNewTopicConfidence { get; set; } = 0.45;

    /// <summary>
    /// A retrieval score from which a follow-up naming another topic's keyword ("and measles?") asks about that
    /// topic even though the remembered item mentions the word too.
    /// </summary>
    [Range(0.0, 1.0)]
    public double NamedTopicConfidence { get; set; } = 0.60;

    /// <summary>"Was this helpful? Reply 1 yes, 2 no" after answers from content.</summary>
    public FeedbackOptions Feedback { get; set; } = new();

    /// <summary>
    /// Where to go in an emergency, in each of <see cref="Languages"/>, put into the urgent referral: the message must be
    /// entirely in the person's language. Checked on start (<see cref="DialogOptionsValidator"/>).
    /// </summary>
    public Dictionary<string, string> NearestFacility { get; set; } = new(StringComparer.Ordinal)
    {
        ["en"] = "the nearest health facility",
        ["fr"] = "l'établissement de santé le plus proche",
        ["sw"] = "kituo cha afya kilicho karibu nawe",
        ["pt"] = "a unidade de saúde mais próxima",
        ["hi"] = "सबसे नज़दीकी स्वास्थ्य केंद्र",
    };
}
