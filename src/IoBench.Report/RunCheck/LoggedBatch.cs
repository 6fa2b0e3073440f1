namespace IoBench.Report.RunCheck;

/// <summary>
/// One workload batch of a BenchmarkDotNet console log (a <c>WorkloadJitting</c>, <c>WorkloadWarmup</c> or
/// <c>WorkloadActual</c> line): its operations and its whole time as printed.
/// </summary>
/// <param name="Operations">The line's <c>N op</c>: a per-operation case (OperationsPerInvoke = N) prints N.</param>
/// <param name="Nanoseconds">The batch's whole time.</param>
internal readonly record struct LoggedBatch(long Operations, double Nanoseconds)
{
    /// <summary>Time per operation, the figure the case's report prints.</summary>
    public double PerOperationMs => Nanoseconds / Operations / 1e6;

    /// <summary>The batch's whole time: what a one-time cost such as JIT adds to.</summary>
    public double BatchMs => Nanoseconds / 1e6;
}
