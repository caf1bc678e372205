namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// The USSD menu's own words in each language, and the topic groups. Short on purpose: every character is taken from
/// the answer on the same 182-character screen. Topic titles and answers come from the content files. Latin-script
/// labels avoid letters GSM-7 lacks (Africa's Talking: "USSD menus should not contain special characters").
/// </summary>
public sealed record UssdLabels(
    string Language, string Name, string ChooseTopic, string More, string Back, string Home, string SendSms,
    string HelpNow, string Sent, string Invalid, string Empty, string Stopped, string TooLong)
{
    private static readonly Dictionary<string, UssdLabels> All = new(StringComparer.Ordinal)
    {
        ["en"] = new("en", "English", "Choose a topic", "More", "Back", "Home", "Send me this by SMS",
            "I need help now", "We are sending this to you by SMS now. Stay well.", "Invalid choice.",
            "No topics yet.", "You stopped SMS from us, so nothing was sent. To get SMS again, send START.",
            "This session is too long. Please dial again."),
        ["fr"] = new("fr", "Francais", "Choisissez un sujet", "Suite", "Retour", "Accueil", "Recevoir par SMS",
            "J'ai besoin d'aide", "Nous vous envoyons ce texte par SMS. Prenez soin de vous.", "Choix invalide.",
            "Pas encore de sujets.",
            "Vous avez arrete nos SMS: rien n'a ete envoye. Pour les recevoir a nouveau, envoyez START.",
            "Cette session est trop longue. Composez a nouveau."),
        ["sw"] = new("sw", "Kiswahili", "Chagua mada", "Zaidi", "Rudi", "Mwanzo", "Nitumie kwa SMS",
            "Nahitaji msaada sasa", "Tunakutumia ujumbe huu kwa SMS sasa. Kaa salama.", "Chaguo si sahihi.",
            "Hakuna mada bado.", "Ulisimamisha SMS zetu, kwa hiyo hatukutuma kitu. Kupata SMS tena, tuma START.",
            "Kipindi hiki ni kirefu mno. Tafadhali piga tena."),
        ["pt"] = new("pt", "Portugues", "Escolha um tema", "Mais", "Voltar", "Inicio", "Enviar por SMS",
            "Preciso de ajuda agora", "Vamos enviar isto por SMS agora. Cuide-se.", "Opcao invalida.",
            "Ainda sem temas.", "Voce parou os nossos SMS, nada foi enviado. Para voltar a receber, envie START.",
            "Esta sessao e longa demais. Ligue de novo."),
        ["hi"] = new("hi", "हिन्दी", "विषय चुनें", "आगे", "पीछे", "होम", "SMS से भेजें",
            "मुझे अभी मदद चाहिए", "हम इसे अभी SMS से भेज रहे हैं। ध्यान रखें।", "गलत विकल्प।",
            "अभी कोई विषय नहीं।", "आपने हमारे SMS बंद किए हैं, कुछ नहीं भेजा गया। फिर से पाने के लिए START भेजें।",
            "यह सत्र बहुत लंबा है। कृपया फिर से डायल करें।"),
    };

    /// <summary>The languages the menu offers, in this order, when the content has them.</summary>
    public static IReadOnlyList<string> Order { get; } = ["en", "fr", "sw", "pt", "hi"];

    public static UssdLabels For(string language) => All.GetValueOrDefault(language) ?? All["en"];

    public static bool Has(string language) => All.ContainsKey(language);
}

/// <summary>
/// A group of topics on the home screen, by content id. A published topic in no group is listed under "Other
/// topics", so new content shows up without an edit here.
/// </summary>
public sealed record UssdGroup(IReadOnlyDictionary<string, string> Names, IReadOnlyList<string> Topics)
{
    public static IReadOnlyList<UssdGroup> Standard { get; } =
    [
        new(Labels("Pregnancy and newborn", "Grossesse et bebe", "Ujauzito na mtoto mchanga", "Gravidez e bebe",
                "गर्भावस्था और नवजात"),
            ["pregnancy-danger-signs", "antenatal-care", "postpartum-care", "newborn-danger-signs", "breastfeeding",
                "family-planning"]),
        new(Labels("Child health", "Sante de l'enfant", "Afya ya mtoto", "Saude da crianca", "बच्चों की सेहत"),
            ["fever-child", "diarrhoea-ors", "pneumonia-child", "childhood-vaccination", "measles",
                "child-nutrition"]),
        new(Labels("Malaria, HIV, TB", "Paludisme, VIH, TB", "Malaria, VVU, TB", "Malaria, VIH, TB",
                "मलेरिया, HIV, टीबी"),
            ["malaria-prevention", "malaria-symptoms", "hiv-testing", "hiv-treatment", "tuberculosis", "cholera",
                "covid-19"]),
        new(Labels("Hygiene and daily health", "Hygiene et sante", "Usafi na afya", "Higiene e saude",
                "सफाई और सेहत"),
            ["handwashing", "safe-water", "anaemia", "hypertension", "diabetes", "menstrual-health",
                "mental-health"]),
        new(Labels("Injuries and emergencies", "Blessures et urgences", "Majeraha na dharura",
                "Ferimentos e urgencias", "चोट और आपात स्थिति"),
            ["burns", "snakebite", "rabies-dog-bite", "sexual-violence"]),
    ];

    public static UssdGroup Other(IReadOnlyList<string> topics) => new(
        Labels("Other topics", "Autres sujets", "Mada nyingine", "Outros temas", "अन्य विषय"), topics);

    public string Name(string language) => Names.GetValueOrDefault(language) ?? Names["en"];

    private static Dictionary<string, string> Labels(string en, string fr, string sw, string pt, string hi) =>
        new(StringComparer.Ordinal) { ["en"] = en, ["fr"] = fr, ["sw"] = sw, ["pt"] = pt, ["hi"] = hi };
}
