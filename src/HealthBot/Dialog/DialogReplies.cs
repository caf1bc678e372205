using System.Globalization;
using HealthBot.Content;

namespace HealthBot.Dialog;

/// <summary>Builds the engine's replies from system messages and curated items, fitted to the channel.</summary>
internal sealed class DialogReplies(ContentCatalog catalog, DialogOptions settings)
{
    public DialogOutcome System(ChannelProfile profile, string language, string kind, string message, string route, IReadOnlyList<Candidate>? candidates = null) =>
        new(Compose(profile, language, SystemText(catalog.Current, language, message), kind, null, null).ToList(), language,
            new DialogTrace(route, false, candidates ?? [], language));

    /// <summary>The urgent referral with the deployment's emergency number and facility, then the topic's curated item.</summary>
    /// <param name="section">The part of the item to send instead of the whole (a follow-up's answer).</param>
    public DialogOutcome Urgent(ChannelProfile profile, string language, ContentItem? item, IReadOnlyList<Candidate> candidates, string? section = null)
    {
        var replies = Compose(profile, language, Referral(language, "urgent_referral"), ReplyKind.Urgent, null, null).ToList();
        if (item is not null)
        {
            replies.AddRange(Compose(profile, language, section ?? Curated(item, profile), ReplyKind.Answer, item.Id, item.Version));
        }

        return new DialogOutcome(replies, language, new DialogTrace("urgent", true, candidates, language));
    }

    /// <summary>
    /// A closing after a referral ("ok we are going", "sawa tumefika"): thanks and the one-line safety reminder, in the
    /// person's language; the referral is not repeated and the memory of the emergency is left as it is.
    /// </summary>
    public DialogOutcome Closing(ChannelProfile profile, string language, IReadOnlyList<Candidate> candidates) =>
        new(Compose(profile, language, Referral(language, "urgent_closing"), ReplyKind.SmallTalk, null, null).ToList(),
            language, new DialogTrace("closing-after-emergency", false, candidates, language));

    /// <summary>
    /// The learned second opinion on a message the rules found not urgent: when it is confident, one safety line
    /// after the normal answer and an alert for staff to review. The answer itself is left as it is.
    /// </summary>
    /// <param name="kept">
    /// The message continues a conversation the second opinion found possibly urgent: the line and the alert stay
    /// whatever this message scores ("il ne tète plus bien" after fast breathing).
    /// </param>
    public DialogOutcome WithSecondOpinion(
        DialogOutcome outcome, ChannelProfile profile, string language, HealthBot.Safety.SecondOpinionResult? opinion,
        bool kept = false)
    {
        if ((opinion is not { Alert: true } && !kept) || outcome.Alert is not null)
        {
            return outcome with { SecondOpinion = opinion };
        }

        // Silence (a responder is handling the person, the hourly limit) stays silence: staff are still alerted.
        // The line goes first, like a referral: the answer's last message ends with "Was this helpful?", which must
        // stay the last thing the person reads (and is what "1" or "2" answers).
        var line = outcome.Replies.Count == 0 ? []
            : Compose(profile, language, Referral(language, "second_opinion_safety"), ReplyKind.SafetyLine, null, null);
        var topic = outcome.Replies.FirstOrDefault(r => r.ContentId is not null)?.ContentId;
        return outcome with
        {
            Replies = [.. line, .. outcome.Replies],
            SecondOpinion = opinion,
            Alert = new TriageResult(false, topic, HealthBot.Safety.SecondOpinion.Rule)
            {
                Why = opinion is { Alert: true }
                    ? string.Create(
                        CultureInfo.InvariantCulture, $"score {opinion.Score:0.00} >= {opinion.Threshold:0.00}")
                    : "follow-up of a possible emergency",
            },
        };
    }

    public IEnumerable<Reply> Compose(ChannelProfile profile, string language, string text, string kind, string? contentId, int? version) =>
        ReplyComposer.Compose(text, profile, settings.FoldAccentsForSms && language != "hi", language)
            .Select(part => new Reply(part, kind, language, contentId, version));

    /// <summary>A referral text with the deployment's emergency number and nearest facility in the language.</summary>
    private string Referral(string language, string name)
    {
        // Every supported language has its own (checked on start); English only for a language the bot does not support.
        var facility = settings.NearestFacility.GetValueOrDefault(language) ?? settings.NearestFacility.GetValueOrDefault("en") ?? "the nearest health facility";
        return SystemText(catalog.Current, language, name)
            .Replace("{emergency_number}", settings.EmergencyNumber, StringComparison.Ordinal)
            .Replace("{facility}", facility, StringComparison.Ordinal);
    }

    /// <summary>A system message in the language, else the default language, else the built-in English text.</summary>
    public string Text(string language, string name) => SystemText(catalog.Current, language, name);

    public static string Curated(ContentItem item, ChannelProfile profile) => profile.UseWebBody ? item.Web : item.Sms;

    private string SystemText(ContentLibrary library, string language, string name) =>
        library.System.GetValueOrDefault(language)?.Get(name)
        ?? library.System.GetValueOrDefault(settings.DefaultLanguage)?.Get(name)
        ?? BuiltInMessages.Get(name);
}
