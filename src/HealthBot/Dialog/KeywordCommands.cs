namespace HealthBot.Dialog;

public enum CommandKind
{
    None,
    Stop,
    Start,
    Help,
    Language,
    Greeting,
    Forget,
}

public sealed record Command(CommandKind Kind, string? Language = null);

/// <summary>
/// Whole-message keywords, matched case- and accent-insensitively after normalization. Consent keywords follow
/// Twilio's defaults (https://help.twilio.com/articles/223134027) plus each language's usual words.
/// </summary>
public static class KeywordCommands
{
    private static readonly Dictionary<string, Command> Keywords = Build();

    public static Command Match(NormalizedText text)
    {
        if (text.Tokens.Count is 0 or > 4)
        {
            return new Command(CommandKind.None);
        }

        var key = string.Join(' ', text.Tokens);
        return Keywords.TryGetValue(key, out var command) ? command : new Command(CommandKind.None);
    }

    private static Dictionary<string, Command> Build()
    {
        var map = new Dictionary<string, Command>(StringComparer.Ordinal);
        void Add(Command command, params string[] words)
        {
            foreach (var word in words)
            {
                map[TextNormalizer.Normalize(word).Tokens is var t ? string.Join(' ', t) : word] = command;
            }
        }

        Add(new Command(CommandKind.Stop), "stop", "stopall", "unsubscribe", "end", "quit", "cancel", "revoke", "optout", "opt out",
            "arret", "arrêt", "arreter", "arrêter", "desabonner", "sitisha", "acha", "parar", "sair", "pare", "band", "बंद", "बन्द", "band karo", "बंद करो");
        Add(new Command(CommandKind.Start), "start", "unstop", "subscribe", "commencer", "demarrer", "anza", "iniciar", "começar", "shuru", "शुरू");
        Add(new Command(CommandKind.Help), "help", "info", "aide", "msaada", "saidia", "ajuda", "madad", "मदद", "सहायता", "menu");
        Add(new Command(CommandKind.Forget), "forget", "forget me", "delete my data", "delete me", "erase my data", "oublie moi", "oubliez moi",
            "supprimer mes donnees", "supprime mes donnees", "nisahau", "futa data yangu", "futa taarifa zangu", "esquecer", "esqueca me", "apagar meus dados",
            "apague meus dados", "bhool jao", "mujhe bhool jao", "data delete karo", "mera data delete karo", "मुझे भूल जाओ", "मेरा डेटा हटाओ");
        Add(new Command(CommandKind.Greeting), "hi", "hello", "hey", "hallo", "good morning", "bonjour", "bonsoir", "salut", "slt", "habari", "jambo",
            "mambo", "hujambo", "sasa", "niaje", "ola", "olá", "oi", "bom dia", "boa tarde", "namaste", "namaskar", "नमस्ते", "नमस्कार");
        Add(new Command(CommandKind.Language, "en"), "english", "anglais", "kiingereza", "ingles", "inglês");
        Add(new Command(CommandKind.Language, "fr"), "francais", "français", "french", "kifaransa", "frances", "francês");
        Add(new Command(CommandKind.Language, "sw"), "kiswahili", "swahili");
        Add(new Command(CommandKind.Language, "pt"), "portugues", "português", "portuguese", "kireno");
        Add(new Command(CommandKind.Language, "hi"), "hindi", "हिन्दी", "हिंदी");
        return map;
    }
}
