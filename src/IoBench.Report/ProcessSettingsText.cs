using System.Globalization;
using IoBench.Core.Settings;

namespace IoBench.Report;

/// <summary>
/// The report header's process settings: what the run asked (--server-gc, --processor-count, --min-worker-threads, from the
/// data file's settings) beside what its benchmark processes read as they started, and every setting they did not get as
/// asked. Nothing for a run that did not record them (before issue 21).
/// </summary>
public static class ProcessSettingsText
{
    /// <summary>The header's lines, or none for a run that did not record the processes' settings.</summary>
    public static IEnumerable<string> Lines(RunEnvironmentData environment)
    {
        if (environment.ProcessSettings is not { Count: > 0 } seen)
        {
            yield break;
        }

        var (serverGc, processors, minimum) = Asked(environment);
        yield return $"Process settings asked: Server GC {OnOff(serverGc)}, processor count {processors?.ToString(CultureInfo.InvariantCulture) ?? "not recorded"}, min worker threads {minimum?.ToString(CultureInfo.InvariantCulture) ?? "the runtime's default (one per processor)"}";
        var total = seen.Sum(s => s.Processes);
        yield return "Process settings seen as the benchmark processes started: " + (seen.Count == 1
            ? $"{Describe(seen[0])} ({(total == 1 ? "the one process" : string.Create(CultureInfo.InvariantCulture, $"all {total} processes"))})"
            : string.Join("; ", seen.Select(s => $"{Describe(s)} ({Where(s, total)})")));
        foreach (var s in seen)
        {
            var missed = new List<string>();
            if (s.ServerGc != serverGc)
            {
                missed.Add($"Server GC {OnOff(s.ServerGc)}");
            }

            if (processors is { } p && s.ProcessorCount != p)
            {
                missed.Add(string.Create(CultureInfo.InvariantCulture, $"processor count {s.ProcessorCount}"));
            }

            // Without --min-worker-threads the runtime's minimum is one thread per processor it sees.
            if (s.MinWorkerThreads != (minimum ?? s.ProcessorCount))
            {
                missed.Add(string.Create(CultureInfo.InvariantCulture, $"min worker threads {s.MinWorkerThreads}"));
            }

            if (missed.Count > 0)
            {
                yield return $"NOT AS ASKED: {string.Join(", ", missed)} in {Where(s, total)}";
            }
        }
    }

    /// <summary>
    /// The run's asked settings: Server GC, the processor count (the machine's, as the host read it, unless given) and the
    /// minimum where given (null: the runtime's default).
    /// </summary>
    public static (bool ServerGc, int? ProcessorCount, int? MinWorkerThreads) Asked(RunEnvironmentData environment) =>
        (environment.Settings.GetValueOrDefault(SuiteSettings.ServerGcVariable) == "1",
            Number(environment.Settings.GetValueOrDefault(SuiteSettings.ProcessorCountVariable)),
            Number(environment.Settings.GetValueOrDefault(SuiteSettings.MinWorkerThreadsVariable)));

    private static string Describe(ProcessSettingsData s) =>
        string.Create(CultureInfo.InvariantCulture, $"Server GC {OnOff(s.ServerGc)}, processor count {s.ProcessorCount}, min worker threads {s.MinWorkerThreads}");

    private static string Where(ProcessSettingsData s, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Processes} of {total} process{(total == 1 ? string.Empty : "es")}{(s.Sides is { Count: > 0 } sides ? $": {string.Join(", ", sides)}" : string.Empty)}");

    private static string OnOff(bool on) => on ? "on" : "off";

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
