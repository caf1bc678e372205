using HealthBot.Evaluation;

namespace HealthBot.Tests.Evaluation;

/// <summary>Evaluation files may say where they come from in '#' lines; the rows keep their file line numbers.</summary>
public sealed class EvalSetTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"evalset-{Guid.NewGuid():N}.tsv");

    public void Dispose() => File.Delete(file);

    [Fact]
    public void A_provenance_line_above_the_header_is_skipped_and_line_numbers_stay_the_files()
    {
        File.WriteAllLines(file,
        [
            "# Provenance: written by someone who never saw the code",
            "lang\ttopic\turgent\ttext",
            "en\tsnakebite\tyes\ta snake bit my son",
            "# a note between rows",
            "fr\tnone\tno\tmerci",
        ]);

        var rows = EvalSet.Read(file);

        Assert.Equal([(3, "en"), (5, "fr")], rows.Select(r => (r.Line, r.Language)));
    }

    [Fact]
    public void A_file_of_comments_only_names_the_missing_header()
    {
        File.WriteAllLines(file, ["# nothing but a note"]);

        var error = Assert.Throws<EvalFormatException>(() => EvalSet.Read(file));

        Assert.StartsWith($"{file}:1: expected the header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_read_by_their_names_in_any_order()
    {
        File.WriteAllLines(file,
        [
            "text\ttopic\turgent\tlanguage",
            "a snake bit my son\tsnakebite\tyes\ten",
        ]);
        var conversation = file + ".conv";
        File.WriteAllLines(conversation,
        [
            "conversation\tturn\ttext\ttopic\turgent\tlanguage",
            "en-1\t1\tmalaria?\tmalaria-prevention\tno\ten",
            "en-1\t2\tand for a baby\tmalaria-prevention\tno\ten",
        ]);

        var row = Assert.Single(EvalSet.Read(file));
        var turns = EvalSet.Read(conversation);
        File.Delete(conversation);

        Assert.Equal(("en", "snakebite", true, "a snake bit my son"), (row.Language, row.Topic, row.Urgent, row.Text));
        Assert.Equal([("en-1", 2, "and for a baby")], turns.Skip(1).Select(t => (t.Conversation, t.Turn, t.Text)));
    }

    [Fact]
    public void A_header_with_an_unknown_or_missing_column_is_refused()
    {
        File.WriteAllLines(file, ["text\ttopic\turgency\tlanguage", "x\tnone\tno\ten"]);

        var error = Assert.Throws<EvalFormatException>(() => EvalSet.Read(file));

        Assert.StartsWith($"{file}:1: expected the header", error.Message, StringComparison.Ordinal);
    }
}
