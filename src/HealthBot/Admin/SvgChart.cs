using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace HealthBot.Admin;

/// <summary>
/// Bar charts drawn on the server as inline SVG: no script, no CDN, a few hundred bytes, and it scales to a phone's
/// width. Bars carry their totals and a value axis; each chart is paired with a data table on the page.
/// </summary>
public static class SvgChart
{
    private static readonly string[] Colours = ["#0b3d60", "#c2410c", "#15803d", "#7c3aed", "#a16207", "#be123c"];

    /// <summary>
    /// Stacked bars: one per label (a yyyy-MM-dd day, shown as MM-dd), one segment per series, the total above
    /// each bar and a value axis (0, half, top) on the left.
    /// </summary>
    public static string Bars(string title, IReadOnlyList<string> labels, IReadOnlyDictionary<string, int[]> series)
    {
        const int width = 600, height = 200, bottom = 20, left = 36, top = 14;
        var totals = labels.Select((_, i) => series.Values.Sum(s => s[i])).ToList();
        var max = Math.Max(1, totals.DefaultIfEmpty(0).Max());
        var plot = width - left;
        var slot = labels.Count == 0 ? plot : plot / (double)labels.Count;
        double Y(double value) => height - (value * (height - top) / max);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"0 0 {width} {height + bottom}\" width=\"100%\" role=\"img\" " +
            $"aria-label=\"{Encode(title)}\">");
        foreach (var tick in new[] { 0, max / 2, max }.Distinct())
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{left}\" x2=\"{width}\" y1=\"{Y(tick):0.#}\" y2=\"{Y(tick):0.#}\" stroke=\"#ccc\"/>" +
                $"<text x=\"{left - 4}\" y=\"{Y(tick) + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{tick}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{left}\" x2=\"{left}\" y1=\"{top}\" y2=\"{height}\" stroke=\"#555\"/>");
        for (var i = 0; i < labels.Count; i++)
        {
            var x = left + (i * slot);
            var y = (double)height;
            var colour = 0;
            foreach (var (name, values) in series)
            {
                var h = values[i] * (height - top) / (double)max;
                y -= h;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{x + 2:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(1, slot - 4):0.#}\" " +
                    $"height=\"{h:0.#}\" fill=\"{Colours[colour++ % Colours.Length]}\">" +
                    $"<title>{Encode($"{labels[i]} {name}: {values[i]}")}</title></rect>");
            }

            if (totals[i] > 0)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{x + (slot / 2):0.#}\" y=\"{y - 3:0.#}\" font-size=\"11\" text-anchor=\"middle\" " +
                    $"data-value=\"{totals[i]}\">{totals[i]}</text>");
            }

            var day = labels[i].Length > 5 ? labels[i][5..] : labels[i];
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + (slot / 2):0.#}\" y=\"{height + 15}\" font-size=\"11\" text-anchor=\"middle\">" +
                $"{Encode(day)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>One bar split by share (e.g. model versus fallback); the table beside it has the numbers.</summary>
    public static string Share(string title, IReadOnlyList<(string Name, int Count)> parts)
    {
        const int width = 600, height = 28;
        var total = Math.Max(1, parts.Sum(p => p.Count));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{Encode(title)}\">");
        var x = 0.0;
        for (var i = 0; i < parts.Count; i++)
        {
            var w = parts[i].Count * width / (double)total;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x:0.#}\" y=\"0\" width=\"{w:0.#}\" height=\"{height}\" " +
                $"fill=\"{Colours[i % Colours.Length]}\">" +
                $"<title>{Encode($"{parts[i].Name}: {parts[i].Count}")}</title></rect>");
            x += w;
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Legend(IEnumerable<string> names) => string.Join(" ", names.Select((n, i) =>
        $"<span><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" " +
        $"fill=\"{Colours[i % Colours.Length]}\"/></svg> {Encode(n)}</span>"));

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
