namespace HealthBot.Dialog;

public enum FeedbackMode
{
    /// <summary>Never ask.</summary>
    Off,

    /// <summary>Ask after answers from content (SMS as <see cref="FeedbackOptions.Sms"/> says).</summary>
    On,
}

public enum SmsFeedback
{
    /// <summary>Never ask by SMS.</summary>
    Off,

    /// <summary>Ask at the end of the answer's last message, only when that adds no paid segment.</summary>
    SameMessage,
}

/// <summary>"Was this helpful? Reply 1 yes, 2 no" after answers from content (section <c>Dialog:Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    public FeedbackMode Mode { get; set; } = FeedbackMode.On;

    /// <summary>Never a separate SMS: an extra segment is paid for on every answer, by the NGO.</summary>
    public SmsFeedback Sms { get; set; } = SmsFeedback.SameMessage;

    /// <summary>How long after the question a "1" or "2" counts as feedback; later it is an ordinary message.</summary>
    public TimeSpan ReplyWindow { get; set; } = TimeSpan.FromHours(1);
}
