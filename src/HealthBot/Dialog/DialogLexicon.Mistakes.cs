namespace HealthBot.Dialog;

/// <summary>
/// "Sorry, wrong number", "galti se bhej diya", "mandei errado": a message sent by mistake is small talk and gets the
/// short OK, never a health article (an independent set of 2026-12-06 found "galti se bhej diya" answered with the
/// sexual-violence text: "galti", fault, is one of its words). Greetings to a group ("salut la famille", "habari
/// zenu wote", "oi pessoal") are read the same way as greetings to one person.
/// </summary>
public static partial class DialogLexicon
{
    private static void Mistakes(Adder add)
    {
        // An apology only softens: it makes small talk of nothing by itself ("sorry, my baby has fever" is a question).
        add(Any, Meaning.Filler, "sorry", "sry", "soz");
        add("fr", Meaning.Filler, "desole", "desolee", "dsl", "pardon");
        add("sw", Meaning.Filler, "samahani", "radhi");
        add("pt", Meaning.Filler, "desculpa", "desculpe", "desculpas", "foi mal");
        add("hi", Meaning.Filler, "maaf", "maaf karna", "maaf kijiye", "माफ़ करना", "माफ करना");
        // Whole phrases only: "by mistake", "por engano", "galti se" alone are how people tell of a wrong medicine.
        add("en", Meaning.Okay, "wrong number", "wrong no", "wrong person", "wrong chat", "sent by mistake",
            "sent it by mistake", "sent that by mistake", "sent this by mistake", "sorry wrong number", "my bad");
        add("en", Meaning.Filler, "everyone", "everybody", "all of you", "guys", "family", "team");
        add("fr", Meaning.Okay, "mauvais numero", "faux numero", "envoye par erreur", "envoyer par erreur",
            "trompe de numero", "trompee de numero", "mauvaise personne", "desole mauvais numero");
        add("fr", Meaning.Filler, "la famille", "famille", "tout le monde", "les amis", "les gars", "la team");
        add("sw", Meaning.Okay, "namba mbaya", "namba isiyo sahihi", "nimekosea namba", "nimetuma kimakosa",
            "nimekosea kutuma", "samahani nimekosea");
        add("sw", Meaning.Filler, "wote", "nyote", "zenu", "familia", "wadau", "jamani");
        add("pt", Meaning.Okay, "numero errado", "mandei errado", "enviei errado", "mandei para pessoa errada",
            "pessoa errada", "mensagem errada", "errei o numero", "desculpa numero errado");
        add("pt", Meaning.Filler, "pessoal", "galera", "familia", "todos", "malta", "gente");
        add("hi", Meaning.Okay, "galti se bhej diya", "galti se bheja", "galti se bhej di", "galat number",
            "galat no", "galat insaan", "गलती से भेज दिया", "गलत नंबर");
        add("hi", Meaning.Filler, "sab", "sabhi", "sabko", "parivar", "dosto", "सब", "सभी");
    }
}
