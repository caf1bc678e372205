namespace HealthBot.Admin;

/// <summary>The words of a triage draft's rule summary, the confirmation a removed rule needs, a stale save,
/// the note resolving an urgent alert needs, and labels built in code (audit, reply kinds, SMS preview).
/// </summary>
public static partial class UiText
{
    private static readonly Dictionary<string, (string Fr, string Sw, string Pt, string Hi)> RuleChangeWords =
        new(StringComparer.Ordinal)
    {
        ["Rules added, removed or changed"] = ("Règles ajoutées, supprimées ou modifiées",
            "Sheria zilizoongezwa, kuondolewa au kubadilishwa", "Regras adicionadas, removidas ou alteradas",
            "जोड़े, हटाए या बदले गए नियम"),
        ["Rules added, removed or changed in the text you sent (not saved)"] = (
            "Règles ajoutées, supprimées ou modifiées dans le texte envoyé (non enregistré)",
            "Sheria zilizoongezwa, kuondolewa au kubadilishwa katika maandishi uliyotuma (hayajahifadhiwa)",
            "Regras adicionadas, removidas ou alteradas no texto que enviou (não guardado)",
            "आपके भेजे पाठ में जोड़े, हटाए या बदले गए नियम (सहेजा नहीं गया)"),
        ["Rules added, removed or changed in the saved draft (not in the text you sent)"] = (
            "Règles ajoutées, supprimées ou modifiées dans le brouillon enregistré (pas dans le texte envoyé)",
            "Sheria zilizoongezwa, kuondolewa au kubadilishwa katika rasimu iliyohifadhiwa (si katika maandishi " +
            "uliyotuma)",
            "Regras adicionadas, removidas ou alteradas no rascunho guardado (não no texto que enviou)",
            "सहेजे गए ड्राफ़्ट में जोड़े, हटाए या बदले गए नियम (आपके भेजे पाठ में नहीं)"),
        ["No rule is added, removed or changed: only other lines differ."] = (
            "Aucune règle n'est ajoutée, supprimée ou modifiée : seules d'autres lignes changent.",
            "Hakuna sheria iliyoongezwa, kuondolewa au kubadilishwa: mistari mingine tu inatofautiana.",
            "Nenhuma regra é adicionada, removida ou alterada: só outras linhas mudam.",
            "कोई नियम जोड़ा, हटाया या बदला नहीं गया: केवल दूसरी पंक्तियाँ अलग हैं।"),
        ["Rule removed: {0}. People describing {1} will no longer get the urgent referral."] = (
            "Règle supprimée : {0}. Les personnes qui décrivent {1} ne recevront plus l'orientation urgente.",
            "Sheria imeondolewa: {0}. Watu wanaoeleza {1} hawatapata tena rufaa ya dharura.",
            "Regra removida: {0}. As pessoas que descrevem {1} deixarão de receber o encaminhamento urgente.",
            "नियम हटाया गया: {0}। {1} बताने वाले लोगों को अब तत्काल रेफ़रल नहीं मिलेगा।"),
        ["Rule added: {0}"] = ("Règle ajoutée : {0}", "Sheria imeongezwa: {0}", "Regra adicionada: {0}",
            "नियम जोड़ा गया: {0}"),
        ["Rule changed: {0}"] = ("Règle modifiée : {0}", "Sheria imebadilishwa: {0}", "Regra alterada: {0}",
            "नियम बदला गया: {0}"),
        ["Signs added:"] = ("Signes ajoutés :", "Dalili zilizoongezwa:", "Sinais adicionados:", "जोड़े गए संकेत:"),
        ["Signs removed:"] = ("Signes supprimés :", "Dalili zilizoondolewa:", "Sinais removidos:",
            "हटाए गए संकेत:"),
        ["I understand people describing {0} will no longer get the urgent referral."] = (
            "Je comprends que les personnes qui décrivent {0} ne recevront plus l'orientation urgente.",
            "Ninaelewa kwamba watu wanaoeleza {0} hawatapata tena rufaa ya dharura.",
            "Compreendo que as pessoas que descrevem {0} deixarão de receber o encaminhamento urgente.",
            "मैं समझता/समझती हूँ कि {0} बताने वाले लोगों को अब तत्काल रेफ़रल नहीं मिलेगा।"),
        ["Nothing was published: tick the box to confirm that people describing these signs will no " +
            "longer get the urgent referral."] = (
            "Rien n'a été publié : cochez la case pour confirmer que les personnes qui décrivent ces signes " +
            "ne recevront plus l'orientation urgente.",
            "Hakuna kilichochapishwa: weka alama kwenye kisanduku kuthibitisha kwamba watu wanaoeleza dalili " +
            "hizi hawatapata tena rufaa ya dharura.",
            "Nada foi publicado: marque a caixa para confirmar que as pessoas que descrevem estes sinais " +
            "deixarão de receber o encaminhamento urgente.",
            "कुछ भी प्रकाशित नहीं हुआ: यह पुष्टि करने के लिए बॉक्स पर निशान लगाएँ कि इन संकेतों को बताने वाले " +
            "लोगों को अब तत्काल रेफ़रल नहीं मिलेगा।"),
        ["This draft changed since you opened it: nothing was saved. " +
            "The form shows the new text; your text is above it. Make your change again."] = (
            "Ce brouillon a changé depuis que vous l'avez ouvert : rien n'a été enregistré. " +
            "Le formulaire montre le nouveau texte ; le vôtre est au-dessus. Refaites votre modification.",
            "Rasimu hii imebadilika tangu ulipoifungua: hakuna kilichohifadhiwa. " +
            "Fomu inaonyesha maandishi mapya; maandishi yako yako juu yake. Fanya mabadiliko yako tena.",
            "Este rascunho mudou desde que o abriu: nada foi guardado. " +
            "O formulário mostra o novo texto; o seu está acima. Faça a sua alteração de novo.",
            "आपके खोलने के बाद यह ड्राफ़्ट बदल गया: कुछ भी सहेजा नहीं गया। " +
            "फ़ॉर्म नया पाठ दिखाता है; आपका पाठ उसके ऊपर है। अपना बदलाव फिर से करें।"),
        ["Your change (not saved)"] = ("Votre modification (non enregistrée)", "Mabadiliko yako (hayajahifadhiwa)",
            "A sua alteração (não guardada)", "आपका बदलाव (सहेजा नहीं गया)"),
        ["The text your form was opened on is not known: your whole text is below."] = (
            "Le texte sur lequel votre formulaire a été ouvert est inconnu : votre texte complet est ci-dessous.",
            "Maandishi ambayo fomu yako ilifunguliwa nayo hayajulikani: maandishi yako yote yako hapa chini.",
            "O texto com que o seu formulário foi aberto não é conhecido: o seu texto completo está abaixo.",
            "जिस पाठ पर आपका फ़ॉर्म खोला गया था वह ज्ञात नहीं है: आपका पूरा पाठ नीचे है।"),
        ["You had not changed anything."] = ("Vous n'aviez rien modifié.", "Hukuwa umebadilisha chochote.",
            "Não tinha alterado nada.", "आपने कुछ भी नहीं बदला था।"),
        ["Your text (not saved)"] = ("Votre texte (non enregistré)", "Maandishi yako (hayajahifadhiwa)",
            "O seu texto (não guardado)", "आपका पाठ (सहेजा नहीं गया)"),
        ["Not handed back: this person has an open urgent alert. Write a short note (up to 500 " +
            "characters) of what you did about it."] = (
            "Non rendu : cette personne a une alerte urgente ouverte. Écrivez une courte note (500 caractères " +
            "au plus) de ce que vous avez fait.",
            "Haijarudishwa: mtu huyu ana tahadhari ya dharura iliyo wazi. Andika maelezo mafupi (hadi herufi " +
            "500) ya ulichofanya kuhusu hilo.",
            "Não devolvido: esta pessoa tem um alerta urgente aberto. Escreva uma nota curta (até 500 " +
            "caracteres) do que fez.",
            "वापस नहीं सौंपा गया: इस व्यक्ति का एक तत्काल अलर्ट खुला है। आपने इसके बारे में क्या किया, इसका छोटा " +
            "नोट (500 अक्षरों तक) लिखें।"),
        ["This person has an open urgent alert: what did you do about it?"] = (
            "Cette personne a une alerte urgente ouverte : qu'avez-vous fait ?",
            "Mtu huyu ana tahadhari ya dharura iliyo wazi: ulifanya nini kuhusu hilo?",
            "Esta pessoa tem um alerta urgente aberto: o que fez?",
            "इस व्यक्ति का एक तत्काल अलर्ट खुला है: आपने इसके बारे में क्या किया?"),
        ["Saved a draft of the triage rules"] = ("A enregistré un brouillon des règles de triage",
            "Alihifadhi rasimu ya sheria za utambuzi wa dharura", "Guardou um rascunho das regras de triagem",
            "ट्राइएज नियमों का ड्राफ़्ट सहेजा"),
        ["Published the triage rules"] = ("A publié les règles de triage",
            "Alichapisha sheria za utambuzi wa dharura", "Publicou as regras de triagem", "ट्राइएज नियम प्रकाशित किए"),
        ["{0}\nkeywords: {1}"] = ("{0}\nmots-clés : {1}", "{0}\nmaneno muhimu: {1}", "{0}\npalavras-chave: {1}",
            "{0}\nकीवर्ड: {1}"),
        ["{0}\nexamples: {1}"] = ("{0}\nexemples : {1}", "{0}\nmifano: {1}", "{0}\nexemplos: {1}",
            "{0}\nउदाहरण: {1}"),
        ["(in {0})"] = ("(en {0})", "(kwa {0})", "(em {0})", "({0} में)"),
        ["safety_line"] = ("ligne de sécurité", "mstari wa usalama", "linha de segurança", "सुरक्षा पंक्ति"),
        ["Sent with its accents (UCS-2), because without them a word would change"] = (
            "Envoyé avec ses accents (UCS-2), car sans eux un mot changerait",
            "Inatumwa pamoja na alama zake (UCS-2), kwa sababu bila hizo neno lingebadilika",
            "Enviado com os acentos (UCS-2), porque sem eles uma palavra mudaria",
            "इसके मात्रा-चिह्नों के साथ भेजा गया (UCS-2), क्योंकि उनके बिना एक शब्द बदल जाता"),
        ["line {0}: {1}"] = ("ligne {0} : {1}", "mstari {0}: {1}", "linha {0}: {1}", "पंक्ति {0}: {1}"),
        ["unknown section '{0}' (expected topic:, emergency:, concept:, affected:, negation, asking, now or calm)"] = (
            "section inconnue '{0}' (attendu : topic:, emergency:, concept:, affected:, negation, asking, now ou calm)",
            "sehemu isiyojulikana '{0}' (inatarajiwa topic:, emergency:, concept:, affected:, negation, asking, now " +
            "au calm)",
            "secção desconhecida '{0}' (esperado topic:, emergency:, concept:, affected:, negation, asking, now ou " +
            "calm)",
            "अनजान भाग '{0}' (अपेक्षित topic:, emergency:, concept:, affected:, negation, asking, now या calm)"),
        ["rule '{0}' combines an unknown concept '{1}'"] = ("la règle '{0}' combine un concept inconnu '{1}'",
            "sheria '{0}' inaunganisha dhana isiyojulikana '{1}'",
            "a regra '{0}' combina um conceito desconhecido '{1}'",
            "नियम '{0}' एक अनजान अवधारणा '{1}' जोड़ता है"),
        ["the text is not valid JSON at line {0}, position {1}"] = (
            "le texte n'est pas du JSON valide à la ligne {0}, position {1}",
            "maandishi si JSON halali kwenye mstari {0}, nafasi {1}",
            "o texto não é JSON válido na linha {0}, posição {1}", "पाठ पंक्ति {0}, स्थान {1} पर मान्य JSON नहीं है"),
    };
}
