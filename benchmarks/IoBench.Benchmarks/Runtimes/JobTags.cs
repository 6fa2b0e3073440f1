using BenchmarkDotNet.Jobs;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Runtimes;

/// <summary>
/// What a job is for, read from the environment variables it gives its benchmark processes: its thread-pool regime and,
/// in a comparison run, the target framework it was built for. These group and label cases; the runtime version a report
/// shows is never taken from them but read inside the benchmark process (<see cref="CaseObservations.RuntimeVersion"/>).
/// </summary>
public static class JobTags
{
    /// <summary>The target framework of a comparison run's job (net8.0, ...); unset in a single-runtime run.</summary>
    public const string FrameworkVariable = "IOBENCH_JOB_FRAMEWORK";

    /// <summary>Cold for the cold regime's jobs, else Steady (the in-process --quick job has no regime and counts as steady).</summary>
    public static string RegimeOf(Job job) => Variable(job, BatchBenchmarks.RegimeVariable) == PoolRegime.Cold ? PoolRegime.Cold : PoolRegime.Steady;

    /// <summary>The job's target framework in a comparison run, else the empty string.</summary>
    public static string FrameworkOf(Job job) => Variable(job, FrameworkVariable) ?? string.Empty;

    private static string? Variable(Job job, string name) =>
        job.Environment.EnvironmentVariables?.FirstOrDefault(v => v.Key == name)?.Value;
}
