using HealthBot.Dialog;

namespace HealthBot.Tests.Dialog;

public sealed class KeywordCommandsTests
{
    [Theory]
    [InlineData("STOP", CommandKind.Stop)]
    [InlineData(" stop! ", CommandKind.Stop)]
    [InlineData("Arrêt", CommandKind.Stop)]
    [InlineData("ARRET", CommandKind.Stop)]
    [InlineData("sitisha", CommandKind.Stop)]
    [InlineData("PARAR", CommandKind.Stop)]
    [InlineData("बंद", CommandKind.Stop)]
    [InlineData("start", CommandKind.Start)]
    [InlineData("UNSTOP", CommandKind.Start)]
    [InlineData("help", CommandKind.Help)]
    [InlineData("Msaada", CommandKind.Help)]
    [InlineData("AJUDA", CommandKind.Help)]
    [InlineData("मदद", CommandKind.Help)]
    [InlineData("please stop the bleeding", CommandKind.None)]
    [InlineData("how do i stop diarrhoea", CommandKind.None)]
    public void Whole_message_keywords_are_recognised_and_sentences_are_not(string text, CommandKind expected)
    {
        Assert.Equal(expected, KeywordCommands.Match(TextNormalizer.Normalize(text)).Kind);
    }

    [Theory]
    [InlineData("FRANCAIS", "fr")]
    [InlineData("Français", "fr")]
    [InlineData("kiswahili", "sw")]
    [InlineData("Português", "pt")]
    [InlineData("हिन्दी", "hi")]
    [InlineData("English", "en")]
    public void Language_names_switch_language(string text, string language)
    {
        var command = KeywordCommands.Match(TextNormalizer.Normalize(text));

        Assert.Equal(CommandKind.Language, command.Kind);
        Assert.Equal(language, command.Language);
    }
}
