using System.Globalization;

namespace HealthBot.Evaluation;

/// <summary>
/// One evaluation question: <c>lang, topic (none = out of scope; with urgent, an emergency no topic fits), urgent
/// (yes/no), text</c>; in a conversation file also the conversation it belongs to and its turn.
/// </summary>
public sealed record EvalRow(int Line, string Language, string Topic, bool Urgent, string Text, string? Conversation = null, int Turn = 0);

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
        var conversations = lines.Length > 0 && lines[0].StartsWith(ConversationHeader, StringComparison.Ordinal);
        if (lines.Length == 0 || !(conversations || lines[0].StartsWith("lang\ttopic\turgent\ttext", StringComparison.Ordinal)))
        {
            throw new EvalFormatException(
                $"{path}:1: expected the header 'lang<TAB>topic<TAB>urgent<TAB>text' or 'conv<TAB>turn<TAB>lang<TAB>topic<TAB>urgent<TAB>text'");
        }

        var rows = new List<EvalRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var where = $"{path}:{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            var cells = lines[i].Split('\t');
            rows.Add(conversations ? ConversationRow(cells, i + 1, where, rows) : Row(cells, i + 1, where));
        }

        return rows;
    }

    private const string ConversationHeader = "conv\tturn\tlang\ttopic\turgent\ttext";

    private static EvalRow ConversationRow(string[] cells, int line, string where, List<EvalRow> before)
    {
        if (cells.Length != 6)
        {
            throw new EvalFormatException($"{where}: expected 6 tab-separated columns, found {cells.Length}");
        }

        if (cells[0].Trim().Length == 0 || !int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out var turn) || turn < 1)
        {
            throw new EvalFormatException($"{where}: conv must not be empty and turn must be a whole number from 1, got '{cells[1]}'");
        }

        var previous = before.LastOrDefault(r => r.Conversation == cells[0]);
        if (turn != (previous?.Turn ?? 0) + 1)
        {
            throw new EvalFormatException($"{where}: conversation '{cells[0]}' expected turn {(previous?.Turn ?? 0) + 1}, got {turn}");
        }

        return Row(cells[2..], line, where) with { Conversation = cells[0], Turn = turn };
    }

    private static EvalRow Row(string[] cells, int line, string where)
    {
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

        return new EvalRow(line, cells[0], cells[1], cells[2] == "yes", cells[3]);
    }
}

public sealed class EvalFormatException(string message) : Exception(message);
