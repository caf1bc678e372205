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

/// <summary>
/// One phrase of one language; <paramref name="Target"/> is the language a language name switches to.
/// </summary>
public sealed record LexiconEntry(string Phrase, string Language, Meaning Meaning, string? Target = null);

/// <summary>
/// The keywords and small talk of each language, as people type them by SMS (shorthand, romanized Hindi). Each phrase
/// carries its language, so a word that means different things in two languages ("acha": stop in Swahili, OK in
/// Hindi) is found from these tables, not hard-coded. <see cref="Any"/> phrases belong to every language.
/// Consent keywords follow Twilio's defaults (https://help.twilio.com/articles/223134027) plus each language's own.
/// </summary>
public static partial class DialogLexicon
{
    public const string Any = "*";

    public static IReadOnlyList<LexiconEntry> Entries { get; } = Build();

    private delegate void Adder(string language, Meaning meaning, params string[] phrases);

    private static List<LexiconEntry> Build()
    {
        var list = new List<LexiconEntry>();
        Adder add = (language, meaning, phrases) =>
            list.AddRange(phrases.Select(p => new LexiconEntry(p, language, meaning)));
        Action<Adder>[] tables = [Everywhere, English, French, Swahili, Portuguese, Hindi, Presence, Mistakes];
        foreach (var words in tables)
        {
            words(add);
        }

        AddLanguageNames(list);
        return list;
    }

    private static void Everywhere(Adder add)
    {
        add(Any, Meaning.Stop, "stop", "stopall");
        add(Any, Meaning.Start, "start");
        add(Any, Meaning.Okay, "ok", "okay", "okey", "k");
        add(Any, Meaning.Filler, "sms", "msg", "msgs", "please", "pls", "plz");
    }

    private static void English(Adder add)
    {
        add("en", Meaning.Stop, "unsubscribe", "unsub", "end", "quit", "cancel", "revoke", "optout", "opt out");
        add("en", Meaning.Start, "unstop", "subscribe");
        add("en", Meaning.Help, "help", "info", "menu");
        add("en", Meaning.Forget, "forget", "forget me", "delete my data", "delete me", "erase my data");
        add("en", Meaning.Greeting, "hi", "hello", "hey", "hallo", "good morning", "good afternoon", "good evening",
            "good day");
        add("en", Meaning.Thanks, "thanks", "thank you", "thank u", "thankyou", "thanku", "thx", "tnx", "thnx", "thnks",
            "thanx", "ty", "tq", "many thanks", "cheers", "appreciate it", "appreciated", "god bless", "god bless you",
            "bless you", "thanks a lot", "thanks so much", "thank you so much", "that helps", "that helped");
        add("en", Meaning.Goodbye, "bye", "goodbye", "good bye", "good night", "goodnight", "gn", "see you",
            "see you later", "take care", "cya");
        add("en", Meaning.Okay, "alright", "all right", "fine", "cool", "great", "got it", "noted", "understood",
            "sure", "perfect", "awesome", "nice", "good", "ok good", "will do", "i will", "i see", "oh", "ohh", "wow",
            "lol", "haha", "hmm", "noted with thanks", "i understand", "makes sense");
        add("en", Meaning.Greeting, "how are you", "how r u", "hw r u", "how are u", "how is it going", "whats up",
            "sup", "hi there");
        add("en", Meaning.Yes, "yes", "yeah", "yep", "yup", "yea", "y");
        add("en", Meaning.No, "no", "nope", "nah");
        add("en", Meaning.Filler, "all", "now", "it", "me", "messages", "message", "texts", "text", "sending", "them",
            "very", "much", "so", "a", "lot", "you", "u", "there", "dear", "doctor", "doc", "sir", "madam", "maam",
            "bro", "sis", "mate", "friend", "again", "too", "bot", "sister", "nurse", "mum", "mama", "auntie", "aunty");
        // What the thanks is for: "thanks for the help" is still thanks.
        add("en", Meaning.Filler, "for the help", "for your help", "for ur help", "for the info", "for the information",
            "for the advice", "for the answer", "for the reply", "for helping", "for explaining", "for that");
    }

    private static void French(Adder add)
    {
        add("fr", Meaning.Stop, "arret", "arrett", "arrete", "arretez", "arreter", "desabonner", "desinscrire",
            "stopper");
        add("fr", Meaning.Start, "commencer", "demarrer");
        add("fr", Meaning.Help, "aide", "info");
        add("fr", Meaning.Forget, "oublie moi", "oubliez moi", "supprimer mes donnees", "supprime mes donnees");
        add("fr", Meaning.Greeting, "bonjour", "bonsoir", "salut", "slt", "coucou", "bjr", "bsr");
        add("fr", Meaning.Thanks, "merci", "mrc", "mci", "mercii", "je vous remercie", "je te remercie",
            "merci infiniment", "que dieu vous benisse", "dieu vous benisse", "grand merci");
        add("fr", Meaning.Goodbye, "au revoir", "aurevoir", "bonne nuit", "a bientot", "a plus", "bonne journee",
            "bonne soiree", "adieu", "bye");
        add("fr", Meaning.Okay, "d accord", "daccord", "dac", "entendu", "compris", "bien recu", "ca marche", "parfait",
            "super", "c bon", "c est bon", "cest bon", "ok c bon", "je comprends", "j ai compris", "jai compris",
            "bien compris", "top", "nickel", "cool", "tres bien", "ah ok", "ah bon", "ok ok");
        add("fr", Meaning.Greeting, "ca va", "cv", "comment ca va", "comment allez vous", "vous allez bien",
            "bonjour docteur", "bonne journee a vous");
        add("fr", Meaning.Yes, "oui", "ouais");
        add("fr", Meaning.No, "non", "nan");
        add("fr", Meaning.Filler, "stp", "svp", "s", "il", "te", "vous", "plait", "beaucoup", "bcp", "bcq", "tout",
            "tous", "les", "mes", "messages", "message", "maintenant", "tres", "bien", "docteur", "doc", "monsieur",
            "madame", "mon", "frere", "ma", "soeur", "ami", "encore", "a", "vous", "toi", "aussi", "maman", "tantine",
            "infirmiere", "docta");
        add("fr", Meaning.Filler, "pour l aide", "pour votre aide", "pour ton aide", "pour les conseils",
            "pour le conseil", "pour l info", "pour les infos", "pour les informations", "pour l information",
            "pour la reponse", "pour les explications", "pour tout");
    }

    private static void Swahili(Adder add)
    {
        add("sw", Meaning.Stop, "sitisha", "acha", "simamisha");
        add("sw", Meaning.Start, "anza", "anzisha");
        add("sw", Meaning.Help, "msaada", "saidia");
        add("sw", Meaning.Forget, "nisahau", "futa data yangu", "futa taarifa zangu");
        add("sw", Meaning.Greeting, "habari", "jambo", "mambo", "hujambo", "hamjambo", "sasa", "niaje", "vipi",
            "salamu", "shikamoo", "habari yako", "habari za asubuhi", "habari za mchana", "habari za jioni");
        add("sw", Meaning.Thanks, "asante", "ahsante", "asanteni", "shukrani", "nashukuru", "asnt", "aksante",
            "shukran", "ubarikiwe", "mungu akubariki", "mungu akubariki sana", "barikiwa", "nimeshukuru");
        add("sw", Meaning.Goodbye, "kwaheri", "kwa heri", "kwaherini", "usiku mwema", "lala salama", "tutaonana");
        add("sw", Meaning.Okay, "sawa", "poa", "safi", "freshi", "shwari", "nimeelewa", "nimekuelewa", "fiti",
            "sawasawa", "sawa sawa", "poa poa", "nimeskia",
            "nimesikia", "nimepata", "vizuri", "nzuri", "safi sana", "haya", "okay sawa");
        add("sw", Meaning.Greeting, "uko aje", "uko poa", "niko poa", "habari gani", "uko mzima", "uko fiti",
            "vipi mzee", "mambo vipi", "salama");
        add("sw", Meaning.Yes, "ndiyo", "ndio", "naam");
        add("sw", Meaning.No, "hapana");
        add("sw", Meaning.Filler, "sana", "tafadhali", "kabisa", "zote", "ujumbe", "jumbe", "kutuma", "kunitumia",
            "daktari", "dokta", "kaka", "dada", "bro", "boss", "mzee", "rafiki", "pia", "tena", "yako", "mama",
            "shangazi", "nesi", "muuguzi", "mathe", "msee");
        add("sw", Meaning.Filler, "kwa msaada", "kwa msaada wako", "kwa ushauri", "kwa taarifa", "kwa maelezo",
            "kwa majibu", "kwa jibu", "kwa kunisaidia", "kwa kunijibu", "kwa elimu");
    }

    private static void Portuguese(Adder add)
    {
        add("pt", Meaning.Stop, "parar", "pare", "sair", "cancelar", "descadastrar");
        add("pt", Meaning.Start, "iniciar", "comecar");
        add("pt", Meaning.Help, "ajuda");
        add("pt", Meaning.Forget, "esquecer", "esqueca me", "apagar meus dados", "apague meus dados");
        add("pt", Meaning.Greeting, "ola", "oi", "bom dia", "boa tarde", "tudo bem", "tudo bom");
        add("pt", Meaning.Thanks, "obrigado", "obrigada", "obg", "brigado", "brigada", "valeu", "vlw", "agradeco",
            "obrigadao", "brigadao", "obrigadinho", "obrigadinha", "muito obrigado", "muito obrigada", "khanimambo",
            "deus te abencoe", "deus abencoe", "deus lhe abencoe", "agradecido", "agradecida");
        add("pt", Meaning.Goodbye, "tchau", "xau", "adeus", "boa noite", "ate logo", "ate mais", "ate amanha");
        add("pt", Meaning.Okay, "ta bom", "ta", "beleza", "blz", "certo", "combinado", "entendi", "entendido",
            "esta bem", "ta certo", "tudo certo", "show", "fechou", "joia", "tranquilo", "perfeito", "otimo", "legal",
            "bom", "ok entendi", "percebi", "percebido", "ah ta", "ah ok", "sei", "ja sei");
        add("pt", Meaning.Greeting, "como esta", "como vai", "como vais", "e ai", "ola doutor", "como estas",
            "bom dia doutor");
        add("pt", Meaning.Yes, "sim");
        add("pt", Meaning.No, "nao");
        add("pt", Meaning.Filler, "muito", "muita", "mto", "mt", "mesmo", "por", "favor", "pf", "pfv", "pfvr", "todas",
            "todos", "as", "mensagens", "mensagem", "de", "enviar", "agora", "doutor", "doutora", "dr", "mano", "mana",
            "irmao", "irma", "amigo", "amiga", "senhor", "senhora", "viu", "ai", "tambem", "mais", "uma", "vez", "tia",
            "mae", "enfermeira", "mamana", "maninho");
        add("pt", Meaning.Filler, "pela ajuda", "pela informacao", "pelas informacoes", "pela info", "pela resposta",
            "pelos conselhos", "pelo conselho", "pela dica", "pelas dicas", "pela atencao", "pela explicacao",
            "por tudo", "por ajudar", "por responder");
    }

    private static void Hindi(Adder add)
    {
        add("hi", Meaning.Stop, "band", "बंद", "बन्द");
        add("hi", Meaning.Start, "shuru", "शुरू");
        add("hi", Meaning.Help, "madad", "मदद", "सहायता", "help");
        add("hi", Meaning.Forget, "bhool jao", "mujhe bhool jao", "data delete karo", "mera data delete karo",
            "मुझे भूल जाओ", "मेरा डेटा हटाओ");
        add("hi", Meaning.Greeting, "namaste", "namaskar", "नमस्ते", "नमस्कार", "pranam", "प्रणाम", "hi", "hello",
            "हैलो", "हेलो", "हलो", "हाय");
        add("hi", Meaning.Thanks, "shukriya", "dhanyavad", "dhanyawad", "धन्यवाद", "शुक्रिया", "thanks", "thank you",
            "thx", "dhanyavaad", "shukria", "sukriya", "thanku", "meherbani", "मेहरबानी", "aapka dhanyavad",
            "आपका धन्यवाद", "bahut shukriya");
        add("hi", Meaning.Goodbye, "alvida", "अलविदा", "shubh ratri", "शुभ रात्रि", "phir milenge", "फिर मिलेंगे",
            "bye", "good night");
        add("hi", Meaning.Okay, "acha", "thik hai", "theek hai", "thik h", "theek h", "thik", "theek", "ठीक है", "ठीक",
            "अच्छा", "sahi", "samajh gaya", "samajh gayi", "समझ गया", "समझ गई", "samjh gaya", "samajh gya", "samjha",
            "thk h", "thik ha", "bilkul", "बिल्कुल", "badhiya", "बढ़िया", "mast", "sahi hai", "सही है", "chalo", "चलो",
            "thik hai ji", "accha ji", "ok ji");
        add("hi", Meaning.Greeting, "kaise ho", "kaise hain", "aap kaise hain", "kya haal hai", "kya hal hai",
            "ram ram", "राम राम", "कैसे हो", "आप कैसे हैं", "क्या हाल है");
        add("hi", Meaning.Yes, "haan", "han", "ha", "हाँ", "हां", "हा");
        add("hi", Meaning.No, "nahi", "nahin", "nai", "na", "नहीं", "नही", "ना");
        add("hi", Meaning.Filler, "ji", "जी", "bahut", "बहुत", "karo", "kar", "do", "kijiye", "करो", "कर", "दो",
            "कीजिए", "message", "messages", "मैसेज", "संदेश", "bhejna", "भेजना", "bhai", "bhaiya", "भाई", "भैया",
            "didi",
            "दीदी", "sir", "सर", "madam", "doctor", "daktar", "डॉक्टर", "sahab", "साहब", "aapka", "आपका", "phir se",
            "behen", "behenji", "बहन", "बहनजी", "mam", "aunty", "आंटी");
        add("hi", Meaning.Filler, "madad ke liye", "jankari ke liye", "jaankari ke liye", "salah ke liye",
            "batane ke liye", "मदद के लिए", "जानकारी के लिए", "सलाह के लिए", "बताने के लिए");
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
