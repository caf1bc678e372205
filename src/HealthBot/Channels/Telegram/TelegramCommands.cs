using HealthBot.Dialog;

namespace HealthBot.Channels.Telegram;

/// <summary>
/// Telegram's bot commands (https://core.telegram.org/bots/features#commands) become the keywords the dialog already
/// knows, so consent and language go the one way they go on SMS: <c>/start</c> is START (opt-in and the welcome
/// back) for a person who stopped, and for anyone else an opt-in and the first-contact welcome,
/// <c>/stop</c> is STOP, <c>/help</c> is HELP, <c>/language sw</c> is the language's own name, which switches to it,
/// and <c>/language</c> alone is HELP, which Telegram shows with a keyboard of the languages to tap.
/// </summary>
public static class TelegramCommands
{
    /// <summary>Each language's name as its speakers write it; the lexicon reads each as "switch to it".</summary>
    public static readonly IReadOnlyDictionary<string, string> LanguageNames = new Dictionary<string, string>
    {
        ["en"] = "English", ["fr"] = "Français", ["sw"] = "Kiswahili", ["pt"] = "Português",
        ["hi"] = "हिन्दी",
    };

    /// <summary>
    /// A greeting each language's lexicon knows as its own: a first <c>/start</c> is handed to the dialog as this,
    /// so it gets the first-contact welcome a new chat saying "hello" gets, in the person's language.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Greetings = new Dictionary<string, string>
    {
        ["en"] = "hello", ["fr"] = "bonjour", ["sw"] = "habari", ["pt"] = "olá", ["hi"] = "नमस्ते",
    };

    /// <summary>Whether the person pressed Start (or typed /start, with or without a deep-link payload).</summary>
    public static bool IsStart(string? text) =>
        text is not null && text.TrimStart().StartsWith('/') && ToDialog(text) == "START";

    /// <summary>The text to hand to the dialog for what the person typed; other text is returned as it is.</summary>
    public static string ToDialog(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('/') || trimmed.Length < 2)
        {
            return text;
        }

        var space = trimmed.IndexOfAny([' ', '\n', '\t']);
        var command = (space < 0 ? trimmed[1..] : trimmed[1..space]).ToLowerInvariant();
        // "/start@HealthBot" in a menu that lists several bots' commands.
        command = command.Split('@')[0];
        var argument = space < 0 ? string.Empty : trimmed[(space + 1)..].Trim();
        return command switch
        {
            // "/start <payload>" from a t.me/bot?start=… link: the payload is ours to ignore.
            "start" => "START",
            "stop" => "STOP",
            "help" => "HELP",
            "language" or "lang" => Language(argument) is { } code && LanguageNames.TryGetValue(code, out var name)
                ? name
                : "HELP",
            _ => text,
        };
    }

    /// <summary>A supported language for a code ("sw", "pt-BR", "PT"), a name ("kiswahili") or null.</summary>
    public static string? Language(string? codeOrName)
    {
        if (string.IsNullOrWhiteSpace(codeOrName))
        {
            return null;
        }

        var primary = codeOrName.Trim().Split('-', '_')[0].ToLowerInvariant();
        if (DialogOptions.Languages.Contains(primary))
        {
            return primary;
        }

        var named = KeywordCommands.Match(TextNormalizer.Normalize(codeOrName));
        return named.Kind == CommandKind.Language ? named.Language : null;
    }
}
