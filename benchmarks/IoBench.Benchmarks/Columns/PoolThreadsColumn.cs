using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Measurement;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Columns;

/// <summary>
/// Pool threads: the thread pool's threads when the measured batches began and when they ended. A change means the pool
/// was still growing while the case was measured, so its Mean is a point on a moving curve (the report says so).
/// Named apart from the PostgreSQL families' connection-pool parameter `Pool` (its table column is "Pool" too): runs
/// published before issue 22 print both as "Pool", the parameter's column first.
/// </summary>
public sealed class PoolThreadsColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.PoolThreads";

    public override string ColumnName => "Pool threads";

    public override string Legend => "Thread-pool threads at the start of the first measured batch -> at the end of the last (per process in the cold regime); a change means the pool was still growing while the case was measured";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch) =>
        CaseObservations.From(summary[benchmarkCase]).Pool is { } pool
            ? string.Create(CultureInfo.InvariantCulture, $"{pool.Start}->{pool.End}")
            : "-";
}
