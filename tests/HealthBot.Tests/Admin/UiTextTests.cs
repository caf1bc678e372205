using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>Every text the workspace shows through <c>T("…")</c> exists in all five languages.</summary>
public sealed partial class UiTextTests
{
    private static readonly string[] Translated = ["fr", "sw", "pt", "hi"];

    [Theory]
    [InlineData("hi", "(in pt)", "(pt में)")] // Hindi puts the postposition after the language
    [InlineData("fr", "title: a\nsms: b\nkeywords: c\nexamples: d", "titre : a\nSMS : b\nmots-clés : c\nexemples : d")]
    [InlineData("sw", "safety_line", "mstari wa usalama")]
    [InlineData("fr", "line 374: rule 'emergency: x' combines an unknown concept 'blod'",
        "ligne 374 : la règle 'emergency: x' combine un concept inconnu 'blod'")]
    [InlineData("fr", "not a campaign definition: the text is not valid JSON at line 1, position 11",
        "ce n'est pas une définition de campagne : le texte n'est pas du JSON valide à la ligne 1, position 11")]
    [InlineData("pt", "Rule removed: emergency: convulsions. People describing fits will no longer get the urgent referral.",
        "Regra removida: emergency: convulsions. As pessoas que descrevem fits deixarão de receber o encaminhamento urgente.")]
    public void Texts_built_in_code_read_naturally_in_the_staffs_language(string language, string english, string expected) =>
        Assert.Equal(expected, UiText.Built(language, english));

    [Fact]
    public void Every_key_has_a_text_in_all_five_languages_with_the_same_placeholders()
    {
        var keys = KeysInPages().Concat(Translated.SelectMany(l => UiText.Table(l).Keys))
            .ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var key in keys)
        {
            foreach (var language in Translated)
            {
                if (!UiText.Table(language).TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
                {
                    missing.Add($"{language}: {key}");
                }
                else if (!Placeholders(key).SetEquals(Placeholders(text)))
                {
                    missing.Add($"{language}: placeholders differ in '{text}' for '{key}'");
                }
            }
        }

        Assert.True(keys.Count > 200, $"only {keys.Count} keys found");
        Assert.True(missing.Count == 0, $"{missing.Count} missing:\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void The_language_follows_the_cookie_then_the_browser_and_is_english_otherwise()
    {
        Assert.Equal(["en", "fr", "sw", "pt", "hi"], UiText.Languages.Select(l => l.Code));
        Assert.Equal("Leo", UiText.Get("sw", "Today"));
        Assert.Equal("Hoje", UiText.Get("pt", "Today"));
        Assert.Equal("आज", UiText.Get("hi", "Today"));
        Assert.Equal("Today", UiText.Get("de", "Today"));
    }

    /// <summary>Literal keys in the workspace's pages and page models: <c>T("…")</c>.</summary>
    private static IEnumerable<string> KeysInPages()
    {
        var root = HealthBotFactory.RepositoryPath("src/HealthBot/Admin");
        var files = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories));
        var keys = files.SelectMany(f => Literal().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal)).ToList();
        Assert.Contains("Skip to content", keys);
        return keys;
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\bT\(""((?:[^""\\]|\\.)*)""\)")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\{[0-9n]\}")]
    private static partial Regex Placeholder();
}
