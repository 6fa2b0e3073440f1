namespace IoBench.Compare;

/// <summary>
/// How one benchmark type's L moved from run A to run B: the median over its cases of L(B) / L(A), with the smallest and
/// largest. Reported beside the verdicts, never judged: the L of a device-decided family moves between two runs of the
/// same code (SqliteQuery 1.43, FileWrite 0.59-1.08 in the published A/A pair), so it cannot tell a change from a run.
/// </summary>
/// <param name="Type">The benchmark type (FileWriteBenchmarks ...).</param>
/// <param name="DecidedPerLatency">Its cases were decided in units of each side's own L (the L is sampled around every batch).</param>
/// <param name="Cases">The cases both data files give an L for.</param>
public sealed record LatencyChange(string Type, bool DecidedPerLatency, int Cases, double Median, double Min, double Max);
