using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Measurement;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Columns;

/// <summary>Threads: the peak of thread-pool plus dedicated threads during the case's batches.</summary>
public sealed class ThreadsColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.Threads";

    public override string ColumnName => "Threads";

    public override string Legend => "Peak threads that could run operations during the measured batches: the thread that started the batch, thread-pool threads and dedicated threads (Thread strategy, event loop)";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch) =>
        CaseObservations.From(summary[benchmarkCase]).PeakThreads is { } peak and > 0
            ? peak.ToString(CultureInfo.InvariantCulture)
            : "-";
}
