using System.Globalization;

namespace IoBench.Report.Claims;

/// <summary>
/// The spread a run measured for one cell: its fastest and slowest measured batch. A rule that compares a cell with a
/// bound or with another cell decides only where the ranges lie on one side; a difference inside them is noise the
/// run cannot tell from a real one.
/// </summary>
internal readonly record struct BatchRange(int Count, double MinMs, double MaxMs)
{
    /// <summary>The fewest batches a range is taken from: one or two batches say nothing about the spread.</summary>
    public const int Deciding = 3;

    /// <summary>The cell's measured batches (a data file without them: Mean alone, one batch).</summary>
    public static BatchRange Of(CaseData c) =>
        c.IterationsMs.Count > 0 ? new(c.IterationsMs.Count, c.IterationsMs.Min(), c.IterationsMs.Max()) : new(1, c.MeanMs!.Value, c.MeanMs!.Value);

    /// <summary>"5 batches, 187 ms to 242 ms".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Count} batch{(Count == 1 ? string.Empty : "es")}, {MarkdownReport.ShortMilliseconds(MinMs)} to {MarkdownReport.ShortMilliseconds(MaxMs)}");
}
