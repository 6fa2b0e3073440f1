using System.Collections.Immutable;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Runtimes;

/// <summary>
/// BenchmarkDotNet's orderer, for a comparison run's replicated jobs (<see cref="RuntimeChoice.Jobs"/>):
/// <list type="bullet">
/// <item>Execution: each case's processes interleaved across the sides, A1 B1 C1 A2 B2 C2 (regime by regime), so that
/// machine drift during a case falls on every side; BenchmarkDotNet's own order runs one job's cases after another.</item>
/// <item>Logical groups: the case, its regime and its replica, so that each group has one baseline job (the baseline
/// side's replica) and the Ratio columns set steady against steady, cold against cold, replica against replica.</item>
/// </list>
/// A run without replicated jobs keeps BenchmarkDotNet's order; a call run's (<paramref name="smallestNFirst"/>) runs the
/// smallest N first, so that its time cap, should it stop the run, leaves out the largest.
/// </summary>
public sealed class RuntimeOrderer(bool smallestNFirst = false) : DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared), IOrderer
{
    string IOrderer.GetLogicalGroupKey(ImmutableArray<BenchmarkCase> allBenchmarksCases, BenchmarkCase benchmarkCase)
    {
        var key = GetLogicalGroupKey(allBenchmarksCases, benchmarkCase);
        return allBenchmarksCases.Any(b => b.Job.Meta.Baseline) ? $"{key}-{JobTags.RegimeOf(benchmarkCase.Job)}-p{JobTags.ReplicaOf(benchmarkCase.Job)}" : key;
    }

    public override IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarkCases, IEnumerable<BenchmarkLogicalGroupRule>? order = null)
    {
        var declared = base.GetExecutionOrder(benchmarkCases, order).ToList();
        if (smallestNFirst)
        {
            declared = [.. declared.OrderBy(c => c.Parameters.Items.FirstOrDefault(p => p.Name == "N")?.Value as int? ?? 0)];
        }

        if (!declared.Any(c => JobTags.ReplicaOf(c.Job) > 1))
        {
            return declared;
        }

        var cases = declared.Select(CaseOf).Distinct().ToList();
        var baseline = declared.FirstOrDefault(c => c.Job.Meta.Baseline) is { } b ? JobTags.FrameworkOf(b.Job) : string.Empty;
        return declared
            .OrderBy(c => cases.IndexOf(CaseOf(c)))
            .ThenBy(c => JobTags.RegimeOf(c.Job) == PoolRegime.Steady ? 0 : 1)
            .ThenBy(c => JobTags.ReplicaOf(c.Job))
            .ThenBy(c => SideRank(c.Job, baseline));
    }

    /// <summary>
    /// The sides in the order the comparison names them: the baseline's framework first with its controls (the framework,
    /// the negative control, the positive control), then the other frameworks oldest first.
    /// </summary>
    private static int SideRank(BenchmarkDotNet.Jobs.Job job, string baseline)
    {
        var framework = JobTags.FrameworkOf(job);
        var side = JobTags.SideOf(job);
        var control = side.EndsWith(JobTags.ControlSuffix, StringComparison.Ordinal) ? 1 : JobTags.IsSlowed(job) ? 2 : 0;
        return ((framework == baseline ? 0 : 1 + RuntimeChoice.Supported.ToList().IndexOf(framework)) * 3) + control;
    }

    public override IEnumerable<BenchmarkCase> GetSummaryOrder(ImmutableArray<BenchmarkCase> benchmarksCases, Summary summary)
    {
        var groups = benchmarksCases.GroupBy(b => ((IOrderer)this).GetLogicalGroupKey(benchmarksCases, b) ?? "*");
        return GetLogicalGroupOrder(groups).SelectMany(group => GetSummaryOrderForGroup([.. group], summary));
    }

    /// <summary>The case apart from its job: the class, the method and the parameters.</summary>
    private static string CaseOf(BenchmarkCase benchmarkCase) =>
        $"{benchmarkCase.Descriptor.Type.FullName}.{benchmarkCase.Descriptor.WorkloadMethod.Name}({benchmarkCase.Parameters.FolderInfo})";
}
