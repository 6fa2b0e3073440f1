using BenchmarkDotNet.Jobs;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Runtimes;

/// <summary>
/// What a job is for: its thread-pool regime, read from the environment variable it gives its benchmark processes (they
/// need it to warm or not; BenchmarkDotNet has no notion of a regime), and in a comparison run the target framework of the
/// runtime it names to BenchmarkDotNet. These group and label cases; the runtime version a report shows is never taken
/// from them but read inside the benchmark process (<see cref="CaseObservations.RuntimeVersion"/>).
/// </summary>
public static class JobTags
{
    /// <summary>Cold for the cold regime's jobs, else Steady (the in-process --quick job has no regime and counts as steady).</summary>
    public static string RegimeOf(Job job) => Variable(job, BatchBenchmarks.RegimeVariable) == PoolRegime.Cold ? PoolRegime.Cold : PoolRegime.Steady;

    /// <summary>The target framework of the runtime a comparison run's job names (net8.0, ...); the empty string for a job that names none (a single-runtime run).</summary>
    public static string FrameworkOf(Job job) => job.Environment.Runtime?.MsBuildMoniker ?? string.Empty;

    private static string? Variable(Job job, string name) =>
        job.Environment.EnvironmentVariables?.FirstOrDefault(v => v.Key == name)?.Value;
}
