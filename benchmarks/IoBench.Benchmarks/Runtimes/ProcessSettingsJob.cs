using System.Globalization;
using BenchmarkDotNet.Jobs;
using IoBench.Benchmarks.Measurement;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Runtimes;

/// <summary>
/// The process settings a service runs with (--server-gc, --processor-count, --min-worker-threads) on a benchmark job, as
/// BenchmarkDotNet applies a process's settings: Server GC through the job's GC mode (the generated project's
/// ServerGarbageCollection, in its runtimeconfig; BenchmarkDotNet's summary shows it), the processor count and the pool's
/// minimum through the job's environment variables, the runtime's own knobs (<see cref="RuntimeKnobs"/>), read when the
/// process starts. Each benchmark process prints what it saw (<see cref="ProcessSettingsSeen"/>), so one not applied shows.
/// </summary>
public static class ProcessSettingsJob
{
    /// <summary>The job with the settings' process settings; unchanged when none is given.</summary>
    public static Job Apply(Job job, SuiteSettings settings)
    {
        if (settings.ServerGc)
        {
            job = job.WithGcServer(true);
        }

        if (settings.ProcessorCount is { } processors)
        {
            job = job.WithEnvironmentVariable(RuntimeKnobs.ProcessorCount, processors.ToString(CultureInfo.InvariantCulture));
        }

        if (settings.MinWorkerThreads is { } minimum)
        {
            job = job.WithEnvironmentVariable(RuntimeKnobs.ForceMinWorkerThreads, RuntimeKnobs.Hex(minimum));
        }

        return job;
    }
}
