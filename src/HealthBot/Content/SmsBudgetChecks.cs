using HealthBot.Sms;
using static HealthBot.Content.ContentValidator;

namespace HealthBot.Content;

/// <summary>
/// Counts segments exactly as the reply will be sent: Latin-script text after <see cref="SmartEncoding.FoldToGsm"/>
/// (it must then be GSM-7), Devanagari after <see cref="SmartEncoding.Apply"/> (UCS-2). Every segment is paid for,
/// and long multi-part messages arrive out of order on some phones.
/// </summary>
internal static class SmsBudgetChecks
{
    private const int LatinAnswerSegments = 3;
    private const int DevanagariAnswerSegments = 4;
    private const int LatinSystemSegments = 2;
    private const int DevanagariSystemSegments = 3;

    public static void Check(ContentFileSet set, List<ContentFinding> findings)
    {
        foreach (var (language, files) in set.ByLanguage)
        {
            foreach (var file in files)
            {
                if (file.IsTopic && file.Document.Sections.TryGetValue("sms", out var sms))
                {
                    var limit = IsDevanagari(language) ? DevanagariAnswerSegments : LatinAnswerSegments;
                    if (Problem(language, "sms", sms, limit, "the limit is") is { } message)
                    {
                        findings.Add(Error(file.Path, sms.Line, message));
                    }
                }
                else if (file.IsSystem)
                {
                    CheckSystem(file, findings);
                }
            }
        }
    }

    /// <summary>Fixed messages are sent often (greeting, help), so they get a tighter budget; over it is a warning only.</summary>
    private static void CheckSystem(ContentFile file, List<ContentFinding> findings)
    {
        var limit = IsDevanagari(file.Language) ? DevanagariSystemSegments : LatinSystemSegments;
        foreach (var (name, section) in file.Document.Sections)
        {
            if (Problem(file.Language, $"'{name}'", section, limit, "system messages should fit in") is { } message)
            {
                findings.Add(ContentFinding.Warning(file.Path, section.Line, message));
            }
        }
    }

    private static string? Problem(string language, string what, Section section, int limit, string limitText)
    {
        if (section.HasLengthComment || section.Text.Length == 0)
        {
            return null;
        }

        var devanagari = IsDevanagari(language);
        if (!devanagari && SmartEncoding.FoldClashes(section.Text, language).Count > 0)
        {
            return null; // AccentClashChecks warns, with the cost, and says how to get back to GSM-7.
        }

        var text = devanagari ? SmartEncoding.Apply(section.Text) : SmartEncoding.FoldToGsm(section.Text, language);
        var info = SmsSegments.Analyze(text);
        var size = $"{info.Segments} {info.EncodingName} segment{(info.Segments == 1 ? "" : "s")} ({info.Units} {(info.Encoding == SmsEncoding.Gsm7 ? "septets" : "UTF-16 units")})";
        if (!devanagari && info.Encoding != SmsEncoding.Gsm7)
        {
            var culprits = string.Join(", ", text.EnumerateRunes().Select(r => r.ToString()).Where(r => !GsmCharset.CanEncode(r)).Distinct().Take(5).Select(r => $"'{r}'"));
            return $"{what} is {size} because of {culprits}, which have no GSM-7 form; use plain letters ({limitText} {limit} GSM-7 segments)";
        }

        return info.Segments > limit ? $"{what} is {size}; {limitText} {limit}" : null;
    }
}
