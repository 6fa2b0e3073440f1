namespace IoBench.Report.RunCheck;

/// <summary>
/// One benchmark process of a case as the console log shows it: the batches it ran before measuring (jitting, warm-up)
/// and its measured batches in the order they ran. Each process has its own JIT state and thread pool, so a trend is
/// tested within one, never across the launches of a case.
/// </summary>
internal sealed class LoggedProcess(string caseName, string launch)
{
    /// <summary>The case, shortened to its method, job and parameters (the job's characteristics are dropped).</summary>
    public string Case { get; } = caseName;

    /// <summary>Which launch of the case: "launch k/n" from the log, or "process k" counted when the log has no launch lines.</summary>
    public string Launch { get; } = launch;

    /// <summary>The workload batches run before measuring (WorkloadJitting, WorkloadWarmup), in order.</summary>
    public List<LoggedBatch> Unmeasured { get; } = [];

    /// <summary>The measured batches (WorkloadActual), in order.</summary>
    public List<LoggedBatch> Measured { get; } = [];

    /// <summary>The furthest stage this process's lines reached (<see cref="RunLog"/>'s order of stages), -1 before any.</summary>
    public int LastStage { get; set; } = -1;

    public bool HasBatches => Unmeasured.Count > 0 || Measured.Count > 0;

    public string Name => $"{Case}, {Launch}";
}
