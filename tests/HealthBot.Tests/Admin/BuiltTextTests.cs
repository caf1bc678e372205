using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Admin.Pages;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Text composed in code reaches the workspace in the staff's language: every sentence the files that build such
/// text write has a UiText key or pattern (so a new English sentence fails here before it reaches a page), every
/// translation differs from English unless it is the same word, and patterns translate what they capture.
/// </summary>
public sealed partial class BuiltTextTests
{
    private static readonly string[] Translated = ["fr", "sw", "pt", "hi"];

    /// <summary>The files whose sentences staff read on workspace pages (beside the pages' T("…") keys).</summary>
    private static readonly string[] Producers =
    [
        "Campaigns/CampaignValidator.cs", "Campaigns/CampaignValidator.Messages.cs", "Channels/ChannelRegistry.cs",
        "Campaigns/CampaignClock.cs", "Admin/Pages/Campaigns/CampaignForm.cs",
        "Admin/CampaignWorkspace.cs", "Maintenance/BackupStatusFile.cs", "Maintenance/BoxWarnings.cs",
        "Maintenance/ClockCheck.cs", "Maintenance/ClockJumpDetector.cs", "Channels/ProviderHealth.cs",
        "Channels/Kannel/KannelProbe.cs", "Channels/Android/AndroidProbe.cs", "Channels/Meta/MetaProbe.cs", "Channels/Telegram/TelegramProbe.cs",
        "Channels/AfricasTalking/AfricasTalkingProbe.cs", "Admin/PasswordPolicy.cs", "Admin/StaffAccounts.cs",
        "Admin/InboxService.cs", "Admin/ContentWorkflow.cs", "Admin/InboxFlags.cs", "Admin/Inbox/MessageLook.cs",
        "Admin/TopicNames.cs", "Admin/Pages/Audit.cshtml.cs", "Admin/Pages/Error.cshtml.cs",
        "Content/ContentFileParser.cs", "Safety/TriageRuleSet.cs", "Admin/TriageDrafts.cs", // the triage page
        "Admin/EditorLimits.cs",
    ];

    /// <summary>Sentences in those files that never reach a page: for developers, the command line, the log.</summary>
    private static readonly string[] NotForPages =
    [
        "unknown campaign action 'X'", // a programming error (the page offers three actions)
        "Both X and X would send X", // a configuration error, refused at start
        "no content item 'X' to edit in language 'X'", // the editor's pages only link to items that exist
        "set the time (sudo date", // healthbot doctor's fix, on the command line (the page says to run doctor)
        "compare the box's time with a phone's", // doctor's and `clock`'s fix after a jump (the page has its own)
        "The clock is right again", // a log line
        "the list of common passwords is missing from the build", // a broken build, refused at start
        // Literals the scanner cuts at a quote inside a hole; their sentences have keys ("{0} SMSC online",
        // "the Graph API answered {0} (is MetaWhatsApp__AccessToken valid?)", "title: {0}\nsms: {1}").
        "{smscs.Count(", ", StringComparison.Ordinal))} SMSC online", " (is MetaWhatsApp__AccessToken valid?)",
        "title: {TextDiff", ", title))}", ", receiving by polling",
        "' && value[^1] == '", // the parser's '"' char literals, read as a string by the scanner
        // The keyword and example lines of an edit's audit detail are data (one per line), not sentences.
        ", current?.Keywords ?? []), EditLines.Inline(k))}", ", current?.Examples ?? []), EditLines.Inline(e))}",
    ];

    /// <summary>Translations that are rightly the English word (names, codes, words French shares).</summary>
    private static readonly HashSet<string> SameAsEnglish = new(StringComparer.Ordinal)
    {
        "fr:Contact", "fr:Question", "fr:Messages", "fr:Version", "fr:Segments", "fr:Action", "fr:Conversations", "fr:contacts",
        "fr:Contacts", "fr:Menu", "pt:Menu", "fr:via", "pt:via", "fr:bot", "fr:Audit", "fr:Publish", "fr:Campaign",
        "fr:active", "fr:Flag", "fr:{0} messages", "fr:{0} conversations", "fr:{0} via {1}", "pt:{0} via {1}",
        "fr:contact", "fr:version", "pt:editor", "fr:Insights", "fr:Message", "fr:Text", "pt:Model", "fr:Model",
        "sw:Model", "fr:Providers", "fr:Provider", "fr:Channels", "fr:Channel", "fr:Language",
        "fr:Audience", "sw:bot", "pt:bot",
        "sw:{0}.text.{1}: {2}", "pt:{0}.text.{1}: {2}", "hi:{0}.text.{1}: {2}", // field names stay; {2} is translated
    };

    [Fact]
    public void Every_sentence_built_in_code_for_the_workspace_has_a_translation()
    {
        var unknown = Producers.SelectMany(file => Sentences(file).Select(s => (file, s)))
            .Where(p => !UiText.Knows(p.s) && !NotForPages.Any(p.s.StartsWith))
            .Select(p => $"{p.file}: {p.s}").Distinct().ToList();

        Assert.True(
            unknown.Count == 0, $"{unknown.Count} sentences without a UiText key:\n{string.Join('\n', unknown)}");
    }

    [Fact]
    public void Labels_chosen_in_code_have_all_five_languages()
    {
        string[] labels =
        [
            .. AuditModel.Actions.Values, .. TopicNames.RuleNames.Values,
            .. StaffRoles.All, "Urgent: emergency referral", "web chat",
            "opted_out", "campaign_cancelled", "left_audience", "whatsapp_window_closed",
        ];
        var missing = labels.Where(l => !UiText.Knows(l)).ToList();

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void Translations_differ_from_english_unless_it_is_the_same_word()
    {
        var same = Translated.SelectMany(l => UiText.Table(l)
                .Where(p => p.Key == p.Value && !SameAsEnglish.Contains($"{l}:{p.Key}"))
                .Select(p => $"{l}:{p.Key}"))
            .ToList();

        Assert.True(same.Count == 0, $"{same.Count} translations are the English text:\n{string.Join('\n', same)}");
    }

    [Theory]
    [InlineData("sw", "schedule.cron: 'every monday' is not a five-field cron expression (e.g. 0 9 * * MON)",
        "schedule.cron: 'every monday' si cron yenye sehemu tano (k.m. 0 9 * * MON)")]
    [InlineData("fr", "last backup FAILED 2026-12-01 02:00 UTC (5 h ago): No space left on device",
        "ÉCHEC de la dernière sauvegarde le 2026-12-01 02:00 UTC (il y a 5 h) : No space left on device")]
    [InlineData("hi", "role=reviewer", "भूमिका: समीक्षक")]
    [InlineData("pt", "messages[n=3].text.fr: empty", "messages[n=3].text.fr: vazio")]
    [InlineData("en", "schedule: required", "schedule: required")]
    [InlineData("fr", "something nobody wrote a key for", "something nobody wrote a key for")]
    public void A_pattern_translates_the_sentence_and_what_it_captures(
        string language, string english, string expected) =>
        Assert.Equal(expected, UiText.Built(language, english));

    /// <summary>
    /// Every literal of a file (concatenations joined) with 3+ words, interpolation holes written X. Log templates
    /// (<c>{Name}</c> in a plain literal) are left out: they go to the log, in English.
    /// </summary>
    private static IEnumerable<string> Sentences(string file)
    {
        var text = File.ReadAllText(HealthBotFactory.RepositoryPath("src/HealthBot/" + file));
        text = Comment().Replace(text, string.Empty);
        foreach (Match m in Literal().Matches(text))
        {
            var parts = Part().Matches(m.Value).Select(p => p.Groups["dollar"].Success
                ? Hole().Replace(p.Groups["body"].Value, "X")
                : p.Groups["body"].Value);
            var sentence = string.Concat(parts).Replace("\\\"", "\"", StringComparison.Ordinal)
                .Replace("\\n", "\n", StringComparison.Ordinal);
            if (sentence.Count(c => c == ' ') >= 2 && sentence.Any(char.IsLetter) && !LogHole().IsMatch(m.Value) &&
                !sentence.StartsWith("SELECT", StringComparison.Ordinal) &&
                !sentence.Contains('@', StringComparison.Ordinal))
            {
                yield return sentence;
            }
        }
    }

    [GeneratedRegex(@"(?m)^\s*//.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\$?""(?:[^""\\\n]|\\.)*""(?:\s*\+\s*\$?""(?:[^""\\\n]|\\.)*"")*")]
    private static partial Regex Literal();

    [GeneratedRegex(@"(?<dollar>\$)?""(?<body>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex Part();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"(?<!\$)""[^""]*\{[A-Z][A-Za-z]*\}")]
    private static partial Regex LogHole();
}
