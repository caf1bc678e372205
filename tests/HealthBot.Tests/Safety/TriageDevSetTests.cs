using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Content;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Safety;

/// <summary>
/// triage-examples/emergencies-x.tsv (issue #12): 500 emergencies and near misses by a writer who never saw the rules.
/// Rules were tuned on its odd rows only; not every row passes yet, so each language is held to the level reached
/// (a change that loses an emergency or adds false alarms fails here), and the SMS spelling, ages and typos that made
/// whole families pass are checked one by one.
/// </summary>
public sealed class TriageDevSetTests
{
    private const string File = "content/triage-examples/emergencies-x.tsv";
    private static readonly Lazy<RuleTriage> Triage = new(() => new RuleTriage(RepositoryContent.Catalog));

    [Theory]
    [InlineData("en", 0.93, 0.15)]
    [InlineData("fr", 0.85, 0.05)]
    [InlineData("sw", 0.88, 0.225)]
    [InlineData("pt", 0.86, 0.10)]
    [InlineData("hi", 0.86, 0.15)]
    public void Each_language_keeps_its_recall_and_false_alarms_on_the_unseen_writers_set(
        string language, double recall, double falseAlarms)
    {
        var rows = Read().Where(r => r.Language == language).ToList();
        var urgent = rows.Where(r => r.Urgent).ToList();
        var calm = rows.Where(r => !r.Urgent).ToList();
        var caught = urgent.Count(r => Assess(r.Text, language));
        var alarms = calm.Where(r => Assess(r.Text, language)).Select(r => r.Text).ToList();

        Assert.True(caught >= recall * urgent.Count, $"{language}: {caught} of {urgent.Count} emergencies");
        Assert.True(alarms.Count <= falseAlarms * calm.Count, $"{language}: false alarms {string.Join(" | ", alarms)}");
    }

    [Theory]
    [InlineData("en", "my son 4dys old wont feed n his body is cold")]
    [InlineData("en", "baby is 2 wks and not sucking at all")]
    [InlineData("en", "my 2yr old had a convlsion and now wont wake")]
    [InlineData("en", "wife 34wks face and hands swelled up suddenly")]
    [InlineData("en", "pleeease help my daughter is unconcious")]
    [InlineData("fr", "bebe de 3 jours ne tete plus, il pleure sans larmes, diarrhee depuis hier et yeux creux")]
    [InlineData("sw", "mtoto ana siku 4 hanyonyi na mwili baridi")]
    [InlineData("pt", "meu bebe tem 2 dias e nao quer mamar, mole e frio")]
    [InlineData("hi", "4 din ka bachcha doodh nahi pi raha aur saans tez")]
    public void Ages_shorthand_and_typos_do_not_hide_an_emergency(string language, string text) =>
        Assert.True(Assess(text, language), text);

    [Theory]
    [InlineData("en", "my son had fever for 4 days, now fine, what food is good")]
    [InlineData("en", "my father was bitten by a snake in 2019, the scar is still there")]
    [InlineData("fr", "mon oncle s est evanoui ya 3 ans, il va bien, c quoi la cause")]
    [InlineData("sw", "baba aliumwa na nyoka miaka 3 iliyopita, kovu bado lipo")]
    [InlineData("en", "breastfeeding is hard and my nipples hurt, any tips")]
    public void Durations_past_years_and_real_words_are_not_read_as_emergencies(string language, string text) =>
        Assert.False(Assess(text, language), text);

    private static bool Assess(string text, string language) =>
        Triage.Value.Assess(TextNormalizer.Normalize(text), language).Urgent;

    private static IEnumerable<(string Language, bool Urgent, string Text)> Read() => Read(File);

    /// <summary>The rows of a development set (lang, topic, yes|no, text) with their line number in the file.</summary>
    internal static IEnumerable<(string Language, bool Urgent, string Text)> Read(string file) =>
        ReadLines(file).Select(r => (r.Language, r.Urgent, r.Text));

    /// <summary>A set's urgent rows or its near misses as (language, topic, line) for a theory.</summary>
    internal static TheoryData<string, string, int> Rows(string file, bool urgent)
    {
        var data = new TheoryData<string, string, int>();
        var lines = System.IO.File.ReadAllLines(HealthBotFactory.RepositoryPath(file));
        foreach (var row in ReadLines(file).Where(r => r.Urgent == urgent))
        {
            data.Add(row.Language, lines[row.Line - 1].Split('\t')[1], row.Line);
        }

        return data;
    }

    /// <summary>The message on a line of a set.</summary>
    internal static string Text(string file, int line) => ReadLines(file).Single(r => r.Line == line).Text;

    internal static IEnumerable<(string Language, bool Urgent, string Text, int Line)> ReadLines(string file)
    {
        var lines = System.IO.File.ReadAllLines(HealthBotFactory.RepositoryPath(file))
            .Select((l, i) => (Text: l, Line: i + 1))
            .Where(l => l.Text.Length > 0 && !l.Text.StartsWith('#')).Skip(1);
        foreach (var (line, number) in lines)
        {
            var fields = line.Split('\t');
            Assert.True(fields.Length == 4 && fields[2] is "yes" or "no", $"{file}:{number}: want lang, topic, yes|no, text");
            Assert.Contains(fields[0], ContentFixture.Languages);
            yield return (fields[0], fields[2] == "yes", fields[3], number);
        }
    }
}
