namespace HealthBot.Sms;

/// <summary>
/// A text as it leaves by SMS and what that costs: <paramref name="Text"/> is what the person's phone shows,
/// <paramref name="Info"/> its encoding and segments, <paramref name="Clashes"/> the words that kept it from being
/// folded (<see cref="AccentClashes"/>), so it goes with its accents, in UCS-2.
/// </summary>
public sealed record OutgoingSms(
    string Written, string Text, SegmentInfo Info, IReadOnlyList<(string Word, string Folded)> Clashes)
{
    /// <summary>Whether what arrives differs from what was written (punctuation replaced, accents dropped).</summary>
    public bool Changed => !string.Equals(Written, Text, StringComparison.Ordinal);

    /// <summary>
    /// What an SMS reply becomes on its way out; replies, the editor's preview and <c>sms-info</c> call it, and
    /// campaigns (<c>CampaignPlanner.ForChannel</c>) call it with folding on. GSM-friendly punctuation always; accents
    /// GSM-7 cannot carry are dropped for Latin-script languages when <paramref name="foldAccents"/>
    /// (Dialog:FoldAccentsForSms), never for Hindi.
    /// </summary>
    public static string Prepare(string text, string? language, bool foldAccents = true) =>
        Folds(language, foldAccents) ? SmartEncoding.FoldToGsm(text, language) : SmartEncoding.Apply(text);

    /// <summary><see cref="Prepare"/>, and the encoding and segments of the result.</summary>
    public static OutgoingSms Measure(string text, string? language, bool foldAccents = true)
    {
        var clashes = Folds(language, foldAccents) ? SmartEncoding.FoldClashes(text, language) : [];
        var sent = Prepare(text, language, foldAccents);
        return new OutgoingSms(text, sent, SmsSegments.Analyze(sent), clashes);
    }

    private static bool Folds(string? language, bool foldAccents) => foldAccents && language != "hi";
}
