using HealthBot.Sms;

namespace HealthBot.Tests.Sms;

/// <summary>Folding accents for GSM-7 must never turn one word into another ("Faça" into "Faca", knife).</summary>
public sealed class AccentClashesTests
{
    [Theory]
    [InlineData("Faça uma mistura nova de SRO cada dia.", "pt")]
    [InlineData("Depois FAçA uma mistura nova.", "pt")] // ç is not GSM-7 (Ç is), so it folds
    [InlineData("Fac\u0327a uma mistura nova.", "pt")] // ç typed as c + combining cedilla
    [InlineData("A avó está com febre.", "pt")]
    [InlineData("Não é possível pôr a criança a dormir.", "pt")]
    [InlineData("Dê zinco à criança.", "pt")]
    [InlineData("O bebê precisa de mamar.", "pt")] // "bebe" is "drinks"
    [InlineData("C'est une tâche pour l'agent de santé.", "fr")]
    [InlineData("Soyez sûr de finir le traitement.", "fr")]
    [InlineData("Un fruit mûr, lavé à l'eau sûre.", "fr")]
    [InlineData("Il ne faut pas pêcher dans l'eau sale.", "fr")]
    [InlineData("Un jeûne long est dangereux.", "fr")]
    public void Text_with_a_word_that_folding_would_change_goes_unfolded_as_ucs2(string text, string language)
    {
        var sent = SmartEncoding.FoldToGsm(text, language);

        Assert.Equal(SmartEncoding.Apply(text), sent);
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.Analyze(sent).Encoding);
        Assert.NotEmpty(SmartEncoding.FoldClashes(text, language));
        // Without a language, every language's list applies (campaigns and model answers may not know it).
        Assert.Equal(sent, SmartEncoding.FoldToGsm(text));
    }

    [Theory]
    [InlineData("Lave as mãos com sabão e água.", "pt", "Lave as maos com sabao e agua.")]
    [InlineData("Não espere: vá ao centro de saúde.", "pt", "Nao espere: va ao centro de saude.")]
    [InlineData("Allez au centre: c'est sûrement grave.", "fr", "Allez au centre: c'est surement grave.")]
    [InlineData("Ne pas pécher, la fièvre est là.", "fr", "Ne pas pécher, la fièvre est là.")]
    public void Text_without_such_a_word_is_still_folded_to_gsm7(string text, string language, string expected)
    {
        var sent = SmartEncoding.FoldToGsm(text, language);

        Assert.Equal(expected, sent);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Analyze(sent).Encoding);
        Assert.Empty(SmartEncoding.FoldClashes(text, language));
    }

    [Fact]
    public void Each_language_has_its_own_list()
    {
        // "tâche" is listed for French only: a Portuguese text is checked against the Portuguese words.
        Assert.Equal("tache", SmartEncoding.FoldToGsm("tâche", "pt"));
        Assert.Equal("tâche", SmartEncoding.FoldToGsm("tâche", "fr"));
        Assert.Contains("faça", AccentClashes.Words("pt"));
        Assert.Empty(AccentClashes.Words("sw"));
    }

    [Fact]
    public void Every_listed_word_really_changes_when_folded()
    {
        foreach (var language in new[] { "pt", "fr" })
        {
            // A word that folding leaves alone (é, è, à are GSM-7) would be a useless entry.
            Assert.All(AccentClashes.Words(language), word => Assert.Single(SmartEncoding.FoldClashes(word, language)));
        }
    }
}
