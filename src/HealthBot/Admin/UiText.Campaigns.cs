namespace HealthBot.Admin;

/// <summary>
/// The campaign checks as staff read them (<c>CampaignValidator</c>, the guided form, test sends, skip reasons). The
/// field names before ':' are the definition's own and stay as they are (sample wording: staff should read it over).
/// </summary>
public static partial class UiText
{
    private static readonly Dictionary<string, (string Fr, string Sw, string Pt, string Hi)> CampaignWords =
        new(StringComparer.Ordinal)
    {
        ["name: required, at most 100 characters, not only digits"] = (
            "name : obligatoire, 100 caractères au plus, pas seulement des chiffres",
            "name: linahitajika, herufi 100 au chini, si tarakimu tu",
            "name: obrigatório, no máximo 100 caracteres, não só algarismos",
            "name: ज़रूरी है, अधिकतम 100 अक्षर, सिर्फ़ अंक नहीं"),
        ["name: a campaign called '{0}' exists already"] = (
            "name : une campagne nommée « {0} » existe déjà", "name: kampeni inayoitwa '{0}' tayari ipo",
            "name: já existe uma campanha chamada '{0}'", "name: '{0}' नाम का अभियान पहले से है"),
        ["channels: no channel can send campaigns here (configure an SMS or WhatsApp provider)"] = (
            "channels : aucun canal ne peut envoyer de campagnes ici (configurez un fournisseur SMS ou WhatsApp)",
            "channels: hakuna njia inayoweza kutuma kampeni hapa (weka mtoa huduma wa SMS au WhatsApp)",
            "channels: nenhum canal pode enviar campanhas aqui (configure um fornecedor de SMS ou WhatsApp)",
            "channels: यहाँ कोई चैनल अभियान नहीं भेज सकता (SMS या WhatsApp प्रदाता सेट करें)"),
        ["channels: one or more of {0}"] = ("channels : un ou plusieurs parmi {0}", "channels: moja au zaidi ya {0}",
            "channels: um ou mais de {0}", "channels: इनमें से एक या अधिक: {0}"),
        ["audience.languages: '{0}' is not one of {1}"] = (
            "audience.languages : « {0} » n'est pas parmi {1}", "audience.languages: '{0}' si mojawapo ya {1}",
            "audience.languages: '{0}' não é um de {1}", "audience.languages: '{0}' इनमें से नहीं है: {1}"),
        ["whatsAppTemplate: give a contentSid (Twilio) or a name (Meta)"] = (
            "whatsAppTemplate : indiquez un contentSid (Twilio) ou un name (Meta)",
            "whatsAppTemplate: weka contentSid (Twilio) au name (Meta)",
            "whatsAppTemplate: indique um contentSid (Twilio) ou um name (Meta)",
            "whatsAppTemplate: contentSid (Twilio) या name (Meta) दें"),
        ["whatsAppTemplate.contentSid: a Twilio Content SID starts with HX"] = (
            "whatsAppTemplate.contentSid : un Content SID Twilio commence par HX",
            "whatsAppTemplate.contentSid: Content SID ya Twilio huanza na HX",
            "whatsAppTemplate.contentSid: um Content SID da Twilio começa por HX",
            "whatsAppTemplate.contentSid: Twilio का Content SID HX से शुरू होता है"),
        ["whatsAppTemplate.name: a Meta template name has only lower-case letters, digits and _"] = (
            "whatsAppTemplate.name : un nom de modèle Meta n'a que des minuscules, des chiffres et _",
            "whatsAppTemplate.name: jina la kiolezo cha Meta lina herufi ndogo, tarakimu na _ tu",
            "whatsAppTemplate.name: um nome de modelo Meta só tem minúsculas, algarismos e _",
            "whatsAppTemplate.name: Meta टेम्पलेट के नाम में सिर्फ़ छोटे अक्षर, अंक और _ होते हैं"),
        ["schedule: required"] = ("schedule : obligatoire", "schedule: linahitajika", "schedule: obrigatório",
            "schedule: ज़रूरी है"),
        ["schedule.timeZone: '{0}' is not a known time zone (use an IANA id such as Africa/Nairobi)"] = (
            "schedule.timeZone : « {0} » n'est pas un fuseau horaire connu (utilisez un code IANA comme " +
            "Africa/Nairobi)",
            "schedule.timeZone: '{0}' si saa za eneo zinazojulikana (tumia kitambulisho cha IANA kama Africa/Nairobi)",
            "schedule.timeZone: '{0}' não é um fuso horário conhecido (use um código IANA como Africa/Nairobi)",
            "schedule.timeZone: '{0}' कोई जाना-पहचाना समय क्षेत्र नहीं है (Africa/Nairobi जैसा IANA नाम लिखें)"),
        ["schedule.at: required for a once schedule (local time, e.g. 2027-01-10T09:00:00)"] = (
            "schedule.at : obligatoire pour un envoi unique (heure locale, par ex. 2027-01-10T09:00:00)",
            "schedule.at: linahitajika kwa kutuma mara moja (saa za eneo, k.m. 2027-01-10T09:00:00)",
            "schedule.at: obrigatório para um envio único (hora local, p. ex. 2027-01-10T09:00:00)",
            "schedule.at: एक बार भेजने के लिए ज़रूरी है (स्थानीय समय, जैसे 2027-01-10T09:00:00)"),
        ["schedule.at: '{0}' is not a date and time (e.g. 2027-01-10T09:00)"] = (
            "schedule.at : « {0} » n'est pas une date et une heure (par ex. 2027-01-10T09:00)",
            "schedule.at: '{0}' si tarehe na saa (k.m. 2027-01-10T09:00)",
            "schedule.at: '{0}' não é uma data e hora (p. ex. 2027-01-10T09:00)",
            "schedule.at: '{0}' तारीख और समय नहीं है (जैसे 2027-01-10T09:00)"),
        ["schedule.cron: '{0}' is not a five-field cron expression (e.g. 0 9 * * MON)"] = (
            "schedule.cron : « {0} » n'est pas une expression cron à cinq champs (par ex. 0 9 * * MON)",
            "schedule.cron: '{0}' si cron yenye sehemu tano (k.m. 0 9 * * MON)",
            "schedule.cron: '{0}' não é uma expressão cron de cinco campos (p. ex. 0 9 * * MON)",
            "schedule.cron: '{0}' पाँच हिस्सों वाला cron नहीं है (जैसे 0 9 * * MON)"),
        ["schedule.kind: once, recurring or relative"] = ("schedule.kind : once, recurring ou relative",
            "schedule.kind: once, recurring au relative", "schedule.kind: once, recurring ou relative",
            "schedule.kind: once, recurring या relative"),
        ["schedule.field: the contact date field to count from (e.g. due_date)"] = (
            "schedule.field : le champ de date du contact à partir duquel compter (par ex. due_date)",
            "schedule.field: sehemu ya tarehe ya mwasiliani ya kuanzia kuhesabu (k.m. due_date)",
            "schedule.field: o campo de data do contacto a partir do qual contar (p. ex. due_date)",
            "schedule.field: संपर्क की वह तारीख जिससे गिनना है (जैसे due_date)"),
        ["schedule.hour: 0 to 23"] = ("schedule.hour : de 0 à 23", "schedule.hour: 0 hadi 23",
            "schedule.hour: de 0 a 23", "schedule.hour: 0 से 23"),
        ["schedule: '{0}' is not an offset such as -36w, +12w or 3d"] = (
            "schedule : « {0} » n'est pas un décalage comme -36w, +12w ou 3d",
            "schedule: '{0}' si muda kama -36w, +12w au 3d",
            "schedule: '{0}' não é um desvio como -36w, +12w ou 3d",
            "schedule: '{0}' -36w, +12w या 3d जैसा अंतर नहीं है"),
        ["schedule: 'to' must not be before 'from', and 'every' must be at least 1d"] = (
            "schedule : « to » ne doit pas être avant « from », et « every » doit valoir au moins 1d",
            "schedule: 'to' isiwe kabla ya 'from', na 'every' iwe angalau 1d",
            "schedule: 'to' não pode ser antes de 'from', e 'every' tem de ser pelo menos 1d",
            "schedule: 'to', 'from' से पहले नहीं हो सकता, और 'every' कम से कम 1d हो"),
        ["messages: at least one"] = ("messages : au moins un", "messages: angalau mmoja", "messages: pelo menos uma",
            "messages: कम से कम एक"),
        ["messages: an entry is empty (null)"] = ("messages : une entrée est vide (null)",
            "messages: kipengele kimoja ni tupu (null)", "messages: uma entrada está vazia (null)",
            "messages: एक प्रविष्टि खाली है (null)"),
        ["{0}.text: '{1}' is not one of {2}"] = ("{0}.text : « {1} » n'est pas parmi {2}",
            "{0}.text: '{1}' si mojawapo ya {2}", "{0}.text: '{1}' não é um de {2}",
            "{0}.text: '{1}' इनमें से नहीं है: {2}"),
        ["{0}.text.{1}: empty"] = ("{0}.text.{1} : vide", "{0}.text.{1}: tupu", "{0}.text.{1}: vazio",
            "{0}.text.{1}: खाली है"),
        ["{0}.text.{1}: {2} is over the SMS budget of {3} segments"] = (
            "{0}.text.{1} : {2}, plus que le budget SMS de {3} segments",
            "{0}.text.{1}: {2}, zaidi ya bajeti ya SMS ya sehemu {3}",
            "{0}.text.{1}: {2}, acima do limite SMS de {3} segmentos",
            "{0}.text.{1}: {2}, SMS की सीमा {3} हिस्सों से ज़्यादा"),
        ["At most {0} characters in each language: the most one message can carry here."] = (
            "{0} caractères au plus dans chaque langue : le maximum qu'un message peut porter ici.",
            "Herufi {0} kwa zaidi katika kila lugha: kiwango cha juu ambacho ujumbe mmoja unaweza kubeba hapa.",
            "No máximo {0} caracteres em cada língua: o máximo que uma mensagem pode levar aqui.",
            "हर भाषा में अधिकतम {0} अक्षर: यहाँ एक संदेश में इससे ज़्यादा नहीं जा सकता।"),
        // A text the sender refuses (ChannelRegistry.TooLong), after the message's field name.
        ["{0}.text.{1}: {2}"] = ("{0}.text.{1} : {2}", "{0}.text.{1}: {2}", "{0}.text.{1}: {2}", "{0}.text.{1}: {2}"),
        ["too long for {0}: {1}; it sends at most {2} per message"] = (
            "trop long pour {0} : {1} ; il envoie au plus {2} par message",
            "ndefu mno kwa {0}: {1}; hutuma hadi {2} kwa ujumbe mmoja",
            "demasiado longo para {0}: {1}; envia no máximo {2} por mensagem",
            "{0} के लिए बहुत लंबा: {1}; यह एक संदेश में अधिकतम {2} भेजता है"),
        ["{0} characters and {1} SMS parts"] = ("{0} caractères et {1} parties SMS", "herufi {0} na sehemu {1} za SMS",
            "{0} caracteres e {1} partes SMS", "{0} अक्षर और {1} SMS हिस्से"),
        ["{0}, {1} characters"] = ("{0}, {1} caractères", "{0}, herufi {1}", "{0}, {1} caracteres", "{0}, {1} अक्षर"),
        ["{0}: {1} characters; at most {2}"] = ("{0} : {1} caractères ; {2} au plus", "{0}: herufi {1}; zisizozidi {2}",
            "{0}: {1} caracteres; no máximo {2}", "{0}: {1} अक्षर; अधिकतम {2}"),
        ["encoding={0} segments={1} units={2}"] = ("{1} segments en {0}, {2} caractères",
            "sehemu {1} kwa {0}, herufi {2}", "{1} segmentos em {0}, {2} caracteres", "{0} में {1} हिस्से, {2} अक्षर"),
        ["'{0}' is not an offset such as -36w, +12w or 3d"] = ("« {0} » n'est pas un décalage comme -36w, +12w ou 3d",
            "'{0}' si muda kama -36w, +12w au 3d", "'{0}' não é um desvio como -36w, +12w ou 3d",
            "'{0}' -36w, +12w या 3d जैसा अंतर नहीं है"),
        ["{0}: '{1}' is not a date (e.g. 2027-03-15)"] = ("{0} : « {1} » n'est pas une date (par ex. 2027-03-15)",
            "{0}: '{1}' si tarehe (k.m. 2027-03-15)", "{0}: '{1}' não é uma data (p. ex. 2027-03-15)",
            "{0}: '{1}' तारीख नहीं है (जैसे 2027-03-15)"),
        ["not a campaign definition: {0}"] = ("ce n'est pas une définition de campagne : {0}",
            "hii si maelezo ya kampeni: {0}", "não é uma definição de campanha: {0}",
            "यह अभियान की परिभाषा नहीं है: {0}"),
        ["the campaign definition is empty"] = ("la définition de la campagne est vide", "maelezo ya kampeni ni tupu",
            "a definição da campanha está vazia", "अभियान की परिभाषा खाली है"),
        ["the number must be in international format, e.g. +254712345678"] = (
            "le numéro doit être au format international, par ex. +254712345678",
            "namba lazima iwe katika muundo wa kimataifa, k.m. +254712345678",
            "o número tem de estar no formato internacional, p. ex. +254712345678",
            "नंबर अंतरराष्ट्रीय रूप में हो, जैसे +254712345678"),
        ["the campaign does not use the {0} channel"] = ("la campagne n'utilise pas le canal {0}",
            "kampeni haitumii njia ya {0}", "a campanha não usa o canal {0}", "यह अभियान {0} चैनल का उपयोग नहीं करता"),
        ["that number has opted out"] = ("ce numéro s'est désabonné", "namba hiyo imejiondoa",
            "esse número cancelou a subscrição", "इस नंबर ने संदेश बंद करवाए हैं"),
        ["opted_out"] = ("désabonné", "amejiondoa", "cancelou a subscrição", "संदेश बंद करवाए"),
        ["campaign_cancelled"] = ("campagne annulée", "kampeni imeghairiwa", "campanha cancelada", "अभियान रद्द"),
        ["left_audience"] = ("n'est plus dans l'audience", "hayupo tena kwenye hadhira", "saiu do público",
            "अब दर्शकों में नहीं"),
        ["clock_held_too_long"] = ("retenu par l'horloge au-delà du rattrapage",
            "ilizuiliwa na saa kupita muda wa kufidia", "retida pelo relógio além do atraso permitido",
            "घड़ी के कारण रुका, देर की सीमा से आगे"),
        ["whatsapp_window_closed"] = ("fenêtre WhatsApp de 24 h fermée", "dirisha la WhatsApp la saa 24 limefungwa",
            "janela de 24 h do WhatsApp fechada", "WhatsApp की 24 घंटे की खिड़की बंद"),
        ["Nothing changed: this edit is"] = ("Rien n'a changé : cette modification est",
            "Hakuna kilichobadilika: badiliko hili ni",
            "Nada mudou: esta edição está", "कुछ नहीं बदला: यह बदलाव"),
    };
}
