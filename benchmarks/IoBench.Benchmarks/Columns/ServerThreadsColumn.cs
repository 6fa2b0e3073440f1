using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Measurement;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Columns;

/// <summary>
/// Server threads: the peak thread-pool threads of the latency server during the case's batches (from its /stats at
/// cleanup), so a row limited by the server's pool shows the pool size that explains it. Only HTTP runs show it.
/// </summary>
public sealed class ServerThreadsColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.ServerThreads";

    public override string ColumnName => "Server threads";

    public override string Legend => "HTTP only: thread-pool threads of the latency server (its own process) after a measured batch (the most over the measured batches), from its /stats";

    public override bool IsAvailable(Summary summary) =>
        base.IsAvailable(summary) && summary.Reports.Any(r => CaseObservations.From(r).ServerThreads is not null);

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch) =>
        CaseObservations.From(summary[benchmarkCase]).ServerThreads is { } threads
            ? threads.ToString(CultureInfo.InvariantCulture)
            : "-";
}
