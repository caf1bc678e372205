namespace HealthBot.Admin;

/// <summary>
/// The box's and the providers' state lines (backups, disk, clock, each provider's probe) in French, Swahili,
/// Portuguese and Hindi. Setting names and commands stay as written: staff pass them on to whoever runs the box.
/// </summary>
public static partial class UiText
{
    private static readonly Dictionary<string, (string Fr, string Sw, string Pt, string Hi)> StatusWords =
        new(StringComparer.Ordinal)
    {
        ["no backup yet"] = ("pas encore de sauvegarde", "bado hakuna nakala ya akiba", "ainda sem cópia de segurança",
            "अभी तक कोई बैकअप नहीं"),
        ["last backup {0} UTC ({1}), in {2}"] = ("dernière sauvegarde le {0} UTC ({1}), dans {2}",
            "nakala ya mwisho {0} UTC ({1}), ndani ya {2}", "última cópia em {0} UTC ({1}), em {2}",
            "आख़िरी बैकअप {0} UTC ({1}), {2} में"),
        ["last backup FAILED {0} UTC ({1}): {2}"] = ("ÉCHEC de la dernière sauvegarde le {0} UTC ({1}) : {2}",
            "nakala ya mwisho IMESHINDWA {0} UTC ({1}): {2}", "a última cópia FALHOU em {0} UTC ({1}): {2}",
            "आख़िरी बैकअप विफल रहा {0} UTC ({1}): {2}"),
        ["last backup dated {0} UTC, after now: the clock was ahead when it was taken, in {1}"] = (
            "dernière sauvegarde datée du {0} UTC, après maintenant : l'horloge avançait quand elle a été faite, " +
            "dans {1}",
            "nakala ya mwisho ina tarehe {0} UTC, baada ya sasa: saa ilikuwa mbele ilipochukuliwa, ndani ya {1}",
            "última cópia datada de {0} UTC, depois de agora: o relógio estava adiantado quando foi feita, em {1}",
            "आख़िरी बैकअप की तारीख {0} UTC, अभी के बाद: लेते समय घड़ी आगे थी, {1} में"),
        ["{0} h ago"] = ("il y a {0} h", "saa {0} zilizopita", "há {0} h", "{0} घंटे पहले"),
        ["{0} days ago"] = ("il y a {0} jours", "siku {0} zilizopita", "há {0} dias", "{0} दिन पहले"),
        ["{0} MB free; messages are refused below {1} MB"] = (
            "{0} Mo libres ; les messages sont refusés sous {1} Mo",
            "MB {0} zimebaki; ujumbe unakataliwa chini ya MB {1}",
            "{0} MB livres; as mensagens são recusadas abaixo de {1} MB",
            "{0} MB खाली; {1} MB से कम होने पर संदेश अस्वीकार होते हैं"),
        ["the clock says {0} UTC, earlier than the newest stored message ({1} UTC): the clock is wrong"] = (
            "l'horloge indique {0} UTC, avant le message le plus récent enregistré ({1} UTC) : l'horloge est fausse",
            "saa inaonyesha {0} UTC, kabla ya ujumbe mpya zaidi uliohifadhiwa ({1} UTC): saa si sahihi",
            "o relógio marca {0} UTC, antes da mensagem mais recente guardada ({1} UTC): o relógio está errado",
            "घड़ी {0} UTC बता रही है, जो सबसे नए सहेजे संदेश ({1} UTC) से पहले है: घड़ी ग़लत है"),
        ["the clock says {0} UTC, earlier than when the service last ran ({1} UTC): the clock is wrong"] = (
            "l'horloge indique {0} UTC, avant la dernière marche du service ({1} UTC) : l'horloge est fausse",
            "saa inaonyesha {0} UTC, kabla ya mara ya mwisho huduma ilipofanya kazi ({1} UTC): saa si sahihi",
            "o relógio marca {0} UTC, antes da última vez que o serviço funcionou ({1} UTC): o relógio está errado",
            "घड़ी {0} UTC बता रही है, जो सेवा के पिछली बार चलने ({1} UTC) से पहले है: घड़ी ग़लत है"),
        ["{0}; held until staff confirm the time is right"] = (
            "{0} ; en attente jusqu'à ce que l'équipe confirme que l'heure est juste",
            "{0}; imesimamishwa hadi wafanyakazi wathibitishe kuwa saa ni sahihi",
            "{0}; em espera até a equipa confirmar que a hora está certa",
            "{0}; जब तक स्टाफ़ समय सही होने की पुष्टि न करे, रोका गया"),
        ["the clock jumped {0} {1}: it said {2} UTC where {3} UTC was expected"] = (
            "l'horloge a sauté de {0} {1} : elle indiquait {2} UTC au lieu de {3} UTC",
            "saa iliruka {0} {1}: ilionyesha {2} UTC badala ya {3} UTC",
            "o relógio saltou {0} {1}: marcava {2} UTC em vez de {3} UTC",
            "घड़ी {0} {1} कूद गई: {3} UTC की जगह {2} UTC दिखा रही थी"),
        ["{0} days"] = ("{0} jours", "siku {0}", "{0} dias", "{0} दिन"),
        ["{0} hours"] = ("{0} heures", "saa {0}", "{0} horas", "{0} घंटे"),
        ["forward"] = ("en avant", "mbele", "para a frente", "आगे"),
        ["back"] = ("en arrière", "nyuma", "para trás", "पीछे"),
        ["not answering ({0})"] = ("ne répond pas ({0})", "haijibu ({0})", "não responde ({0})",
            "जवाब नहीं दे रहा ({0})"),
        ["status page answered {0}"] = ("la page d'état a répondu {0}", "ukurasa wa hali ulijibu {0}",
            "a página de estado respondeu {0}", "स्टेटस पेज ने {0} जवाब दिया"),
        ["bearerbox is not running (suspended, isolated or shutting down)"] = (
            "bearerbox ne tourne pas (suspendu, isolé ou en arrêt)",
            "bearerbox haifanyi kazi (imesimamishwa, imetengwa au inazimika)",
            "o bearerbox não está a correr (suspenso, isolado ou a encerrar)",
            "bearerbox नहीं चल रहा (रुका, अलग या बंद हो रहा है)"),
        ["smsbox is not connected to bearerbox"] = ("smsbox n'est pas connecté à bearerbox",
            "smsbox haijaunganishwa na bearerbox", "o smsbox não está ligado ao bearerbox",
            "smsbox, bearerbox से जुड़ा नहीं है"),
        ["no SMSC is configured"] = ("aucun SMSC n'est configuré", "hakuna SMSC iliyowekwa", "nenhum SMSC configurado",
            "कोई SMSC सेट नहीं है"),
        ["no SMSC is online (modem or link down)"] = ("aucun SMSC en ligne (modem ou liaison en panne)",
            "hakuna SMSC mtandaoni (modemu au kiungo kimekatika)", "nenhum SMSC ligado (modem ou ligação em falha)",
            "कोई SMSC ऑनलाइन नहीं (मॉडम या लिंक बंद)"),
        ["health answered {0}"] = ("la page de santé a répondu {0}", "ukurasa wa afya ulijibu {0}",
            "a página de saúde respondeu {0}", "हेल्थ पेज ने {0} जवाब दिया"),
        ["the health answer has no checks (is this the SMS gateway app?)"] = (
            "la réponse de santé n'a aucun contrôle (est-ce bien l'application passerelle SMS ?)",
            "jibu la afya halina ukaguzi (je, hii ni programu ya lango la SMS?)",
            "a resposta de saúde não tem verificações (é mesmo a aplicação gateway de SMS?)",
            "हेल्थ जवाब में कोई जाँच नहीं है (क्या यह SMS गेटवे ऐप है?)"),
        ["the health answer is not JSON (is this the SMS gateway app?)"] = (
            "la réponse de santé n'est pas du JSON (est-ce bien l'application passerelle SMS ?)",
            "jibu la afya si JSON (je, hii ni programu ya lango la SMS?)",
            "a resposta de saúde não é JSON (é mesmo a aplicação gateway de SMS?)",
            "हेल्थ जवाब JSON नहीं है (क्या यह SMS गेटवे ऐप है?)"),
        ["{0} failed messages in the last hour"] = ("{0} messages en échec dans la dernière heure",
            "ujumbe {0} umeshindwa katika saa iliyopita", "{0} mensagens falhadas na última hora",
            "पिछले घंटे में {0} संदेश विफल"),
        ["AfricasTalking:Username or AfricasTalking__ApiKey is not set"] = (
            "AfricasTalking:Username ou AfricasTalking__ApiKey n'est pas défini",
            "AfricasTalking:Username au AfricasTalking__ApiKey haijawekwa",
            "AfricasTalking:Username ou AfricasTalking__ApiKey não está definido",
            "AfricasTalking:Username या AfricasTalking__ApiKey सेट नहीं है"),
        ["the API key is refused ({0}): check AfricasTalking:Username (sandbox: \"sandbox\" with ApiBaseUrl " +
            "https://api.sandbox.africastalking.com) and AfricasTalking__ApiKey"] = (
            "la clé d'API est refusée ({0}) : vérifiez AfricasTalking:Username (bac à sable : « sandbox » avec " +
            "ApiBaseUrl https://api.sandbox.africastalking.com) et AfricasTalking__ApiKey",
            "ufunguo wa API umekataliwa ({0}): angalia AfricasTalking:Username (majaribio: \"sandbox\" pamoja na " +
            "ApiBaseUrl https://api.sandbox.africastalking.com) na AfricasTalking__ApiKey",
            "a chave da API é recusada ({0}): verifique AfricasTalking:Username (testes: \"sandbox\" com " +
            "ApiBaseUrl https://api.sandbox.africastalking.com) e AfricasTalking__ApiKey",
            "API कुंजी अस्वीकार हुई ({0}): AfricasTalking:Username (सैंडबॉक्स: \"sandbox\" और ApiBaseUrl " +
            "https://api.sandbox.africastalking.com) और AfricasTalking__ApiKey जाँचें"),
        ["the user data answered {0}: check AfricasTalking:ApiBaseUrl and https://status.africastalking.com"] = (
            "les données du compte ont répondu {0} : vérifiez AfricasTalking:ApiBaseUrl et " +
            "https://status.africastalking.com",
            "data za akaunti zilijibu {0}: angalia AfricasTalking:ApiBaseUrl na https://status.africastalking.com",
            "os dados da conta responderam {0}: verifique AfricasTalking:ApiBaseUrl e " +
            "https://status.africastalking.com",
            "खाते के डेटा ने {0} जवाब दिया: AfricasTalking:ApiBaseUrl और https://status.africastalking.com जाँचें"),
        ["the user data answer is not Africa's Talking's (is AfricasTalking:ApiBaseUrl their API?)"] = (
            "la réponse ne vient pas d'Africa's Talking (AfricasTalking:ApiBaseUrl est-elle leur API ?)",
            "jibu halitoki kwa Africa's Talking (je, AfricasTalking:ApiBaseUrl ni API yao?)",
            "a resposta não é da Africa's Talking (AfricasTalking:ApiBaseUrl é a API deles?)",
            "जवाब Africa's Talking का नहीं है (क्या AfricasTalking:ApiBaseUrl उनका API है?)"),
        ["the Graph API answered {0}"] = ("l'API Graph a répondu {0}", "Graph API ilijibu {0}",
            "a Graph API respondeu {0}", "Graph API ने {0} जवाब दिया"),
        ["the Graph API answered {0} (is MetaWhatsApp__AccessToken valid?)"] = (
            "l'API Graph a répondu {0} (MetaWhatsApp__AccessToken est-il valide ?)",
            "Graph API ilijibu {0} (je, MetaWhatsApp__AccessToken ni sahihi?)",
            "a Graph API respondeu {0} (o MetaWhatsApp__AccessToken é válido?)",
            "Graph API ने {0} जवाब दिया (क्या MetaWhatsApp__AccessToken सही है?)"),
        ["the phone number answer is not JSON (is ApiBaseUrl the Graph API?)"] = (
            "la réponse pour le numéro n'est pas du JSON (ApiBaseUrl est-elle l'API Graph ?)",
            "jibu la namba si JSON (je, ApiBaseUrl ni Graph API?)",
            "a resposta do número não é JSON (ApiBaseUrl é a Graph API?)",
            "नंबर का जवाब JSON नहीं है (क्या ApiBaseUrl, Graph API है?)"),
        ["the Bot API refused the token (is Telegram__BotToken the one @BotFather gave?)"] = (
            "l'API Bot a refusé le jeton (Telegram__BotToken est-il celui donné par @BotFather ?)",
            "Bot API imekataa tokeni (je, Telegram__BotToken ndiyo aliyotoa @BotFather?)",
            "a Bot API recusou o token (o Telegram__BotToken é o que o @BotFather deu?)",
            "Bot API ने टोकन अस्वीकार किया (क्या Telegram__BotToken वही है जो @BotFather ने दिया?)"),
        ["the Bot API answered {0}"] = ("l'API Bot a répondu {0}", "Bot API ilijibu {0}", "a Bot API respondeu {0}",
            "Bot API ने {0} जवाब दिया"),
        ["{0}: getWebhookInfo failed"] = ("{0} : getWebhookInfo a échoué", "{0}: getWebhookInfo imeshindwa",
            "{0}: getWebhookInfo falhou", "{0}: getWebhookInfo विफल"),
        ["{0} has no webhook: run `healthbot telegram set-webhook` (or set Telegram__Mode=polling)"] = (
            "{0} n'a pas de webhook : lancez `healthbot telegram set-webhook` (ou Telegram__Mode=polling)",
            "{0} haina webhook: endesha `healthbot telegram set-webhook` (au weka Telegram__Mode=polling)",
            "{0} não tem webhook: execute `healthbot telegram set-webhook` (ou Telegram__Mode=polling)",
            "{0} का कोई webhook नहीं: `healthbot telegram set-webhook` चलाएँ (या Telegram__Mode=polling रखें)"),
        ["{0}, webhook set, {1} updates waiting"] = ("{0}, webhook en place, {1} messages en attente",
            "{0}, webhook imewekwa, ujumbe {1} unasubiri", "{0}, webhook definido, {1} mensagens à espera",
            "{0}, webhook सेट, {1} संदेश प्रतीक्षा में"),
        ["{0}; Telegram's last error: {1}"] = ("{0} ; dernière erreur de Telegram : {1}",
            "{0}; hitilafu ya mwisho ya Telegram: {1}", "{0}; último erro do Telegram: {1}",
            "{0}; Telegram की आख़िरी त्रुटि: {1}"),
        ["{0}, receiving by polling"] = ("{0}, réception par interrogation (polling)",
            "{0}, inapokea kwa kuuliza (polling)", "{0}, a receber por consulta (polling)",
            "{0}, polling से संदेश ले रहा है"),
        ["{0} SMSC online"] = ("{0} SMSC en ligne", "SMSC {0} ziko mtandaoni", "{0} SMSC ligados", "{0} SMSC ऑनलाइन"),
        ["phone answering"] = ("le téléphone répond", "simu inajibu", "o telefone responde", "फ़ोन जवाब दे रहा है"),
        ["phone answering, {0}"] = ("le téléphone répond, {0}", "simu inajibu, {0}", "o telefone responde, {0}",
            "फ़ोन जवाब दे रहा है, {0}"),
        ["battery {0}%"] = ("batterie {0} %", "betri {0}%", "bateria {0}%", "बैटरी {0}%"),
        ["number answering, quality {0}"] = ("le numéro répond, qualité {0}", "namba inajibu, ubora {0}",
            "o número responde, qualidade {0}", "नंबर जवाब दे रहा है, गुणवत्ता {0}"),
        ["messaging API answering"] = ("l'API de messagerie répond", "API ya ujumbe inajibu",
            "a API de mensagens responde", "मैसेजिंग API जवाब दे रहा है"),
        ["messaging API answering, balance {0}"] = ("l'API de messagerie répond, solde {0}",
            "API ya ujumbe inajibu, salio {0}", "a API de mensagens responde, saldo {0}",
            "मैसेजिंग API जवाब दे रहा है, बैलेंस {0}"),
        ["{0}: Telegram__Mode=polling, but a webhook is set, so Telegram refuses getUpdates (409 Conflict) until the " +
            "running service removes it; run `healthbot telegram delete-webhook` if it stays"] = (
            "{0} : Telegram__Mode=polling, mais un webhook est en place : Telegram refuse getUpdates (409 Conflict) " +
            "jusqu'à ce que le service le retire ; lancez `healthbot telegram delete-webhook` s'il reste",
            "{0}: Telegram__Mode=polling, lakini webhook imewekwa, kwa hiyo Telegram inakataa getUpdates (409 " +
            "Conflict) hadi huduma iiondoe; endesha `healthbot telegram delete-webhook` ikibaki",
            "{0}: Telegram__Mode=polling, mas há um webhook, por isso o Telegram recusa getUpdates (409 Conflict) " +
            "até o serviço o retirar; execute `healthbot telegram delete-webhook` se ficar",
            "{0}: Telegram__Mode=polling है, पर webhook सेट है, इसलिए Telegram getUpdates (409 Conflict) मना करता है " +
            "जब तक सेवा उसे न हटाए; अगर रहे तो `healthbot telegram delete-webhook` चलाएँ"),
        ["{0}: Telegram refuses getUpdates (409 Conflict) because a webhook is set for this bot; polling removes it " +
            "(run `healthbot telegram delete-webhook` if it keeps coming back: another box may run this bot in " +
            "webhook mode)"] = (
            "{0} : Telegram refuse getUpdates (409 Conflict) car un webhook est en place pour ce bot ; le service le " +
            "retire (lancez `healthbot telegram delete-webhook` s'il revient : un autre serveur utilise peut-être " +
            "ce bot en mode webhook)",
            "{0}: Telegram inakataa getUpdates (409 Conflict) kwa sababu webhook imewekwa kwa bot hii; huduma " +
            "inaiondoa (endesha `healthbot telegram delete-webhook` ikirudi: kifaa kingine huenda kinaendesha bot " +
            "hii kwa webhook)",
            "{0}: o Telegram recusa getUpdates (409 Conflict) porque há um webhook para este bot; o serviço " +
            "retira-o (execute `healthbot telegram delete-webhook` se voltar: outra máquina pode usar este bot " +
            "com webhook)",
            "{0}: इस बॉट के लिए webhook सेट है, इसलिए Telegram getUpdates (409 Conflict) मना करता है; सेवा उसे " +
            "हटाती है (अगर वापस आए तो `healthbot telegram delete-webhook` चलाएँ: शायद कोई दूसरा सर्वर यह बॉट " +
            "webhook से चला रहा है)"),
        ["Menu"] = ("Menu", "Menyu", "Menu", "मेनू"),
        ["HealthBot jobs"] = ("Tâches HealthBot", "Kazi za HealthBot", "Tarefas HealthBot", "HealthBot के कार्य"),
        ["The jobs dashboard has no words in your language: it is shown in English. The rest of the workspace is " +
            "in yours."] = (
            "Le tableau des tâches n'existe pas en français : il s'affiche en anglais. Le reste de l'espace est en " +
            "français.",
            "Dashibodi ya kazi haina maneno ya Kiswahili: inaonyeshwa kwa Kiingereza. Sehemu nyingine za eneo la " +
            "kazi ziko kwa Kiswahili.",
            "O painel de tarefas não existe em português: aparece em inglês. O resto do espaço está em português.",
            "कार्य डैशबोर्ड हिन्दी में नहीं है: यह अंग्रेज़ी में दिखता है। बाकी कार्यक्षेत्र हिन्दी में है।"),
    };
}
