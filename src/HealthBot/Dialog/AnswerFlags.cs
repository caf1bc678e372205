namespace HealthBot.Dialog;

/// <summary>Why an answer from content should be looked at by staff, stored with it and shown in the inbox.</summary>
public static class AnswerFlags
{
    /// <summary>Answered only as the clear winner of a weak match (below <see cref="DialogOptions.MinConfidence"/>).</summary>
    public const string LowConfidence = "low_confidence";

    /// <summary>The groundedness check rejected the model's answer, so the curated text went instead.</summary>
    public const string ModelRejected = "model_rejected";

    /// <summary>The person replied "2" (not helpful); recorded on the feedback, not on a message.</summary>
    public const string NegativeFeedback = "negative_feedback";

    public static string? For(RetrievalResult retrieval, PhrasedAnswer answer, DialogOptions settings) =>
        retrieval.Confidence < settings.MinConfidence ? LowConfidence
        : answer.FallbackReason?.StartsWith("check-", StringComparison.Ordinal) == true ? ModelRejected
        : null;
}
