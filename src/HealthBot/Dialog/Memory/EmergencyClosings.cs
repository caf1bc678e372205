namespace HealthBot.Dialog.Memory;

/// <summary>
/// After an emergency referral, "ok we r going", "sawa tunaenda", "ok on y va", "ta bom vamos", "theek hai ja rahe
/// hain", "we reached the hospital, thank u": the person acknowledges and leaves or arrives. Such a closing gets a
/// short friendly reply with the one-line safety reminder, not the referral again nor another staff alert. A closing
/// is made only of words of acknowledging, thanking, going or arriving (at least one, <see cref="Closing"/>) and of
/// the small words around them (<see cref="Around"/>), in the language or in English (mixed in everywhere). Any other
/// word (a symptom, an age, "far", "two hours"), a number or a question keeps the emergency: recall comes first.
/// </summary>
internal static class EmergencyClosings
{
    /// <summary>Acknowledging, thanking, going, arriving: one of them makes a closing.</summary>
    private static readonly IReadOnlyDictionary<string, string> Closing = new Dictionary<string, string>
    {
        ["en"] = "ok okay okey k kk alright fine sure yes yeah yep thanks thank thx ty tnx going goin leaving headed " +
                 "heading reached arrived coming omw understood noted bye goodbye",
        ["fr"] = "ok oke okay accord dac dacc merci compris oui va allons partons pars part partis arrive arrives " +
                 "arrivee arrivees route revoir",
        ["sw"] = "sawa asante poa tunaenda naenda tunakwenda nakwenda anaenda wanaenda twende tumefika nimefika " +
                 "amefika tumeshafika nimeshafika njiani ndio naam kwaheri nimeelewa tumeelewa tunampeleka " +
                 "nampeleka tunaondoka naondoka",
        ["pt"] = "ok ta bom bem certo obrigado obrigada valeu brigado brigada vamos vou indo caminho chegamos " +
                 "cheguei chegou sim tchau entendi entendido levando levamos",
        ["hi"] = "ok okay theek thik thk haan han ji acha accha achha shukriya dhanyavad dhanyawad thanks ja jaa " +
                 "nikal nikle pahunch pahuch pahunche ठीक हाँ हां जी अच्छा शुक्रिया धन्यवाद जा निकल पहुंच पहुँच " +
                 "पहुंचे पहुँचे",
    };

    /// <summary>The small words said around a closing: who, now, where to, how.</summary>
    private static readonly IReadOnlyDictionary<string, string> Around = new Dictionary<string, string>
    {
        ["en"] = "we r are were i im am us u you now already right away soon on the way our there to at in a an " +
                 "hospital clinic facility centre center health taking take bringing bring him her them it very " +
                 "much so will ll got here just go car taxi bus ambulance",
        ["fr"] = "on y nous je j il elle l le la les au a en d maintenant deja tout de suite est sommes suis vais " +
                 "allez hopital lhopital clinique centre sante emmene emmenons amene amenons beaucoup bcp vous tres " +
                 "bien voiture taxi moto ambulance",
        ["sw"] = "sasa hivi haraka hospitali kituo cha afya zahanati gari boda pikipiki ambulensi teksi sana tuko " +
                 "niko tayari na kwa yeye",
        ["pt"] = "a o ao para pra hospital centro de saude posto clinica agora ja eu nos ele ela estamos esta " +
                 "vai levar muito mesmo logo taxi chapa carro ambulancia",
        ["hi"] = "hai h hain he rahe raha rahi rhe rha hum ham main mai abhi turant hospital aspatal aspataal le " +
                 "lekar unko usko gaye gaya gayi gye ko me par se हैं है रहे रहा रही हम मैं अभी तुरंत अस्पताल ले " +
                 "लेकर गए गया गई को में",
    };

    private static readonly Dictionary<string, HashSet<string>> ClosingWords = Parse(Closing);
    private static readonly Dictionary<string, HashSet<string>> AroundWords = Parse(Around);

    /// <summary>Whether the message only acknowledges, thanks, goes or arrives (see the class summary).</summary>
    public static bool Is(NormalizedText text, string language)
    {
        if (text.Tokens.Count == 0 || text.Clean.Contains('?', StringComparison.Ordinal))
        {
            return false;
        }

        bool In(Dictionary<string, HashSet<string>> lists, string word) =>
            lists.GetValueOrDefault(language)?.Contains(word) == true || lists["en"].Contains(word);

        return text.Tokens.Any(w => In(ClosingWords, w))
            && text.Tokens.All(w => In(ClosingWords, w) || In(AroundWords, w));
    }

    private static Dictionary<string, HashSet<string>> Parse(IReadOnlyDictionary<string, string> lists) =>
        lists.ToDictionary(l => l.Key, l => TextNormalizer.Normalize(l.Value).Tokens.ToHashSet(StringComparer.Ordinal));
}
