using System.Globalization;
using System.Runtime;

namespace IoBench.Benchmarks.Measurement;

/// <summary>
/// The process settings as a benchmark process saw them when it started, before any cell changed its pool's minimum:
/// GCSettings.IsServerGC, Environment.ProcessorCount and ThreadPool.GetMinThreads' worker threads. Each process prints them on
/// its one process line (<see cref="CaseObservations.ProcessPrefix"/>) and the data file keeps them, so that a setting asked
/// but not applied (a runtime that ignores a knob, one processor for Server GC, a variable of the user's shell) shows.
/// </summary>
public sealed record ProcessSettingsSeen(bool ServerGc, int ProcessorCount, int MinWorkerThreads)
{
    /// <summary>This process's.</summary>
    public static ProcessSettingsSeen Current()
    {
        ThreadPool.GetMinThreads(out var workers, out _);
        return new ProcessSettingsSeen(GCSettings.IsServerGC, Environment.ProcessorCount, workers);
    }

    /// <summary>The fields on the process line.</summary>
    public string ToFields() =>
        string.Create(CultureInfo.InvariantCulture, $"servergc={(ServerGc ? 1 : 0)} processors={ProcessorCount} startminworkers={MinWorkerThreads}");

    /// <summary>Read from the process line's fields; null from a process that did not print them.</summary>
    public static ProcessSettingsSeen? Parse(IReadOnlyDictionary<string, string> fields) =>
        OutputLine.Int(fields.GetValueOrDefault("servergc")) is { } serverGc and (0 or 1) &&
        OutputLine.Int(fields.GetValueOrDefault("processors")) is { } processors &&
        OutputLine.Int(fields.GetValueOrDefault("startminworkers")) is { } minimum
            ? new ProcessSettingsSeen(serverGc == 1, processors, minimum)
            : null;
}
