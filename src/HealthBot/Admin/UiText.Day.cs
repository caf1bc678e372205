namespace HealthBot.Admin;

/// <summary>The dashboard's and the error pages' words in French, Swahili, Portuguese and Hindi, side by side.
/// </summary>
public static partial class UiText
{
    private static readonly Dictionary<string, (string Fr, string Sw, string Pt, string Hi)> Day =
        new(StringComparer.Ordinal)
    {
        ["Today"] = ("Aujourd'hui", "Leo", "Hoje", "आज"),
        ["Open urgent alerts"] = ("Alertes urgentes ouvertes", "Tahadhari za dharura zilizo wazi",
            "Alertas urgentes em aberto", "खुले आपात अलर्ट"),
        ["Open the inbox"] = ("Ouvrir la boîte de réception", "Fungua kikasha", "Abrir a caixa de entrada",
            "इनबॉक्स खोलें"),
        ["Edits waiting for review"] = ("Modifications en attente de relecture", "Mabadiliko yanayosubiri ukaguzi",
            "Edições à espera de revisão", "समीक्षा की प्रतीक्षा में बदलाव"),
        ["Questions not answered in the last 7 days"] = ("Questions sans réponse ces 7 derniers jours",
            "Maswali yasiyojibiwa katika siku 7 zilizopita", "Perguntas sem resposta nos últimos 7 dias",
            "पिछले 7 दिनों में बिना जवाब के सवाल"),
        ["Campaigns running"] = ("Campagnes en cours", "Kampeni zinazoendelea", "Campanhas em curso", "चल रहे अभियान"),
        ["No campaign is running."] = ("Aucune campagne en cours.", "Hakuna kampeni inayoendelea.",
            "Nenhuma campanha em curso.", "कोई अभियान नहीं चल रहा है।"),
        ["sent"] = ("envoyés", "zimetumwa", "enviadas", "भेजे गए"),
        ["waiting"] = ("en attente", "zinasubiri", "à espera", "प्रतीक्षा में"),
        ["failed"] = ("en échec", "zimeshindwa", "falharam", "विफल"),
        ["planned so far"] = ("prévus jusqu'ici", "zilizopangwa hadi sasa", "planeadas até agora", "अब तक नियोजित"),
        ["Providers"] = ("Fournisseurs", "Watoa huduma", "Fornecedores", "प्रदाता"),
        ["No provider is checked (no probe is configured)."] = (
            "Aucun fournisseur n'est vérifié (aucune sonde n'est configurée).",
            "Hakuna mtoa huduma anayekaguliwa (hakuna ukaguzi uliowekwa).",
            "Nenhum fornecedor é verificado (nenhuma sonda configurada).",
            "किसी प्रदाता की जाँच नहीं होती (कोई जाँच सेट नहीं है)।"),
        ["working"] = ("fonctionne", "inafanya kazi", "a funcionar", "काम कर रहा है"),
        ["down"] = ("en panne", "haifanyi kazi", "em falha", "बंद है"),
        ["Content gaps this week"] = ("Contenus manquants cette semaine", "Mapengo ya maudhui wiki hii",
            "Lacunas de conteúdo desta semana", "इस सप्ताह सामग्री की कमियाँ"),
        ["Questions the bot declined or did not understand, most asked first:"] = (
            "Questions que le bot a refusées ou n'a pas comprises, les plus posées d'abord :",
            "Maswali ambayo bot ilikataa au haikuelewa, yanayoulizwa zaidi kwanza:",
            "Perguntas que o bot recusou ou não entendeu, as mais feitas primeiro:",
            "वे सवाल जिन्हें बॉट ने मना किया या नहीं समझा, सबसे ज़्यादा पूछे गए पहले:"),
        ["Back to the dashboard"] = ("Retour au tableau de bord", "Rudi kwenye dashibodi", "Voltar ao painel",
            "डैशबोर्ड पर वापस जाएँ"),
        ["The form was not accepted"] = ("Le formulaire n'a pas été accepté", "Fomu haikukubaliwa",
            "O formulário não foi aceite", "फ़ॉर्म स्वीकार नहीं हुआ"),
        ["This page does not exist"] = ("Cette page n'existe pas", "Ukurasa huu haupo", "Esta página não existe",
            "यह पेज मौजूद नहीं है"),
        ["Something went wrong on the server"] = ("Une erreur s'est produite sur le serveur",
            "Hitilafu imetokea kwenye seva", "Algo correu mal no servidor", "सर्वर पर कुछ गड़बड़ हो गई"),
        ["The request could not be completed"] = ("La demande n'a pas pu aboutir", "Ombi halikuweza kukamilika",
            "O pedido não pôde ser concluído", "अनुरोध पूरा नहीं हो सका"),
        ["Nothing was saved: the form had expired (for example after you signed in again) or came from another " +
            "site. Go back, reload the page and send the form again."] = (
            "Rien n'a été enregistré : le formulaire avait expiré (par exemple après une nouvelle connexion) " +
            "ou venait d'un autre site. Revenez en arrière, rechargez la page et renvoyez le formulaire.",
            "Hakuna kilichohifadhiwa: muda wa fomu ulikuwa umekwisha (kwa mfano baada ya kuingia tena) au ilitoka " +
            "tovuti nyingine. Rudi nyuma, pakia ukurasa upya na utume fomu tena.",
            "Nada foi guardado: o formulário tinha expirado (por exemplo, depois de voltar a entrar) ou veio " +
            "de outro site. Volte atrás, recarregue a página e envie o formulário de novo.",
            "कुछ भी सहेजा नहीं गया: फ़ॉर्म की समय-सीमा खत्म हो गई थी (जैसे दोबारा साइन इन करने के बाद) या वह किसी " +
            "दूसरी साइट से आया था। वापस जाएँ, पेज दोबारा लोड करें और फ़ॉर्म फिर से भेजें।"),
        ["Ask an admin for a role that allows it, or go back to the dashboard."] = (
            "Demandez à un administrateur un rôle qui le permet, ou revenez au tableau de bord.",
            "Muombe msimamizi jukumu linaloruhusu hili, au rudi kwenye dashibodi.",
            "Peça a um administrador uma função que o permita, ou volte ao painel.",
            "किसी एडमिन से ऐसी भूमिका माँगें जो इसकी अनुमति दे, या डैशबोर्ड पर वापस जाएँ।"),
        ["Check the address, or start again from the dashboard. What you looked for may have been removed."] = (
            "Vérifiez l'adresse, ou repartez du tableau de bord. Ce que vous cherchiez a peut-être été supprimé.",
            "Angalia anwani, au anza tena kutoka dashibodi. Ulichotafuta huenda kimeondolewa.",
            "Verifique o endereço, ou recomece a partir do painel. O que procurava pode ter sido removido.",
            "पता जाँचें, या डैशबोर्ड से फिर शुरू करें। आप जो ढूँढ रहे थे वह शायद हटा दिया गया है।"),
        ["Try again in a minute. If it happens again, tell your administrator what you did and at what time."] = (
            "Réessayez dans une minute. Si cela se reproduit, dites à votre administrateur ce que vous faisiez et à " +
            "quelle heure.",
            "Jaribu tena baada ya dakika moja. Ikitokea tena, mwambie msimamizi wako ulichofanya na saa ngapi.",
            "Tente de novo daqui a um minuto. Se voltar a acontecer, diga ao seu administrador o que fez e a que " +
            "horas.",
            "एक मिनट बाद फिर कोशिश करें। अगर फिर से हो, तो अपने एडमिन को बताएँ कि आपने क्या किया और किस समय।"),
        ["Go back and try again, or start again from the dashboard."] = (
            "Revenez en arrière et réessayez, ou repartez du tableau de bord.",
            "Rudi nyuma ujaribu tena, au anza tena kutoka dashibodi.",
            "Volte atrás e tente de novo, ou recomece a partir do painel.",
            "वापस जाकर फिर कोशिश करें, या डैशबोर्ड से फिर शुरू करें।"),
    };
}
