using System.Globalization;

namespace HealthBot.Evaluation;

/// <summary>One evaluation question: <c>lang, topic (none = out of scope), urgent (yes/no), text</c>.</summary>
public sealed record EvalRow(int Line, string Language, string Topic, bool Urgent, string Text);

/// <summary>Reads an evaluation TSV, rejecting malformed lines with their line number.</summary>
public static class EvalSet
{
    public static readonly string[] Languages = ["en", "fr", "sw", "pt", "hi"];

    public static IReadOnlyList<EvalRow> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvalFormatException($"{path}: file not found");
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].StartsWith("lang\ttopic\turgent\ttext", StringComparison.Ordinal))
        {
            throw new EvalFormatException($"{path}:1: expected the header 'lang<TAB>topic<TAB>urgent<TAB>text'");
        }

        var rows = new List<EvalRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = lines[i].Split('\t');
            var where = $"{path}:{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            if (cells.Length != 4)
            {
                throw new EvalFormatException($"{where}: expected 4 tab-separated columns, found {cells.Length}");
            }

            if (!Languages.Contains(cells[0]))
            {
                throw new EvalFormatException($"{where}: unknown language '{cells[0]}' (expected one of {string.Join(", ", Languages)})");
            }

            if (cells[2] is not ("yes" or "no"))
            {
                throw new EvalFormatException($"{where}: urgent must be yes or no, got '{cells[2]}'");
            }

            if (cells[1].Length == 0 || cells[3].Trim().Length == 0)
            {
                throw new EvalFormatException($"{where}: topic and text must not be empty");
            }

            rows.Add(new EvalRow(i + 1, cells[0], cells[1], cells[2] == "yes", cells[3]));
        }

        return rows;
    }
}

public sealed class EvalFormatException(string message) : Exception(message);
