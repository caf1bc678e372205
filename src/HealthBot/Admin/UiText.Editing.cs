namespace HealthBot.Admin;

/// <summary>The words of the keyword, example and triage editors and of a draft's test questions, side by side.</summary>
public static partial class UiText
{
    private static readonly Dictionary<string, (string Fr, string Sw, string Pt, string Hi)> EditingWords =
        new(StringComparer.Ordinal)
    {
        ["Keywords (one a line)"] = ("Mots-clés (un par ligne)", "Maneno muhimu (moja kwa kila mstari)",
            "Palavras-chave (uma por linha)", "कीवर्ड (हर पंक्ति में एक)"),
        ["Example questions (one a line)"] = ("Exemples de questions (une par ligne)",
            "Mifano ya maswali (moja kwa kila mstari)", "Exemplos de perguntas (uma por linha)",
            "उदाहरण प्रश्न (हर पंक्ति में एक)"),
        ["Nothing changed: nothing was saved."] = ("Rien n'a changé : rien n'a été enregistré.",
            "Hakuna kilichobadilika: hakuna kilichohifadhiwa.", "Nada mudou: nada foi guardado.",
            "कुछ नहीं बदला: कुछ भी सहेजा नहीं गया।"),
        ["Keywords"] = ("Mots-clés", "Maneno muhimu", "Palavras-chave", "कीवर्ड"),
        ["Example questions"] = ("Exemples de questions", "Mifano ya maswali", "Exemplos de perguntas",
            "उदाहरण प्रश्न"),
        ["Test questions this draft answers differently"] = (
            "Questions de test auxquelles ce brouillon répond autrement",
            "Maswali ya majaribio ambayo rasimu hii inajibu tofauti",
            "Perguntas de teste que este rascunho responde de outra forma",
            "परीक्षण प्रश्न जिनका यह ड्राफ़्ट अलग जवाब देता है"),
        ["Running the test questions…"] = ("Questions de test en cours…", "Maswali ya majaribio yanaendeshwa…",
            "A correr as perguntas de teste…", "परीक्षण प्रश्न चल रहे हैं…"),
        ["No test question is answered differently."] = ("Aucune question de test n'a une autre réponse.",
            "Hakuna swali la majaribio linalojibiwa tofauti.", "Nenhuma pergunta de teste tem outra resposta.",
            "किसी परीक्षण प्रश्न का जवाब नहीं बदलता।"),
        ["No test questions are configured (Admin:EvalSet)."] = (
            "Aucune question de test n'est configurée (Admin:EvalSet).",
            "Hakuna maswali ya majaribio yaliyowekwa (Admin:EvalSet).",
            "Nenhuma pergunta de teste está configurada (Admin:EvalSet).",
            "कोई परीक्षण प्रश्न सेट नहीं हैं (Admin:EvalSet)।"),
        ["The test questions could not be run; the service log says why."] = (
            "Les questions de test n'ont pas pu être exécutées ; le journal du service dit pourquoi.",
            "Maswali ya majaribio hayakuweza kuendeshwa; kumbukumbu ya huduma inaeleza sababu.",
            "Não foi possível correr as perguntas de teste; o registo do serviço diz porquê.",
            "परीक्षण प्रश्न नहीं चल सके; सेवा का लॉग कारण बताता है।"),
        ["Urgent recall"] = ("Urgences reconnues", "Dharura zilizotambuliwa", "Urgências reconhecidas",
            "पहचानी गई आपात स्थितियाँ"),
        ["False alarms"] = ("Fausses alertes", "Tahadhari za uongo", "Falsos alarmes", "झूठे अलार्म"),
        ["Topic accuracy"] = ("Sujets justes", "Usahihi wa mada", "Temas certos", "सही विषय"),
        ["Question"] = ("Question", "Swali", "Pergunta", "प्रश्न"),
        ["Expected"] = ("Attendu", "Inatarajiwa", "Esperado", "अपेक्षित"),
        ["Now"] = ("Maintenant", "Sasa", "Agora", "अभी"),
        ["With this draft"] = ("Avec ce brouillon", "Kwa rasimu hii", "Com este rascunho", "इस ड्राफ़्ट के साथ"),
        ["Triage rules"] = ("Règles de triage", "Sheria za utambuzi wa dharura", "Regras de triagem",
            "ट्राइएज नियम"),
        ["Danger-sign rules (triage.md)"] = ("Règles des signes de danger (triage.md)",
            "Sheria za dalili za hatari (triage.md)", "Regras dos sinais de perigo (triage.md)",
            "खतरे के संकेतों के नियम (triage.md)"),
        ["This draft was not saved:"] = ("Ce brouillon n'a pas été enregistré :", "Rasimu hii haikuhifadhiwa:",
            "Este rascunho não foi guardado:", "यह ड्राफ़्ट सहेजा नहीं गया:"),
        ["The rules are checked as the bot reads them: a draft with a problem is not saved. " +
            "Another person publishes it after review."] = (
            "Les règles sont vérifiées comme le bot les lit : un brouillon avec un problème n'est pas enregistré. " +
            "Une autre personne le publie après relecture.",
            "Sheria zinakaguliwa kama boti inavyozisoma: rasimu yenye tatizo haihifadhiwi. " +
            "Mtu mwingine anaichapisha baada ya ukaguzi.",
            "As regras são verificadas como o bot as lê: um rascunho com um problema não é guardado. " +
            "Outra pessoa publica-o após a revisão.",
            "नियम वैसे ही जाँचे जाते हैं जैसे बॉट उन्हें पढ़ता है: समस्या वाला ड्राफ़्ट सहेजा नहीं जाता। " +
            "समीक्षा के बाद कोई दूसरा व्यक्ति उसे प्रकाशित करता है।"),
        ["Write at least one keyword: people's words are how the bot finds this topic."] = (
            "Écrivez au moins un mot-clé : c'est par les mots des gens que le bot trouve ce sujet.",
            "Andika angalau neno moja muhimu: maneno ya watu ndiyo njia ya boti kupata mada hii.",
            "Escreva pelo menos uma palavra-chave: é pelas palavras das pessoas que o bot encontra este tema.",
            "कम से कम एक कीवर्ड लिखें: लोगों के शब्दों से ही बॉट यह विषय ढूँढता है।"),
        ["The form was too large to send"] = ("Le formulaire était trop volumineux pour être envoyé",
            "Fomu ilikuwa kubwa mno kutumwa", "O formulário era grande demais para ser enviado",
            "फ़ॉर्म भेजने के लिए बहुत बड़ा था"),
        ["Nothing was saved: the workspace accepts a form of at most {0}. Go back (your browser usually still " +
            "has your text there), make it shorter or save it in parts, and send it again."] = (
            "Rien n'a été enregistré : l'espace de travail accepte un formulaire de {0} au plus. Revenez en " +
            "arrière (votre navigateur y garde en général votre texte), raccourcissez-le ou enregistrez-le en " +
            "plusieurs fois, puis renvoyez-le.",
            "Hakuna kilichohifadhiwa: eneo la kazi linakubali fomu isiyozidi {0}. Rudi nyuma (kwa kawaida " +
            "kivinjari chako bado kina maandishi yako hapo), yafupishe au yahifadhi kwa sehemu, kisha utume tena.",
            "Nada foi guardado: o espaço de trabalho aceita um formulário de no máximo {0}. Volte atrás (o seu " +
            "navegador costuma manter lá o seu texto), encurte-o ou guarde-o por partes, e envie-o de novo.",
            "कुछ भी सहेजा नहीं गया: वर्कस्पेस अधिकतम {0} का फ़ॉर्म स्वीकार करता है। वापस जाएँ (आपका ब्राउज़र " +
            "आमतौर पर वहाँ आपका पाठ रखता है), उसे छोटा करें या हिस्सों में सहेजें, और फिर से भेजें।"),
    };
}
