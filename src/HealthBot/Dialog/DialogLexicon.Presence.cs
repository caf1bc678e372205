namespace HealthBot.Dialog;

/// <summary>
/// "Who are you?", "are you a robot?", "is anyone there?": the person asks about the service, not about health, and
/// gets the greeting, which says what HealthBot is. Each language's ways of asking ("are you", "vous etes", "wewe ni",
/// "voce e", "aap … ho") are phrases and what the bot might be (a robot, a person, a real doctor) are fillers, so that
/// the combinations people write are read, not only the few listed.
/// </summary>
public static partial class DialogLexicon
{
    private static void Presence(Adder add)
    {
        add("en", Meaning.Greeting, "who are you", "who r u", "who are u", "who is this", "whos this", "who is there",
            "who am i talking to", "who am i speaking to", "who am i chatting with", "who is speaking", "what are you",
            "is anyone there", "is anybody there", "is someone there", "is somebody there", "anyone there",
            "anybody there", "someone there", "somebody there", "you there", "are you there", "are you", "are u", "is this",
            "morning", "afternoon", "evening", "gm");
        add("en", Meaning.Filler, "real", "bot", "robot", "chatbot", "human", "person", "machine", "computer", "ai", "or",
            "actual", "live", "agent", "an", "really");
        add("en", Meaning.Goodbye, "night");
        add("fr", Meaning.Greeting, "vous etes qui", "t es qui", "tes qui", "t qui", "t ki", "tu es qui", "c est qui",
            "c qui", "c ki", "qui etes vous", "qui es tu", "qui est la", "qui parle", "qui est ce", "vous etes",
            "tu es", "t es", "es tu", "etes vous", "y a quelqu un", "il y a quelqu un", "quelqu un", "y a qqn", "qqn",
            "vous etes la", "tu es la", "on dit quoi", "quoi de neuf", "quoi de 9", "cc");
        add("fr", Meaning.Filler, "un", "une", "vrai", "vraie", "robot", "humain", "humaine", "personne", "machine",
            "ordinateur", "ia", "ou", "reel", "reelle", "la");
        add("fr", Meaning.Okay, "note", "c note", "c est note", "bien note", "ok c note");
        add("sw", Meaning.Greeting, "wewe ni nani", "ni nani", "nani huyu", "huyu ni nani", "ni nani huyu",
            "wewe nani", "nani wewe", "wewe ni", "ni mtu", "ni roboti", "ni mashine", "ni binadamu", "ni kompyuta",
            "kuna mtu", "kuna mtu yeyote", "uko hapo", "mko hapo", "upo", "mpo", "uko", "mko");
        add("sw", Meaning.Filler, "roboti", "robot", "mashine", "binadamu", "mtu", "kweli", "au", "hapo", "yeyote",
            "halisi", "kompyuta", "huyu");
        add("pt", Meaning.Greeting, "quem e voce", "quem es tu", "quem e tu", "quem e", "quem ta falando",
            "quem esta falando", "quem fala", "quem e que fala", "quem ta ai", "quem esta ai", "voce e", "tu es",
            "e um", "e uma", "tem alguem ai", "tem alguem", "alguem ai", "alguem", "voce ta ai", "ta ai", "esta ai",
            "voce esta ai", "tem gente ai", "tem gente", "oie", "tudo bem ai");
        add("pt", Meaning.Filler, "robo", "bot", "humano", "humana", "pessoa", "real", "de verdade", "verdade",
            "maquina", "medico", "medica", "computador", "ou", "um", "ia");
        add("pt", Meaning.Thanks, "tmj");
        add("pt", Meaning.Goodbye, "flw", "falou");
        add("hi", Meaning.Greeting, [.. HindiPresence()]);
        add("hi", Meaning.Greeting, "koi hai", "koi hai kya", "koi hai wahan", "koi hai yahan", "kaun bol raha hai",
            "aap kaun", "आप कौन हैं", "आप कौन हो", "तुम कौन हो", "कौन हो", "कौन है", "कौन हैं", "कोई है", "कोई है क्या",
            "क्या आप रोबोट हैं", "आप रोबोट हैं", "क्या आप इंसान हैं", "आप इंसान हैं", "radhe radhe", "jai shri krishna",
            "jai shree krishna", "sat sri akal", "salaam", "adaab");
    }

    /// <summary>"aap kaun ho", "tum kaun hain", "kya aap robot ho", "aap asli doctor hain kya", and so on.</summary>
    private static IEnumerable<string> HindiPresence()
    {
        string[] who = ["", "aap ", "tum "];
        string[] verbs = ["ho", "hain", "hai", "ho kya", "hain kya", "hai kya"];
        string[] what = ["kaun", "robot", "bot", "insaan", "machine", "computer", "asli doctor", "sach me doctor",
            "doctor", "asli insaan", "koi insaan"];
        foreach (var subject in who)
        {
            foreach (var noun in what)
            {
                foreach (var verb in verbs)
                {
                    yield return $"{subject}{noun} {verb}";
                    yield return $"kya {subject}{noun} {verb}";
                }
            }
        }
    }

    /// <summary>
    /// How people text the words of the phrases above, per language: each spelling is read as the word ("gud nyt" as
    /// "good night", "thik he" as "thik hai", "kon ho" as "kaun ho"). Applied after stretched letters are squeezed.
    /// </summary>
    internal static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Spellings { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["en"] = Spelling("gud good gd good nyt night nite night n8 night mrng morning morng morning " +
                              "mornin morning mng morning evng evening evenin evening tnk thank thnk thank " +
                              "tank thank r are ur your"),
            ["fr"] = Spelling("mrci merci mersi merci mercie merci vs vous qq quelqu koi quoi"),
            ["sw"] = Spelling("asnte asante asant asante shukurani shukrani kwaher kwaheri vp vipi"),
            ["pt"] = Spelling("obgd obrigado obgda obrigada obrigadu obrigado td tudo vc voce tb tambem"),
            ["hi"] = Spelling("tik thik thek theek he hai hy hay h hai hn haan accha acha achha acha achcha acha " +
                              "dhanywad dhanyavad dhanyvad dhanyavad dhanyabad dhanyavad sukriya shukriya " +
                              "shukrya shukriya namastey namaste namste namaste subh shubh raatri ratri kon kaun " +
                              "ap aap tm tum nhi nahi"),
        };

    /// <summary>Pairs of "spelling word" from a space-separated list.</summary>
    private static Dictionary<string, string> Spelling(string pairs)
    {
        var words = pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(0, words.Length / 2).ToDictionary(i => words[2 * i], i => words[2 * i + 1]);
    }
}
