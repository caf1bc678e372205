namespace HealthBot.Admin;

/// <summary>The bot's languages (and channels) by name, in the staff's language ("Swahili", "swahili",
/// "Kiswahili"…), for where a contact's language is shown to staff rather than its code.</summary>
public static partial class UiText
{
    private static readonly Dictionary<string, string> LanguageKeys = new(StringComparer.Ordinal)
    {
        ["en"] = "English", ["fr"] = "French", ["sw"] = "Swahili", ["pt"] = "Portuguese", ["hi"] = "Hindi",
    };

    private static readonly Dictionary<string, (string Fr, string Sw, string Pt, string Hi)> LanguageWords =
        new(StringComparer.Ordinal)
    {
        ["English"] = ("anglais", "Kiingereza", "inglês", "अंग्रेज़ी"),
        ["French"] = ("français", "Kifaransa", "francês", "फ़्रेंच"),
        ["Swahili"] = ("swahili", "Kiswahili", "suaíli", "स्वाहिली"),
        ["Portuguese"] = ("portugais", "Kireno", "português", "पुर्तगाली"),
        ["Hindi"] = ("hindi", "Kihindi", "hindi", "हिन्दी"),
    };

    /// <summary>A language code's name in the page's language; an unknown code is shown as it is.</summary>
    public static string LanguageName(this HttpContext http, string code) =>
        LanguageKeys.TryGetValue(code, out var english) ? http.T(english) : code;

    /// <summary>A channel as staff call it ("SMS", "Web chat" in the page's language), not its stored code.</summary>
    public static string ChannelName(this HttpContext http, string channel) => channel switch
    {
        "sms" => "SMS",
        "whatsapp" => "WhatsApp",
        "webchat" => WebChatName(http.T),
        "telegram" => "Telegram",
        "ussd" => "USSD",
        _ => channel,
    };

    /// <summary>"Web chat" capitalised in the page's language (a channel's and a provider's name alike).</summary>
    private static string WebChatName(Func<string, string> t) =>
        char.ToUpperInvariant(t("web chat")[0]) + t("web chat")[1..];
}
