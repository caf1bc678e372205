namespace HealthBot.Admin;

/// <summary>An editor's field over its limit (EditorLimits), a triage audit entry's summary, and every problem
/// the triage parser (ContentFileParser, TriageRuleSet, TriageDrafts) can give staff on the triage page as
/// <c>line N: …</c>; the unknown section and unknown concept are in <c>UiText.RuleChanges.cs</c>.</summary>
public static partial class UiText
{
    private static readonly Dictionary<string, (string Fr, string Sw, string Pt, string Hi)> TriageParserWords =
        new(StringComparer.Ordinal)
    {
        ["the file must start with a '---' line (the header)"] = (
            "le fichier doit commencer par une ligne '---' (l'en-tête)",
            "faili lazima ianze na mstari wa '---' (kichwa)",
            "o ficheiro tem de começar com uma linha '---' (o cabeçalho)",
            "फ़ाइल '---' पंक्ति (हेडर) से शुरू होनी चाहिए"),
        ["the header has no closing '---' line"] = (
            "l'en-tête n'a pas de ligne '---' de fermeture", "kichwa hakina mstari wa '---' wa kufunga",
            "o cabeçalho não tem a linha '---' de fecho", "हेडर में बंद करने वाली '---' पंक्ति नहीं है"),
        ["cannot read this header line: expected 'key: value' or '  - item', got '{0}'"] = (
            "impossible de lire cette ligne d'en-tête : attendu 'key: value' ou '  - item', reçu '{0}'",
            "mstari huu wa kichwa hausomeki: ilitarajiwa 'key: value' au '  - item', imepatikana '{0}'",
            "não é possível ler esta linha do cabeçalho: esperado 'key: value' ou '  - item', recebido '{0}'",
            "हेडर की यह पंक्ति पढ़ी नहीं जा सकती: 'key: value' या '  - item' अपेक्षित था, मिला '{0}'"),
        ["'{0}' appears twice in the header"] = ("'{0}' apparaît deux fois dans l'en-tête",
            "'{0}' inaonekana mara mbili kwenye kichwa", "'{0}' aparece duas vezes no cabeçalho",
            "'{0}' हेडर में दो बार है"),
        ["section '## {0}' appears twice"] = ("la section '## {0}' apparaît deux fois",
            "sehemu '## {0}' inaonekana mara mbili", "a secção '## {0}' aparece duas vezes", "भाग '## {0}' दो बार है"),
        ["text after the header must be inside a '## section'"] = (
            "le texte après l'en-tête doit être dans une '## section'",
            "maandishi baada ya kichwa lazima yawe ndani ya '## section'",
            "o texto depois do cabeçalho tem de estar dentro de uma '## section'",
            "हेडर के बाद का पाठ किसी '## section' के अंदर होना चाहिए"),
        ["rule '{0}' has no 'signs:' or 'combine:' line"] = (
            "la règle '{0}' n'a ni ligne 'signs:' ni ligne 'combine:'",
            "sheria '{0}' haina mstari wa 'signs:' wala 'combine:'",
            "a regra '{0}' não tem linha 'signs:' nem 'combine:'",
            "नियम '{0}' में 'signs:' या 'combine:' पंक्ति नहीं है"),
        ["no danger-sign rule (## topic: or ## emergency:) is left"] = (
            "il ne reste aucune règle de signe de danger (## topic: ou ## emergency:)",
            "hakuna sheria ya dalili za hatari (## topic: au ## emergency:) iliyobaki",
            "não resta nenhuma regra de sinal de perigo (## topic: ou ## emergency:)",
            "ख़तरे के संकेत का कोई नियम (## topic: या ## emergency:) नहीं बचा"),
        ["{0} is {1} characters long; the limit is {2}. Nothing was saved: shorten it and save again."] = (
            "{0} fait {1} caractères ; la limite est {2}. Rien n'a été enregistré : raccourcissez-le et " +
            "enregistrez à nouveau.",
            "{0} ina herufi {1}; kikomo ni {2}. Hakuna kilichohifadhiwa: yafupishe na uhifadhi tena.",
            "{0} tem {1} caracteres; o limite é {2}. Nada foi guardado: encurte-o e guarde de novo.",
            "{0} {1} अक्षरों का है; सीमा {2} है। कुछ भी सहेजा नहीं गया: इसे छोटा करें और फिर से सहेजें।"),
        ["Rule removed: {0}"] = ("Règle supprimée : {0}", "Sheria imeondolewa: {0}", "Regra removida: {0}",
            "नियम हटाया गया: {0}"),
        ["Full line diff"] = ("Toutes les lignes modifiées", "Tofauti zote za mistari", "Todas as linhas alteradas",
            "पंक्तियों का पूरा अंतर"),
        ["Audit entry"] = ("Entrée du journal", "Kumbukumbu ya ukaguzi", "Entrada da auditoria", "ऑडिट प्रविष्टि"),
    };
}
