using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks.Diagnosers;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Columns;

/// <summary>Alloc/op: the batch's allocated bytes divided by N, to compare the per-operation cost of strategies.</summary>
public sealed class AllocatedPerOperationColumn(SuiteSettings settings) : BatchColumn(settings)
{
    public override string Id => "IoBench.AllocPerOp";

    public override string ColumnName => "Alloc/op";

    public override string Legend => "Managed bytes allocated per operation: MemoryDiagnoser's Allocated for the batch divided by N";

    internal override string Format(Summary summary, BenchmarkCase benchmarkCase, BatchCase batch)
    {
        var report = summary[benchmarkCase];
        if (report is null || batch.N == 0 || !report.Success)
        {
            return "-";
        }

        var perBatch = Net10MemoryDiagnoser.BytesPerOperation(report.GcStats);
        return perBatch is { } bytes ? (bytes / (double)batch.N).ToString("N0", CultureInfo.InvariantCulture) + " B" : "-";
    }
}
