namespace IoBench.Compare;

/// <summary>
/// One benchmark case of a run: its key and its measured iterations (BenchmarkDotNet's Workload/Actual
/// measurements) in nanoseconds per operation, the figures a comparison works on.
/// </summary>
public sealed class BenchmarkCase
{
    public BenchmarkCase(CaseKey key, IReadOnlyList<double> nanosecondsPerOperation, string sourceFile)
    {
        if (nanosecondsPerOperation.Count == 0)
        {
            throw new ArgumentException("A case needs at least one measured iteration.", nameof(nanosecondsPerOperation));
        }

        Key = key;
        NanosecondsPerOperation = nanosecondsPerOperation;
        SourceFile = sourceFile;
        var sorted = nanosecondsPerOperation.Order().ToArray();
        Min = sorted[0];
        Max = sorted[^1];
        Mean = sorted.Average();
        Median = sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public CaseKey Key { get; }

    /// <summary>The measured iterations, in the order they ran.</summary>
    public IReadOnlyList<double> NanosecondsPerOperation { get; }

    /// <summary>The report file the case was read from (a run may be spread over several).</summary>
    public string SourceFile { get; }

    public double Mean { get; }

    public double Median { get; }

    public double Min { get; }

    public double Max { get; }
}
