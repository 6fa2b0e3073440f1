using BenchmarkDotNet.Jobs;
using IoBench.Benchmarks.Measurement;
using IoBench.Core.Theory;

namespace IoBench.Benchmarks.Runtimes;

/// <summary>
/// What a job is for: its thread-pool regime, read from the environment variable it gives its benchmark processes (they
/// need it to warm or not; BenchmarkDotNet has no notion of a regime), and in a comparison run the target framework of the
/// runtime it names to BenchmarkDotNet, its side (the framework, or a control of the baseline's) and its replica (which of
/// the case's processes on that side it is). These group and label cases; the runtime version a report shows is never
/// taken from them but read inside the benchmark process (<see cref="CaseObservations.RuntimeVersion"/>).
/// </summary>
public static class JobTags
{
    /// <summary>A comparison run's side of a job (net8.0, net8.0-control, net8.0-slowed), given to its processes too.</summary>
    public const string SideVariable = "IOBENCH_SIDE";

    /// <summary>Which of a case's processes on its side a comparison run's job is (1, 2, ...).</summary>
    public const string ReplicaVariable = "IOBENCH_REPLICA";

    /// <summary>The negative control's side: the baseline runtime again, as jobs of its own.</summary>
    public const string ControlSuffix = "-control";

    /// <summary>The positive control's side: the baseline runtime with L × 1.1, on the families whose L a timer sets.</summary>
    public const string SlowedSuffix = "-slowed";

    /// <summary>Cold for the cold regime's jobs, else Steady (the in-process --quick job has no regime and counts as steady).</summary>
    public static string RegimeOf(Job job) => Variable(job, BatchBenchmarks.RegimeVariable) == PoolRegime.Cold ? PoolRegime.Cold : PoolRegime.Steady;

    /// <summary>The target framework of the runtime a comparison run's job names (net8.0, ...); the empty string for a job that names none (a single-runtime run).</summary>
    public static string FrameworkOf(Job job) => job.Environment.Runtime?.MsBuildMoniker ?? string.Empty;

    /// <summary>A comparison run's side of the job (its framework, or a control's name); the empty string in a single-runtime run.</summary>
    public static string SideOf(Job job) => Variable(job, SideVariable) ?? FrameworkOf(job);

    /// <summary>Which of its side's processes of a case the job runs (1 when the job is not replicated).</summary>
    public static int ReplicaOf(Job job) => int.TryParse(Variable(job, ReplicaVariable), out var replica) ? replica : 1;

    /// <summary>True for the positive control's jobs.</summary>
    public static bool IsSlowed(Job job) => SideOf(job).EndsWith(SlowedSuffix, StringComparison.Ordinal);

    private static string? Variable(Job job, string name) =>
        job.Environment.EnvironmentVariables?.FirstOrDefault(v => v.Key == name)?.Value;
}
