namespace HealthBot.Admin;

/// <summary>
/// The box's warnings (clock, disk, backups) and its Clock page in French, Swahili, Portuguese and Hindi (sample
/// wording: the NGO's staff should read it over).
/// </summary>
public static partial class UiText
{
    private static readonly Dictionary<string, (string Fr, string Sw, string Pt, string Hi)> BoxWords =
        new(StringComparer.Ordinal)
    {
        ["Campaign messages are held: the clock is wrong."] = (
            "Les messages des campagnes sont retenus : l'horloge est fausse.",
            "Ujumbe wa kampeni umesimamishwa: saa ya kifaa si sahihi.",
            "As mensagens das campanhas estão retidas: o relógio está errado.",
            "अभियान संदेश रोके गए हैं: घड़ी का समय गलत है।"),
        ["Campaign messages are held: the clock jumped."] = (
            "Les messages des campagnes sont retenus : l'horloge a fait un saut.",
            "Ujumbe wa kampeni umesimamishwa: saa ya kifaa imeruka.",
            "As mensagens das campanhas estão retidas: o relógio deu um salto.",
            "अभियान संदेश रोके गए हैं: घड़ी का समय अचानक बदल गया।"),
        ["Check the box's time"] = (
            "Vérifier l'heure de la machine", "Angalia saa ya kifaa", "Verificar a hora da máquina",
            "बॉक्स का समय जाँचें"),
        ["The box's clock"] = ("L'horloge de la machine", "Saa ya kifaa", "O relógio da máquina", "बॉक्स की घड़ी"),
        ["The box's clock says:"] = (
            "L'horloge de la machine indique :", "Saa ya kifaa inaonyesha:", "O relógio da máquina indica:",
            "बॉक्स की घड़ी बताती है:"),
        ["Compare it with a phone's time. If it is wrong, set it on the box first (see deploy/INSTALL.md)."] = (
            "Comparez avec l'heure d'un téléphone. Si elle est fausse, réglez-la d'abord sur la machine " +
            "(voir deploy/INSTALL.md).",
            "Linganisha na saa ya simu. Ikiwa si sahihi, irekebishe kwanza kwenye kifaa (tazama deploy/INSTALL.md).",
            "Compare com a hora de um telemóvel. Se estiver errada, acerte-a primeiro na máquina " +
            "(veja deploy/INSTALL.md).",
            "इसे किसी फ़ोन के समय से मिलाएँ। अगर यह गलत है, तो पहले बॉक्स पर इसे ठीक करें (deploy/INSTALL.md देखें)।"),
        ["The time shown is right: send campaign messages again"] = (
            "L'heure affichée est juste : reprendre l'envoi des campagnes",
            "Saa inayoonyeshwa ni sahihi: tuma ujumbe wa kampeni tena",
            "A hora mostrada está certa: voltar a enviar as campanhas",
            "दिखाया गया समय सही है: अभियान संदेश फिर से भेजें"),
        ["The clock moved since this page was shown: reload it and check the time again before confirming."] = (
            "L'horloge a changé depuis l'affichage de cette page : rechargez-la et vérifiez l'heure avant de confirmer.",
            "Saa imebadilika tangu ukurasa huu uonyeshwe: upakie upya na uangalie saa tena kabla ya kuthibitisha.",
            "O relógio mudou desde que esta página foi mostrada: recarregue-a e verifique a hora antes de confirmar.",
            "यह पेज दिखाने के बाद घड़ी बदल गई है: पेज फिर से खोलें और पुष्टि से पहले समय दोबारा देखें।"),
        ["Only an admin can confirm the time."] = (
            "Seul un administrateur peut confirmer l'heure.", "Msimamizi pekee ndiye anaweza kuthibitisha saa.",
            "Só um administrador pode confirmar a hora.", "केवल एडमिन ही समय की पुष्टि कर सकता है।"),
        ["Confirmed: campaign messages go out again."] = (
            "Confirmé : les messages des campagnes repartent.", "Imethibitishwa: ujumbe wa kampeni unatumwa tena.",
            "Confirmado: as mensagens das campanhas voltam a sair.", "पुष्टि हो गई: अभियान संदेश फिर से भेजे जाएँगे।"),
        ["The clock looks right: nothing is held."] = (
            "L'horloge semble juste : rien n'est retenu.", "Saa inaonekana sahihi: hakuna kilichosimamishwa.",
            "O relógio parece certo: nada está retido.", "घड़ी सही लगती है: कुछ भी रोका नहीं गया है।"),
        ["The data disk is full: incoming messages are refused until space is freed."] = (
            "Le disque des données est plein : les messages reçus sont refusés jusqu'à ce que de la place " +
            "soit libérée.",
            "Diski ya data imejaa: ujumbe unaoingia unakataliwa hadi nafasi itakapopatikana.",
            "O disco dos dados está cheio: as mensagens recebidas são recusadas até haver espaço.",
            "डेटा डिस्क भर गई है: जगह खाली होने तक आने वाले संदेश अस्वीकार किए जाएंगे।"),
        ["The data disk is almost full: free some space soon."] = (
            "Le disque des données est presque plein : libérez de la place bientôt.",
            "Diski ya data karibu imejaa: ondoa baadhi ya faili mapema.",
            "O disco dos dados está quase cheio: liberte espaço em breve.",
            "डेटा डिस्क लगभग भर गई है: जल्द ही कुछ जगह खाली करें।"),
        ["The last backup failed."] = (
            "La dernière sauvegarde a échoué.", "Nakala ya akiba ya mwisho imeshindwa.",
            "A última cópia de segurança falhou.", "पिछला बैकअप विफल रहा।"),
        ["The last backup is dated in the future."] = (
            "La dernière sauvegarde est datée dans le futur.", "Nakala ya akiba ya mwisho ina tarehe ya baadaye.",
            "A última cópia de segurança tem data no futuro.", "पिछले बैकअप पर आगे की तारीख है।"),
        ["The daily backup has not run."] = (
            "La sauvegarde quotidienne n'a pas eu lieu.", "Nakala ya akiba ya kila siku haijafanyika.",
            "A cópia de segurança diária não foi feita.", "दैनिक बैकअप नहीं हुआ है।"),
        ["Run healthbot doctor on the box: it says how to fix it."] = (
            "Lancez healthbot doctor sur la machine : il dit comment réparer.",
            "Endesha healthbot doctor kwenye kifaa: kinaeleza jinsi ya kurekebisha.",
            "Execute healthbot doctor na máquina: ele diz como resolver.",
            "बॉक्स पर healthbot doctor चलाएँ: यह बताता है कि इसे कैसे ठीक करें।"),
    };
}
