namespace HealthBot.Admin;

/// <summary>
/// The box's warnings (clock, disk, backups) in French, Swahili, Portuguese and Hindi (sample wording: the NGO's staff
/// should read it over).
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
