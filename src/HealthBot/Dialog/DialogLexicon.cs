namespace HealthBot.Dialog;

/// <summary>
/// What a whole short message can mean. A message with several words takes the strongest meaning: a command beats
/// small talk, and among small talk the later value wins ("ok thanks" is thanks, "no thanks" is no).
/// </summary>
public enum Meaning
{
    /// <summary>A word that only softens or repeats: "please", "all", "sana", "muito", "ji".</summary>
    Filler,
    Okay,
    Yes,
    Greeting,
    Thanks,
    No,
    Goodbye,
    Language,
    Help,
    Start,
    Stop,
    Forget,
}

/// <summary>One phrase of one language; <paramref name="Target"/> is the language a language name switches to.</summary>
public sealed record LexiconEntry(string Phrase, string Language, Meaning Meaning, string? Target = null);

/// <summary>
/// The keywords and small talk of each language, as people type them by SMS (shorthand, romanized Hindi). Each phrase
/// carries its language, so a word that means different things in two languages ("acha": stop in Swahili, OK in
/// Hindi) is found from these tables, not hard-coded. <see cref="Any"/> phrases belong to every language.
/// Consent keywords follow Twilio's defaults (https://help.twilio.com/articles/223134027) plus each language's own.
/// </summary>
public static class DialogLexicon
{
    public const string Any = "*";

    public static IReadOnlyList<LexiconEntry> Entries { get; } = Build();

    private static List<LexiconEntry> Build()
    {
        var list = new List<LexiconEntry>();
        void Add(string language, Meaning meaning, params string[] phrases) =>
            list.AddRange(phrases.Select(p => new LexiconEntry(p, language, meaning)));

        Add(Any, Meaning.Stop, "stop", "stopall");
        Add(Any, Meaning.Start, "start");
        Add(Any, Meaning.Okay, "ok", "okay", "okey", "k");
        Add(Any, Meaning.Filler, "sms", "msg", "msgs", "please", "pls", "plz");

        Add("en", Meaning.Stop, "unsubscribe", "unsub", "end", "quit", "cancel", "revoke", "optout", "opt out");
        Add("en", Meaning.Start, "unstop", "subscribe");
        Add("en", Meaning.Help, "help", "info", "menu");
        Add("en", Meaning.Forget, "forget", "forget me", "delete my data", "delete me", "erase my data");
        Add("en", Meaning.Greeting, "hi", "hello", "hey", "hallo", "good morning", "good afternoon", "good evening", "good day");
        Add("en", Meaning.Thanks, "thanks", "thank you", "thank u", "thankyou", "thanku", "thx", "tnx", "thnx", "thnks", "thanx",
            "ty", "tq", "many thanks", "cheers");
        Add("en", Meaning.Goodbye, "bye", "goodbye", "good bye", "good night", "goodnight", "gn", "see you", "see you later",
            "take care", "cya");
        Add("en", Meaning.Okay, "alright", "all right", "fine", "cool", "great", "got it", "noted", "understood", "sure");
        Add("en", Meaning.Yes, "yes", "yeah", "yep", "yup", "yea", "y");
        Add("en", Meaning.No, "no", "nope", "nah");
        Add("en", Meaning.Filler, "all", "now", "it", "me", "messages", "message", "texts", "text", "sending", "them", "very",
            "much", "so", "a", "lot", "you", "u", "there", "dear", "doctor");

        Add("fr", Meaning.Stop, "arret", "arrett", "arrete", "arretez", "arreter", "desabonner", "desinscrire", "stopper");
        Add("fr", Meaning.Start, "commencer", "demarrer");
        Add("fr", Meaning.Help, "aide", "info");
        Add("fr", Meaning.Forget, "oublie moi", "oubliez moi", "supprimer mes donnees", "supprime mes donnees");
        Add("fr", Meaning.Greeting, "bonjour", "bonsoir", "salut", "slt", "coucou", "bjr", "bsr");
        Add("fr", Meaning.Thanks, "merci", "mrc", "mci", "mercii", "je vous remercie");
        Add("fr", Meaning.Goodbye, "au revoir", "aurevoir", "bonne nuit", "a bientot", "a plus", "bonne journee", "bonne soiree",
            "adieu", "bye");
        Add("fr", Meaning.Okay, "d accord", "daccord", "dac", "entendu", "compris", "bien recu", "ca marche", "parfait", "super");
        Add("fr", Meaning.Yes, "oui", "ouais");
        Add("fr", Meaning.No, "non", "nan");
        Add("fr", Meaning.Filler, "stp", "svp", "s", "il", "te", "vous", "plait", "beaucoup", "bcp", "bcq", "tout", "tous",
            "les", "mes", "messages", "message", "maintenant", "tres", "bien", "docteur");

        Add("sw", Meaning.Stop, "sitisha", "acha", "simamisha");
        Add("sw", Meaning.Start, "anza", "anzisha");
        Add("sw", Meaning.Help, "msaada", "saidia");
        Add("sw", Meaning.Forget, "nisahau", "futa data yangu", "futa taarifa zangu");
        Add("sw", Meaning.Greeting, "habari", "jambo", "mambo", "hujambo", "hamjambo", "sasa", "niaje", "vipi", "salamu",
            "shikamoo", "habari yako", "habari za asubuhi", "habari za mchana", "habari za jioni");
        Add("sw", Meaning.Thanks, "asante", "ahsante", "asanteni", "shukrani", "nashukuru");
        Add("sw", Meaning.Goodbye, "kwaheri", "kwa heri", "kwaherini", "usiku mwema", "lala salama", "tutaonana");
        Add("sw", Meaning.Okay, "sawa", "poa", "safi", "freshi", "shwari", "nimeelewa", "nimekuelewa");
        Add("sw", Meaning.Yes, "ndiyo", "ndio", "naam");
        Add("sw", Meaning.No, "hapana");
        Add("sw", Meaning.Filler, "sana", "tafadhali", "kabisa", "zote", "ujumbe", "jumbe", "kutuma", "kunitumia", "daktari");

        Add("pt", Meaning.Stop, "parar", "pare", "sair", "cancelar", "descadastrar");
        Add("pt", Meaning.Start, "iniciar", "comecar");
        Add("pt", Meaning.Help, "ajuda");
        Add("pt", Meaning.Forget, "esquecer", "esqueca me", "apagar meus dados", "apague meus dados");
        Add("pt", Meaning.Greeting, "ola", "oi", "bom dia", "boa tarde", "tudo bem", "tudo bom");
        Add("pt", Meaning.Thanks, "obrigado", "obrigada", "obg", "brigado", "brigada", "valeu", "vlw", "agradeco");
        Add("pt", Meaning.Goodbye, "tchau", "xau", "adeus", "boa noite", "ate logo", "ate mais", "ate amanha");
        Add("pt", Meaning.Okay, "ta bom", "ta", "beleza", "blz", "certo", "combinado", "entendi", "entendido", "esta bem");
        Add("pt", Meaning.Yes, "sim");
        Add("pt", Meaning.No, "nao");
        Add("pt", Meaning.Filler, "muito", "muita", "mto", "mt", "mesmo", "por", "favor", "pf", "pfv", "pfvr", "todas", "todos",
            "as", "mensagens", "mensagem", "de", "enviar", "agora", "doutor");

        Add("hi", Meaning.Stop, "band", "बंद", "बन्द");
        Add("hi", Meaning.Start, "shuru", "शुरू");
        Add("hi", Meaning.Help, "madad", "मदद", "सहायता", "help");
        Add("hi", Meaning.Forget, "bhool jao", "mujhe bhool jao", "data delete karo", "mera data delete karo", "मुझे भूल जाओ",
            "मेरा डेटा हटाओ");
        Add("hi", Meaning.Greeting, "namaste", "namaskar", "नमस्ते", "नमस्कार", "pranam", "प्रणाम", "hi", "hello");
        Add("hi", Meaning.Thanks, "shukriya", "dhanyavad", "dhanyawad", "धन्यवाद", "शुक्रिया", "thanks", "thank you", "thx");
        Add("hi", Meaning.Goodbye, "alvida", "अलविदा", "shubh ratri", "शुभ रात्रि", "phir milenge", "फिर मिलेंगे", "bye", "good night");
        Add("hi", Meaning.Okay, "acha", "thik hai", "theek hai", "thik h", "theek h", "thik", "theek", "ठीक है", "ठीक", "अच्छा",
            "sahi", "samajh gaya", "samajh gayi", "समझ गया", "समझ गई");
        Add("hi", Meaning.Yes, "haan", "han", "ha", "हाँ", "हां", "हा");
        Add("hi", Meaning.No, "nahi", "nahin", "nai", "na", "नहीं", "नही", "ना");
        Add("hi", Meaning.Filler, "ji", "जी", "bahut", "बहुत", "karo", "kar", "do", "kijiye", "करो", "कर", "दो", "कीजिए", "message",
            "messages", "मैसेज", "संदेश", "bhejna", "भेजना");

        AddLanguageNames(list);
        return list;
    }

    private static void AddLanguageNames(List<LexiconEntry> list)
    {
        void Name(string target, params string[] names) =>
            list.AddRange(names.Select(n => new LexiconEntry(n, Any, Meaning.Language, target)));

        Name("en", "english", "anglais", "kiingereza", "ingles");
        Name("fr", "francais", "french", "kifaransa", "frances");
        Name("sw", "kiswahili", "swahili");
        Name("pt", "portugues", "portuguese", "kireno");
        Name("hi", "hindi", "हिन्दी", "हिंदी");
    }
}
