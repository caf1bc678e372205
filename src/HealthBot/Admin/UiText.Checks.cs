namespace HealthBot.Admin;

/// <summary>
/// Providers by name, and why a form was not read (a control character, a broken form), in French, Swahili,
/// Portuguese and Hindi. Field names inside the sentences are translated on their own ("SMS text").
/// </summary>
public static partial class UiText
{
    private static readonly Dictionary<string, (string Fr, string Sw, string Pt, string Hi)> CheckWords =
        new(StringComparer.Ordinal)
    {
        ["Android gateway"] = ("passerelle Android", "lango la Android", "gateway Android", "Android गेटवे"),
        ["{0} contains a control character (an invisible code, often pasted from another program). Nothing was " +
            "saved: delete it or type the text again, and save again."] = (
            "{0} contient un caractère de contrôle (un code invisible, souvent collé depuis un autre programme). " +
            "Rien n'a été enregistré : supprimez-le ou retapez le texte, puis enregistrez à nouveau.",
            "{0} ina herufi ya udhibiti (msimbo usioonekana, mara nyingi uliobandikwa kutoka programu nyingine). " +
            "Hakuna kilichohifadhiwa: ifute au andika maandishi upya, kisha uhifadhi tena.",
            "{0} contém um caractere de controlo (um código invisível, muitas vezes colado de outro programa). " +
            "Nada foi guardado: apague-o ou escreva o texto de novo e guarde outra vez.",
            "{0} में एक नियंत्रण वर्ण है (एक अदृश्य कोड, अक्सर किसी दूसरे प्रोग्राम से चिपकाया गया)। कुछ भी सहेजा " +
            "नहीं गया: उसे हटाएँ या पाठ फिर से लिखें, और फिर से सहेजें।"),
        ["The form could not be read (it was cut off or not sent as a browser sends it). Nothing was saved: go " +
            "back, reload the page and send the form again."] = (
            "Le formulaire n'a pas pu être lu (il a été coupé ou n'a pas été envoyé comme un navigateur l'envoie). " +
            "Rien n'a été enregistré : revenez en arrière, rechargez la page et renvoyez le formulaire.",
            "Fomu haikuweza kusomwa (ilikatika au haikutumwa kama kivinjari kinavyoituma). Hakuna kilichohifadhiwa: " +
            "rudi nyuma, pakia ukurasa upya na utume fomu tena.",
            "Não foi possível ler o formulário (foi cortado ou não foi enviado como um navegador o envia). Nada " +
            "foi guardado: volte atrás, recarregue a página e envie o formulário de novo.",
            "फ़ॉर्म पढ़ा नहीं जा सका (वह कट गया या वैसे नहीं भेजा गया जैसे ब्राउज़र भेजता है)। कुछ भी सहेजा नहीं " +
            "गया: वापस जाएँ, पेज फिर से लोड करें और फ़ॉर्म फिर से भेजें।"),
        ["not a language of this service"] = ("pas une langue de ce service", "si lugha ya huduma hii",
            "não é uma língua deste serviço", "इस सेवा की भाषा नहीं"),
        ["A field"] = ("Un champ", "Sehemu moja", "Um campo", "एक फ़ील्ड"),
    };

    /// <summary>A provider as staff know it ("Twilio", "Africa's Talking"), not its configuration id.</summary>
    public static string ProviderName(this HttpContext http, string provider) => ProviderName(provider, http.T);

    /// <inheritdoc cref="ProviderName(HttpContext, string)"/>
    public static string ProviderName(string provider, Func<string, string> t) => provider switch
    {
        "twilio" => "Twilio",
        "meta" => "Meta",
        "africastalking" => "Africa's Talking",
        "kannel" => "Kannel",
        "android" => t("Android gateway"),
        "telegram" => "Telegram",
        "webchat" => WebChatName(t),
        _ => provider,
    };
}
