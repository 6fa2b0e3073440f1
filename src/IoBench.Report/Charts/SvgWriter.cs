using System.Globalization;
using System.Security;
using System.Text;

namespace IoBench.Report.Charts;

/// <summary>
/// A minimal SVG writer: the few shapes a line chart needs, numbers in the invariant culture with at most two decimals
/// (the same input gives the same bytes), text escaped. It knows nothing about benchmarks.
/// </summary>
public sealed class SvgWriter
{
    private readonly StringBuilder _text = new();

    public SvgWriter(int width, int height, string title)
    {
        Width = width;
        Height = height;
        _text.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        _text.Append("<title>").Append(Escape(title)).Append("</title>\n");
        Rect(0, 0, width, height, "#ffffff", null);
    }

    public int Width { get; }

    public int Height { get; }

    public void Rect(double x, double y, double width, double height, string fill, string? stroke) =>
        _text.Append(Invariant($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"{fill}\"{(stroke is null ? string.Empty : $" stroke=\"{stroke}\"")}/>\n"));

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        _text.Append(Invariant($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{Dash(dash)}/>\n"));

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width, string? dash = null, string? clipPath = null) =>
        _text.Append(Invariant($"<polyline points=\"{string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\" stroke-linejoin=\"round\"{Dash(dash)}{Clip(clipPath)}/>\n"));

    /// <summary>A marker: filled (a steady figure) or hollow (a cold one); round, or square for a limited (K) row.</summary>
    public void Marker(double x, double y, string colour, bool filled, bool square)
    {
        var fill = filled ? colour : "#ffffff";
        _text.Append(square
            ? Invariant($"<rect x=\"{N(x - 3.5)}\" y=\"{N(y - 3.5)}\" width=\"7\" height=\"7\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"1.5\"/>\n")
            : Invariant($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"3.5\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"1.5\"/>\n"));
    }

    public void Text(double x, double y, string text, string anchor = "start", int size = 12, string colour = "#222222", double rotate = 0) =>
        _text.Append(Invariant($"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"{colour}\"{(rotate == 0 ? string.Empty : $" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"")}>{Escape(text)}</text>\n"));

    /// <summary>A clipping rectangle that later shapes name by <paramref name="id"/>.</summary>
    public void ClipRect(string id, double x, double y, double width, double height) =>
        _text.Append(Invariant($"<defs><clipPath id=\"{id}\"><rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\"/></clipPath></defs>\n"));

    public override string ToString() => _text + "</svg>\n";

    private static string Dash(string? dash) => dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"";

    private static string Clip(string? id) => id is null ? string.Empty : $" clip-path=\"url(#{id})\"";

    private static string N(double value) => (Math.Round(value, 2) + 0.0).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text);
}
