using HealthBot.Content;
using HealthBot.Dialog;

namespace HealthBot.Safety;

/// <summary>Which curated item follows the urgent referral.</summary>
public static class UrgentTopic
{
    /// <summary>
    /// Among the triage result's candidate topics, the one retrieval ranks highest for this message, else the first;
    /// without candidates, the rule's topic, else the best retrieval match.
    /// </summary>
    public static ContentItem? Choose(TriageResult assessment, RetrievalResult retrieval, ContentLibrary library, string language)
    {
        if (assessment.Topics.Count == 0)
        {
            return assessment.TopicId is { } topic ? library.Find(topic, language) : retrieval.Best;
        }

        var ranked = retrieval.Candidates.Select(c => c.ContentId).FirstOrDefault(assessment.Topics.Contains);
        return library.Find(ranked ?? assessment.Topics[0], language)
            ?? assessment.Topics.Select(t => library.Find(t, language)).FirstOrDefault(i => i is not null);
    }
}
