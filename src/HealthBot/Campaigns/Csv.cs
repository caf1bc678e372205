using System.Text;

namespace HealthBot.Campaigns;

/// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside quotes; reports the line each row starts on.</summary>
public static class Csv
{
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, quoted, any) = (1, 1, false, false);
        int c;
        while ((c = reader.Read()) != -1)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                yield return (start, fields);
                (fields, start) = (new List<string>(), ++line);
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        if (any && (field.Length > 0 || fields.Count > 0))
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            yield return (start, fields);
        }
    }
}
