using System.Collections.Immutable;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.Results;
using IoBench.Benchmarks.Runtimes;

namespace IoBench.Benchmarks.Exporters;

/// <summary>
/// A comparison run's replicated jobs (Steady-net8.0, Steady-net8.0-p2, ...: one process each, run interleaved across the
/// sides by <see cref="RuntimeOrderer"/>) seen as what they are: one case per side with several processes, as if its job
/// had had that LaunchCount. The suite's data file, report and charts read the merged summary; BenchmarkDotNet's own table
/// and JSON keep a row per replica.
/// </summary>
public static class ReplicaMerge
{
    /// <summary>The summary with each case's replicas merged into the first replica's report; the same summary when nothing is replicated.</summary>
    public static Summary Merge(Summary summary)
    {
        if (!summary.BenchmarksCases.Any(c => JobTags.ReplicaOf(c.Job) > 1))
        {
            return summary;
        }

        var reports = summary.Reports
            .GroupBy(r => KeyOf(r.BenchmarkCase))
            .Select(group => Merged([.. group.OrderBy(r => JobTags.ReplicaOf(r.BenchmarkCase.Job))]))
            .ToImmutableArray();
        return new Summary(summary.Title, reports, summary.HostEnvironmentInfo, summary.ResultsDirectoryPath, summary.LogFilePath, summary.TotalTime,
            summary.GetCultureInfo(), summary.ValidationErrors, summary.ColumnHidingRules, summary.Style);
    }

    /// <summary>The case without its replica: class, method, parameters, regime and side.</summary>
    private static string KeyOf(BenchmarkCase benchmarkCase) =>
        $"{benchmarkCase.Descriptor.Type.FullName}.{benchmarkCase.Descriptor.WorkloadMethod.Name}({benchmarkCase.Parameters.FolderInfo})|{JobTags.RegimeOf(benchmarkCase.Job)}|{JobTags.SideOf(benchmarkCase.Job)}";

    /// <summary>
    /// The first replica's report with every replica's processes as its launches (launch index = replica, or the
    /// replica's launches after one another), successful only when every replica was.
    /// </summary>
    private static BenchmarkReport Merged(IReadOnlyList<BenchmarkReport> replicas)
    {
        if (replicas.Count == 1)
        {
            return replicas[0];
        }

        var launches = new List<ExecuteResult>();
        foreach (var result in replicas.SelectMany(r => r.ExecuteResults))
        {
            launches.Add(new ExecuteResult(result.FoundExecutable, result.ExitCode, result.ProcessId, result.Results, result.PrefixedLines, result.StandardOutput, launches.Count + 1));
        }

        var first = replicas[0];
        return new BenchmarkReport(replicas.All(r => r.Success), first.BenchmarkCase, first.GenerateResult, first.BuildResult, launches, [.. first.Metrics.Values]);
    }
}
