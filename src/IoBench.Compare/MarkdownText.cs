using System.Globalization;

namespace IoBench.Compare;

/// <summary>Text as the comparison reports write it into markdown tables: escaped cells, invariant numbers, percentages.</summary>
internal static class MarkdownText
{
    public static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Percent(double percent) => $"{Number(percent, "0.#")}%";
}
