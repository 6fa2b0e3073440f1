namespace IoBench.Compare;

/// <summary>
/// What makes two benchmark cases the same case across runs: the benchmark's type, method, parameters and job id
/// (a run may hold the same case under several jobs, e.g. "Steady" and "Cold").
/// </summary>
/// <param name="Type">The benchmark class, e.g. <c>SleepBenchmarks</c> (the workload family).</param>
/// <param name="Method">The benchmark method, e.g. <c>Batch</c>.</param>
/// <param name="Parameters">BenchmarkDotNet's parameter string, e.g. <c>Strategy=Task&amp;N=10&amp;K=none</c>.</param>
/// <param name="Job">The job id, e.g. <c>Batch</c>; empty when the report names none.</param>
public readonly record struct CaseKey(string Type, string Method, string Parameters, string Job)
{
    /// <summary>The value of one parameter, or null when the case has no such parameter.</summary>
    public string? Parameter(string name)
    {
        foreach (var pair in Parameters.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).SequenceEqual(name))
            {
                return pair[(equals + 1)..];
            }
        }

        return null;
    }

    /// <summary>
    /// The family a between-process variance is pooled over: the benchmark class, its parameters other than the matrix's
    /// (Strategy, N, K) and the regime, e.g. <c>PostgresSleepBenchmarks (Pool=10) [Steady]</c>. The regime is part of it: a
    /// cold process is one first batch, whose spread holds the pool's cold start, and a steady process the median of many.
    /// </summary>
    public string Family
    {
        get
        {
            var others = Parameters.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !p.StartsWith("Strategy=", StringComparison.Ordinal) && !p.StartsWith("N=", StringComparison.Ordinal) && !p.StartsWith("K=", StringComparison.Ordinal))
                .ToList();
            var parameters = others.Count == 0 ? "" : $" ({string.Join(", ", others)})";
            var job = Job.Length == 0 ? "" : $" [{Job}]";
            return $"{Type}{parameters}{job}";
        }
    }

    /// <summary>Reads like BenchmarkDotNet's display: <c>SleepBenchmarks.Batch(Strategy=Task, N=10, K=none) [Batch]</c>.</summary>
    public override string ToString()
    {
        var parameters = Parameters.Length == 0 ? "" : $"({Parameters.Replace("&", ", ", StringComparison.Ordinal)})";
        var job = Job.Length == 0 ? "" : $" [{Job}]";
        return $"{Type}.{Method}{parameters}{job}";
    }
}
