namespace HealthBot.Admin;

/// <summary>
/// The nurse's inbox, the truthful previews, insights and backups in French, Swahili, Portuguese and Hindi, side by
/// side (sample wording: the NGO's staff should read it over).
/// </summary>
public static partial class UiText
{
    private static readonly Dictionary<string, (string Fr, string Sw, string Pt, string Hi)> InboxWords =
        new(StringComparer.Ordinal)
    {
        ["Acknowledge"] = ("Accuser réception", "Thibitisha kupokea", "Confirmar", "स्वीकार करें"),
        ["Acknowledge with a note"] = ("Accuser réception avec une note", "Thibitisha kwa ujumbe mfupi",
            "Confirmar com uma nota", "नोट के साथ स्वीकार करें"),
        ["Acknowledged by"] = ("Pris en charge par", "Imethibitishwa na", "Confirmado por", "स्वीकार किया:"),
        ["As it will arrive"] = ("Tel qu'il arrivera", "Jinsi utakavyofika", "Como vai chegar", "जैसा पहुँचेगा"),
        ["Backups"] = ("Sauvegardes", "Nakala za akiba", "Cópias de segurança", "बैकअप"),
        ["Conversations"] = ("Conversations", "Mazungumzo", "Conversas", "बातचीत"),
        ["Conversations and messages by channel and provider"] = (
            "Conversations et messages par canal et fournisseur", "Mazungumzo na ujumbe kwa njia na mtoa huduma",
            "Conversas e mensagens por canal e fornecedor", "चैनल और प्रदाता के अनुसार बातचीत और संदेश"),
        ["Day"] = ("Jour", "Siku", "Dia", "दिन"),
        ["Days in"] = ("Jours en", "Siku kwa saa za", "Dias em", "दिन, समय क्षेत्र"),
        ["Export the flagged list (CSV, recorded in the audit log)"] = (
            "Exporter la liste signalée (CSV, inscrit au journal d'audit)",
            "Hamisha orodha iliyowekewa alama (CSV, inaandikwa kwenye kumbukumbu)",
            "Exportar a lista assinalada (CSV, registado na auditoria)",
            "चिह्नित सूची निर्यात करें (CSV, ऑडिट लॉग में दर्ज)"),
        ["Export this conversation (CSV, recorded in the audit log)"] = (
            "Exporter cette conversation (CSV, inscrit au journal d'audit)",
            "Hamisha mazungumzo haya (CSV, yanaandikwa kwenye kumbukumbu)",
            "Exportar esta conversa (CSV, registado na auditoria)",
            "यह बातचीत निर्यात करें (CSV, ऑडिट लॉग में दर्ज)"),
        ["Flag"] = ("Signalement", "Alama", "Sinal", "निशान"),
        ["Sent as messages"] = ("Envoyé en messages", "Hutumwa kama ujumbe", "Enviado em mensagens",
            "कितने संदेशों में जाएगा"),
        ["Messages in"] = ("Messages reçus", "Ujumbe ulioingia", "Mensagens recebidas", "आए संदेश"),
        ["Messages out"] = ("Messages envoyés", "Ujumbe uliotumwa", "Mensagens enviadas", "भेजे गए संदेश"),
        ["Model off"] = ("Modèle désactivé", "Modeli imezimwa", "Modelo desligado", "मॉडल बंद"),
        ["No open alerts."] = ("Aucune alerte ouverte.", "Hakuna tahadhari iliyo wazi.", "Nenhum alerta em aberto.",
            "कोई खुला अलर्ट नहीं।"),
        ["Not sent"] = ("Non envoyé", "Haikutumwa", "Não enviado", "नहीं भेजा गया"),
        ["Not sent: this reply is too long for {0}. It would need {1} messages; {0} sends at most {2} messages of " +
            "up to {3} characters for one reply. Shorten it and send it again."] = (
            "Non envoyé : cette réponse est trop longue pour {0}. Il faudrait {1} messages ; {0} envoie au plus {2} " +
            "messages de {3} caractères au maximum pour une réponse. Raccourcissez-la et renvoyez-la.",
            "Haikutumwa: jibu hili ni refu mno kwa {0}. Lingehitaji ujumbe {1}; {0} hutuma ujumbe {2} tu, kila mmoja " +
            "wa herufi {3} au chache, kwa jibu moja. Lifupishe kisha ulitume tena.",
            "Não enviado: esta resposta é longa demais para {0}. Precisaria de {1} mensagens; {0} envia no máximo " +
            "{2} mensagens de até {3} caracteres por resposta. Encurte-a e envie de novo.",
            "नहीं भेजा गया: यह जवाब {0} के लिए बहुत लंबा है। इसे {1} संदेश चाहिए; {0} एक जवाब के लिए अधिकतम {2} " +
            "संदेश भेजता है, हर एक में {3} अक्षर तक। इसे छोटा करके फिर से भेजें।"),
        ["Most characters in one WhatsApp message"] = ("Caractères au plus dans un message WhatsApp",
            "Herufi nyingi zaidi katika ujumbe mmoja wa WhatsApp", "Máximo de caracteres numa mensagem de WhatsApp",
            "एक WhatsApp संदेश में अधिकतम अक्षर"),
        ["No per-segment cost: WhatsApp does not charge by length"] = (
            "Pas de coût par segment : WhatsApp ne facture pas selon la longueur",
            "Hakuna gharama kwa kila sehemu: WhatsApp haitozi kwa urefu",
            "Sem custo por segmento: o WhatsApp não cobra pelo comprimento",
            "प्रति सेगमेंट कोई खर्च नहीं: WhatsApp लंबाई के हिसाब से शुल्क नहीं लेता"),
        ["None."] = ("Aucun.", "Hakuna.", "Nenhum.", "कोई नहीं।"),
        ["possible emergency (second opinion)"] = ("urgence possible (second avis)", "huenda ni dharura (maoni ya pili)",
            "possível emergência (segunda opinião)", "संभावित आपातकाल (दूसरी राय)"),
        ["Number"] = ("Numéro", "Namba", "Número", "नंबर"),
        ["Provider"] = ("Fournisseur", "Mtoa huduma", "Fornecedor", "प्रदाता"),
        ["unknown"] = ("inconnu", "haijulikani", "desconhecido", "अज्ञात"),
        ["WhatsApp message while you type"] = ("Message WhatsApp pendant la saisie",
            "Ujumbe wa WhatsApp unapoandika", "Mensagem de WhatsApp enquanto escreve", "लिखते समय WhatsApp संदेश"),
        ["SMS cost while you type"] = ("Coût du SMS pendant la saisie", "Gharama ya SMS unapoandika",
            "Custo do SMS enquanto escreve", "लिखते समय SMS का खर्च"),
        ["Search"] = ("Rechercher", "Tafuta", "Pesquisar", "खोजें"),
        ["Search conversations"] = ("Rechercher des conversations", "Tafuta mazungumzo", "Pesquisar conversas",
            "बातचीत खोजें"),
        ["Show full number (recorded in the audit log)"] = (
            "Afficher le numéro complet (inscrit au journal d'audit)",
            "Onyesha namba kamili (inaandikwa kwenye kumbukumbu)",
            "Mostrar o número completo (registado na auditoria)",
            "पूरा नंबर दिखाएँ (ऑडिट लॉग में दर्ज)"),
        ["Sound for new alerts"] = ("Son pour les nouvelles alertes", "Sauti kwa tahadhari mpya",
            "Som para novos alertas", "नए अलर्ट पर आवाज़"),
        ["This page refreshes itself every few seconds."] = ("Cette page se met à jour toute seule.",
            "Ukurasa huu hujisasisha kila baada ya sekunde chache.", "Esta página atualiza-se a cada poucos segundos.",
            "यह पेज हर कुछ सेकंड में अपने-आप ताज़ा होता है।"),
        ["Times in"] = ("Heures en", "Saa kwa", "Horas em", "समय क्षेत्र"),
        ["Write a short note (up to 500 characters) of what you did about the alert."] = (
            "Écrivez une courte note (500 caractères au plus) sur ce que vous avez fait pour cette alerte.",
            "Andika ujumbe mfupi (hadi herufi 500) wa ulichofanya kuhusu tahadhari hii.",
            "Escreva uma nota curta (até 500 caracteres) sobre o que fez com o alerta.",
            "अलर्ट पर आपने क्या किया, छोटा नोट लिखें (500 अक्षर तक)।"),
        ["a date like 2026-03-31"] = ("une date comme 2026-03-31", "tarehe kama 2026-03-31",
            "uma data como 2026-03-31", "2026-03-31 जैसी तारीख"),
        ["answers from content in these days."] = ("réponses tirées du contenu ces jours-ci.",
            "majibu kutoka kwenye maudhui katika siku hizi.", "respostas a partir do conteúdo nestes dias.",
            "इन दिनों में सामग्री से दिए गए जवाब।"),
        ["any"] = ("tous", "yoyote", "qualquer", "कोई भी"),
        ["as written"] = ("tel qu'écrit", "kama ilivyoandikwa", "como foi escrito", "जैसा लिखा है"),
        ["bot answer"] = ("réponse du bot", "jibu la bot", "resposta do bot", "बॉट का जवाब"),
        ["conversations found"] = ("conversations trouvées", "mazungumzo yaliyopatikana", "conversas encontradas",
            "बातचीत मिलीं"),
        ["in"] = ("en", "katika", "em", "में"),
        ["matching messages"] = ("messages correspondants", "ujumbe unaolingana", "mensagens correspondentes",
            "मिलते-जुलते संदेश"),
        ["no language model is configured (Llm:ModelPath), so every answer is the reviewed text as written."] = (
            "aucun modèle de langue n'est configuré (Llm:ModelPath) : chaque réponse est le texte relu, tel quel.",
            "hakuna modeli ya lugha iliyowekwa (Llm:ModelPath), kwa hiyo kila jibu ni maandishi yaliyokaguliwa " +
            "kama yalivyo.",
            "nenhum modelo de linguagem está configurado (Llm:ModelPath), por isso cada resposta é o texto revisto, " +
            "tal como está.",
            "कोई भाषा मॉडल सेट नहीं है (Llm:ModelPath), इसलिए हर जवाब जाँचा हुआ पाठ ही है, जैसा लिखा है।"),
        ["one of"] = ("l'un de", "moja kati ya", "um de", "इनमें से एक"),
        ["urgent referral (bot)"] = ("orientation urgente (bot)", "rufaa ya dharura (bot)",
            "encaminhamento urgente (bot)", "तुरंत रेफ़रल (बॉट)"),
        ["via"] = ("via", "kupitia", "via", "द्वारा"),
        ["not delivered"] = ("non remis", "haujafika", "não entregue", "नहीं पहुँचा"),
    };
}
