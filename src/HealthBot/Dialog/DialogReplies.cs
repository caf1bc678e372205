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
        var library = catalog.Current;
        // Every supported language has its own (checked on start); English only for a language the bot does not support.
        var facility = settings.NearestFacility.GetValueOrDefault(language) ?? settings.NearestFacility.GetValueOrDefault("en") ?? "the nearest health facility";
        var referral = SystemText(library, language, "urgent_referral")
            .Replace("{emergency_number}", settings.EmergencyNumber, StringComparison.Ordinal)
            .Replace("{facility}", facility, StringComparison.Ordinal);
        var replies = Compose(profile, language, referral, ReplyKind.Urgent, null, null).ToList();
        if (item is not null)
        {
            replies.AddRange(Compose(profile, language, section ?? Curated(item, profile), ReplyKind.Answer, item.Id, item.Version));
        }

        return new DialogOutcome(replies, language, new DialogTrace("urgent", true, candidates, language));
    }

    public IEnumerable<Reply> Compose(ChannelProfile profile, string language, string text, string kind, string? contentId, int? version) =>
        ReplyComposer.Compose(text, profile, settings.FoldAccentsForSms && language != "hi", language)
            .Select(part => new Reply(part, kind, language, contentId, version));

    /// <summary>A system message in the language, else the default language, else the built-in English text.</summary>
    public string Text(string language, string name) => SystemText(catalog.Current, language, name);

    public static string Curated(ContentItem item, ChannelProfile profile) => profile.UseWebBody ? item.Web : item.Sms;

    private string SystemText(ContentLibrary library, string language, string name) =>
        library.System.GetValueOrDefault(language)?.Get(name)
        ?? library.System.GetValueOrDefault(settings.DefaultLanguage)?.Get(name)
        ?? BuiltInMessages.Get(name);
}
