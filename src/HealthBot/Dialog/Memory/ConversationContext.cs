using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Safety;
using Microsoft.Extensions.Options;

namespace HealthBot.Dialog.Memory;

/// <summary>
/// A follow-up answered within the conversation: <paramref name="Section"/> is the part of <paramref name="Item"/>
/// that answers it (null: the whole item); <paramref name="How"/> says which (section, related, topic) for the
/// trace; <paramref name="Emergency"/> is the remembered emergency it continues, if any.
/// </summary>
public sealed record FollowUp(ContentItem? Item, string? Section, string How, TriageResult? Emergency)
{
    /// <summary>For <c>chat --explain</c>: which remembered topic was used, and how.</summary>
    public string Trace(string topic) => $"follow-up of {topic} ({How}{(Emergency is null ? string.Empty : ", emergency kept")})";
}

/// <summary>
/// The conversation's short memory (<see cref="DialogOptions.ConversationMemory"/>): reads it, decides whether a
/// message continues it, and says what to remember next. A clearly new question (a confident retrieval match on
/// another topic) starts fresh.
/// </summary>
public sealed class ConversationContext(
    ContentCatalog catalog, IRetriever retriever, IConversationStore store, TimeProvider time, IOptions<DialogOptions> options)
{
    private readonly DialogOptions settings = options.Value;

    public Task<ConversationMemory?> RecallAsync(long contactId, CancellationToken ct) =>
        store.RecallAsync(contactId, time.GetUtcNow() - settings.ConversationMemory, ct);

    public FollowUp? Resolve(NormalizedText text, string language, ConversationMemory? memory, RetrievalResult retrieval)
    {
        var topic = memory?.UrgentTopic ?? memory?.Topic;
        if (memory is null || (topic is null && !memory.HasEmergency))
        {
            return null;
        }

        var item = topic is null ? null : catalog.Current.Find(topic, language) ?? catalog.Current.Find(topic, memory.Language ?? language);
        var words = FollowUpCues.ContentWords(text, language);
        var cued = FollowUpCues.Continues(text, language);
        // A follow-up whose every meaningful word fits the remembered topic stays with it even when another item scores
        // well ("how much should he drink" after ORS is not about safe water); otherwise a confident match elsewhere is new.
        // Without a cue, a short message fits only when the topic has every one of its words ("can I keep
        // breastfeeding" after diarrhoea: the diarrhoea answer says so).
        var brief = words.Count <= settings.FollowUpMaxWords;
        var fits = item is not null && (cued ? ContentSections.Covers(item, words, item.Language)
            : brief && words.Count > 0 && ContentSections.CoversAll(item, words, item.Language));
        var emergency = memory.HasEmergency ? new TriageResult(true, memory.UrgentTopic, memory.UrgentRule) : null;
        // Only the rules' emergency holds on to the conversation; the second opinion's possible one is kept while
        // the person goes on about the same thing, and "one more question" leaves as it would any topic.
        var possible = memory.UrgentRule == SecondOpinion.Rule;
        var afresh = FollowUpCues.StartsAfresh(text, language);
        if (afresh && (emergency is null || possible))
        {
            return null;
        }

        // Leaving an emergency takes a clearer new question: "its still going on what do i do" is no new topic
        // because a common word of it matches some item weakly.
        var fresh = emergency is not null && !possible && !afresh
            ? settings.EmergencyNewTopicConfidence : settings.NewTopicConfidence;
        if ((!fits || NamesAnother(item, words, language, retrieval)) && retrieval.Best is { } best && best.Id != topic
            && retrieval.Confidence >= fresh)
        {
            return null;
        }

        // After an emergency anything that is not clearly a new question keeps the referral: recall comes first.
        // Short is counted in meaningful words: "raat ko kya karein?" ("what to do at night?") has one.
        if (!cued && !brief && (emergency is null || possible))
        {
            return null;
        }

        if (item is null)
        {
            return emergency is null ? null : new FollowUp(null, null, "referral", emergency);
        }

        if (ContentSections.Best(item, words, item.Language) is { } section)
        {
            return new FollowUp(item, section, "section", emergency);
        }

        // Nothing in the topic answers it: the item closest to the question asked within the topic, if another.
        var related = retriever.Retrieve(TextNormalizer.Normalize($"{text.Clean} {item.Title}"), language).Best;
        return related is not null && related.Id != item.Id && emergency is null && words.Count > 0
            ? new FollowUp(related, null, "related", null)
            : new FollowUp(item, null, "topic", emergency);
    }

    /// <summary>
    /// Whether a follow-up names another topic ("and measles?", "et la bouillie?"): a keyword of the best match
    /// none of whose words the remembered item mentions, or one it mentions in passing when the match is clear.
    /// </summary>
    private bool NamesAnother(
        ContentItem? item, IReadOnlyList<string> words, string language, RetrievalResult retrieval)
    {
        if (item is null || retrieval.Best is not { } other || other.Id == item.Id)
        {
            return false;
        }

        var named = ContentSections.NamedByOther(other, item, words, language);
        return named.Any(keyword => keyword.All(w => !ContentSections.Covers(item, [w], item.Language)))
            || (named.Count > 0 && retrieval.Confidence >= settings.NamedTopicConfidence);
    }

    /// <summary>What to remember after this answer: the topic, and an emergency while it lasts.</summary>
    public ConversationMemory Remember(string language, string? topic, TriageResult? emergency, ConversationMemory? before)
    {
        var now = time.GetUtcNow();
        // The second opinion's alert is remembered too (not urgent: it never brings the referral), so that a
        // follow-up reaches staff on the same alert.
        if (emergency is not { Urgent: true } && emergency?.Rule != SecondOpinion.Rule)
        {
            return new ConversationMemory(language, topic, null, null, null, now);
        }

        var since = before is { UrgentAt: { } at } && before.UrgentRule == emergency.Rule ? at : now;
        return new ConversationMemory(language, topic, emergency.Rule, topic, since, now);
    }
}
