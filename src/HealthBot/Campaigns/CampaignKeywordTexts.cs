namespace HealthBot.Campaigns;

/// <summary>
/// Replies to JOIN and LEAVE in the five languages (translated from English; pending review by native speakers, like
/// the sample content). <c>{topic}</c>, <c>{TOPIC}</c> and <c>{date}</c> are filled in.
/// </summary>
internal static class CampaignKeywordTexts
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new(StringComparer.Ordinal)
    {
        ["en"] = new()
        {
            ["joined"] = "You joined {topic} messages. Date: {date}. Send STOP to stop all messages.",
            ["ask_date"] = "To join, send the date too, for example: JOIN {TOPIC} {date}",
            ["left"] = "You will not get {topic} messages any more.",
        },
        ["fr"] = new()
        {
            ["joined"] = "Vous êtes inscrit(e) aux messages {topic}. Date : {date}. Envoyez STOP pour arrêter tous les messages.",
            ["ask_date"] = "Pour vous inscrire, envoyez aussi la date, par exemple : INSCRIRE {TOPIC} {date}",
            ["left"] = "Vous ne recevrez plus les messages {topic}.",
        },
        ["sw"] = new()
        {
            ["joined"] = "Umejiunga na ujumbe wa {topic}. Tarehe: {date}. Tuma STOP kusitisha ujumbe wote.",
            ["ask_date"] = "Ili kujiunga, tuma pia tarehe, kwa mfano: JIUNGE {TOPIC} {date}",
            ["left"] = "Hutapokea tena ujumbe wa {topic}.",
        },
        ["pt"] = new()
        {
            ["joined"] = "Você se inscreveu nas mensagens de {topic}. Data: {date}. Envie STOP para parar todas as mensagens.",
            ["ask_date"] = "Para se inscrever, envie também a data, por exemplo: ENTRAR {TOPIC} {date}",
            ["left"] = "Você não vai mais receber mensagens de {topic}.",
        },
        ["hi"] = new()
        {
            ["joined"] = "आप {topic} संदेशों से जुड़ गए हैं। तारीख: {date}। सभी संदेश रोकने के लिए STOP भेजें।",
            ["ask_date"] = "जुड़ने के लिए तारीख भी भेजें, जैसे: JUDO {TOPIC} {date}",
            ["left"] = "अब आपको {topic} संदेश नहीं मिलेंगे।",
        },
    };

    public static string Get(string language, string name) =>
        Texts.GetValueOrDefault(language)?.GetValueOrDefault(name) ?? Texts["en"][name];
}
