using HealthBot.Content;
using HealthBot.Dialog;

namespace HealthBot.Safety;

/// <summary>Which curated item follows the urgent referral.</summary>
public static class UrgentTopic
{
    /// <summary>
    /// Among the triage result's candidate topics, the one retrieval ranks highest for this message, else the first;
    /// without candidates, the rule's topic, else the best retrieval match. When the message does not say who is
    /// affected ("now he is having fits"), the conversation's <paramref name="remembered"/> topic says it if the rule allows it.
    /// A rule without a topic (poisoning, unconsciousness) is followed by the best match only at
    /// <paramref name="minConfidence"/>, the score the bot answers at: a match merely near the subject misleads after a
    /// referral, as snakebite's first aid ("poison" in its text) did after "my brother drank rat poison".
    /// </summary>
    public static ContentItem? Choose(
        TriageResult assessment, RetrievalResult retrieval, ContentLibrary library, string language,
        string? remembered = null, double minConfidence = DialogOptions.DefaultMinConfidence)
    {
        if (!assessment.SaysWho && remembered is not null && assessment.RuleTopics.Contains(remembered) && library.Find(remembered, language) is { } kept)
        {
            return kept;
        }

        if (assessment.Topics.Count == 0)
        {
            return assessment.TopicId is { } topic ? library.Find(topic, language)
                : retrieval.Confidence >= minConfidence ? retrieval.Best : null;
        }

        var ranked = retrieval.Candidates.Select(c => c.ContentId).FirstOrDefault(assessment.Topics.Contains);
        return library.Find(ranked ?? assessment.Topics[0], language)
            ?? assessment.Topics.Select(t => library.Find(t, language)).FirstOrDefault(i => i is not null);
    }
}
