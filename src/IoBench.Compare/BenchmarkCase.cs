using IoBench.Core.Statistics;

namespace IoBench.Compare;

/// <summary>
/// One benchmark case of a run: its key and its measured iterations (BenchmarkDotNet's Workload/Actual
/// measurements) in nanoseconds per operation, grouped by the benchmark process that measured them (a launch of the job,
/// or a replicate job of a comparison run): the figures a comparison works on.
/// </summary>
public sealed class BenchmarkCase
{
    public BenchmarkCase(CaseKey key, IReadOnlyList<double> nanosecondsPerOperation, string sourceFile)
        : this(key, [nanosecondsPerOperation], sourceFile)
    {
    }

    public BenchmarkCase(CaseKey key, IReadOnlyList<IReadOnlyList<double>> processes, string sourceFile)
    {
        if (processes.Count == 0 || processes.Any(p => p.Count == 0))
        {
            throw new ArgumentException("A case needs at least one measured iteration in each of its processes.", nameof(processes));
        }

        Key = key;
        Processes = processes;
        NanosecondsPerOperation = processes.Count == 1 ? processes[0] : [.. processes.SelectMany(p => p)];
        SourceFile = sourceFile;
        var sorted = NanosecondsPerOperation.Order().ToArray();
        Min = sorted[0];
        Max = sorted[^1];
        Mean = sorted.Average();
        Median = MedianOf(sorted);
        ProcessMedians = [.. processes.Select(p => MedianOf([.. p.Order()]))];
        CellEstimate = BetweenProcessVariance.Estimate(ProcessMedians);
    }

    public CaseKey Key { get; }

    /// <summary>The measured iterations, in the order they ran (process after process).</summary>
    public IReadOnlyList<double> NanosecondsPerOperation { get; }

    /// <summary>Each process's measured iterations, in the order the processes ran.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Processes { get; }

    /// <summary>Each process's median iteration: the unit a per-process comparison replicates.</summary>
    public IReadOnlyList<double> ProcessMedians { get; }

    /// <summary>The geometric mean of <see cref="ProcessMedians"/>: the cell's estimate in a per-process comparison.</summary>
    public double CellEstimate { get; }

    /// <summary>The report file the case was read from (a run may be spread over several).</summary>
    public string SourceFile { get; }

    public double Mean { get; }

    public double Median { get; }

    public double Min { get; }

    public double Max { get; }

    /// <summary>The case with other processes appended (a comparison run's replicate jobs: Steady-net8.0-p2 joins Steady-net8.0).</summary>
    public BenchmarkCase With(IEnumerable<IReadOnlyList<double>> moreProcesses) => new(Key, [.. Processes, .. moreProcesses], SourceFile);

    private static double MedianOf(double[] sorted) => sorted.Length % 2 == 1
        ? sorted[sorted.Length / 2]
        : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
