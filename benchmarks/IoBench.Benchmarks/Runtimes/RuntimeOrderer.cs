using System.Collections.Immutable;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace IoBench.Benchmarks.Runtimes;

/// <summary>
/// BenchmarkDotNet's orderer, with the regime in the logical group of a comparison run: with a baseline job, a case's
/// group is its method and parameters, which would put the steady and the cold jobs of every runtime in one group with
/// two baselines. Each regime is compared on its own instead: steady net9.0 against steady net8.0, cold against cold.
/// </summary>
public sealed class RuntimeOrderer() : DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared), IOrderer
{
    string IOrderer.GetLogicalGroupKey(ImmutableArray<BenchmarkCase> allBenchmarksCases, BenchmarkCase benchmarkCase)
    {
        var key = GetLogicalGroupKey(allBenchmarksCases, benchmarkCase);
        return allBenchmarksCases.Any(b => b.Job.Meta.Baseline) ? $"{key}-{JobTags.RegimeOf(benchmarkCase.Job)}" : key;
    }

    public override IEnumerable<BenchmarkCase> GetSummaryOrder(ImmutableArray<BenchmarkCase> benchmarksCases, Summary summary)
    {
        var groups = benchmarksCases.GroupBy(b => ((IOrderer)this).GetLogicalGroupKey(benchmarksCases, b) ?? "*");
        return GetLogicalGroupOrder(groups).SelectMany(group => GetSummaryOrderForGroup([.. group], summary));
    }
}
