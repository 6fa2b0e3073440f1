namespace IoBench.Report;

/// <summary>
/// Schema 2: one workload configuration of the run (a benchmark class with its non-matrix parameters, such as
/// Pool = 10): its strategy × N matrix as planned, L per form with every sample, the workload's traits, and every
/// planned cell that did not run with the plan's reason (a K row where K ≥ N is not a cell and is not listed).
/// </summary>
public sealed record FamilyData(
    string Workload,
    IReadOnlyDictionary<string, string> Parameters,
    string Title,
    IReadOnlyList<int> Ops,
    IReadOnlyList<RowData> Rows,
    IReadOnlyList<string> Traits,
    IReadOnlyList<LatencyData> Latencies,
    IReadOnlyList<NotRunData> NotRun)
{
    /// <summary>
    /// True for a device-decided L, sampled around every measured batch in the batch's own process (each case carries its
    /// own L); <see cref="Latencies"/> then holds the steady sequential cases' sample at their smallest N.
    /// </summary>
    public bool LatencySampledPerBatch { get; init; }

    /// <summary>A comparison run's target framework (net8.0 ...): each runtime's cases are a family of their own.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Framework { get; init; }

    /// <summary>"PostgresSleep (Pool = 10)": the workload and its other parameters, the report's heading.</summary>
    public static string TitleOf(string workload, IReadOnlyDictionary<string, string> parameters) =>
        parameters.Count == 0 ? workload : $"{workload} ({string.Join(", ", parameters.Select(p => $"{p.Key} = {p.Value}"))})";
}

/// <summary>A row of the matrix: a strategy and its limit K (0 = none).</summary>
public sealed record RowData(string Strategy, int K);

/// <summary>A planned cell that did not run: the cell plan's reason, or "filtered out" (not selected in this run).</summary>
public sealed record NotRunData(string Strategy, int N, int K, string Reason)
{
    public const string FilteredOut = "filtered out";
}
