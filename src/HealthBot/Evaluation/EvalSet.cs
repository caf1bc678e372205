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
        // Lines starting with '#' are comments (a set's provenance, above its header): skipped, numbering kept.
        var header = Array.FindIndex(lines, l => !l.StartsWith('#'));
        var order = header >= 0 ? Columns(lines[header]) : null;
        if (order is null)
        {
            throw new EvalFormatException(
                $"{path}:{Math.Max(header, 0) + 1}: expected the header 'lang<TAB>topic<TAB>urgent<TAB>text' or " +
                "'conv<TAB>turn<TAB>lang<TAB>topic<TAB>urgent<TAB>text' (columns in any order; language and " +
                "conversation may be spelt out)");
        }

        var conversations = order.Length == 6;
        var rows = new List<EvalRow>();
        for (var i = header + 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]) || lines[i].StartsWith('#'))
            {
                continue;
            }

            var where = $"{path}:{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            var cells = lines[i].Split('\t');
            if (cells.Length != order.Length)
            {
                throw new EvalFormatException($"{where}: expected {order.Length} tab-separated columns, found {cells.Length}");
            }

            cells = order.Select(c => cells[c]).ToArray();
            rows.Add(conversations ? ConversationRow(cells, i + 1, where, rows) : Row(cells, i + 1, where));
        }

        return rows;
    }

    private static readonly string[] RowColumns = ["lang", "topic", "urgent", "text"];

    /// <summary>
    /// Where each column of the canonical order (conv, turn, then lang, topic, urgent, text) is in this header; null
    /// when the header is not one of the two sets of names. Independent writers order their columns as they like.
    /// </summary>
    private static int[]? Columns(string headerLine)
    {
        var names = headerLine.Split('\t').Select(n => n.Trim().ToLowerInvariant() switch
        {
            "language" => "lang",
            "conversation" => "conv",
            var name => name,
        }).ToList();
        var wanted = names.Count == 6 ? ["conv", "turn", .. RowColumns] : RowColumns;
        var order = wanted.Select(n => names.IndexOf(n)).ToArray();
        return names.Count == wanted.Length && !order.Contains(-1) ? order : null;
    }

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
