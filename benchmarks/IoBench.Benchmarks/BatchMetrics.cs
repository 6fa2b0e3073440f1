using System.Globalization;
using BenchmarkDotNet.Reports;

namespace IoBench.Benchmarks;

/// <summary>
/// What a benchmark child process observed over all its batches, passed to the host as one line of its output
/// (BenchmarkDotNet keeps each child's standard output in the report, and columns can read it there).
/// </summary>
/// <param name="ServerThreads">Peak thread-pool threads of the latency server during the batches (HTTP workloads only).</param>
/// <param name="ServerOsThreads">The latency server's OS thread count at cleanup (HTTP workloads only).</param>
public sealed record BatchMetrics(
    int PeakThreads,
    double? SyncPercent,
    long Calls,
    int MinWorkerThreads,
    int MinIoThreads,
    int? ServerThreads = null,
    int? ServerOsThreads = null)
{
    public const string Prefix = "// IoBench.Metrics";

    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix} threads={PeakThreads} syncpct={(SyncPercent is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "-")} calls={Calls} minworkers={MinWorkerThreads} miniocp={MinIoThreads}")
        + (ServerThreads is { } server ? string.Create(CultureInfo.InvariantCulture, $" serverthreads={server} serveros={ServerOsThreads}") : string.Empty);

    /// <summary>
    /// The last metrics line a report's child processes printed, if any. In-process runs (--quick) keep no child
    /// output, so there is none there.
    /// </summary>
    public static BatchMetrics? From(BenchmarkReport? report) =>
        report?.ExecuteResults
            .SelectMany(r => r.StandardOutput ?? [])
            .LastOrDefault(line => line.StartsWith(Prefix, StringComparison.Ordinal)) is { } line
            ? Parse(line)
            : null;

    public static BatchMetrics? Parse(string line)
    {
        var fields = line[Prefix.Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);
        int Int(string key) => fields.TryGetValue(key, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var i) ? i : 0;
        if (!fields.ContainsKey("threads"))
        {
            return null;
        }

        double? sync = fields.TryGetValue("syncpct", out var text) && double.TryParse(text, CultureInfo.InvariantCulture, out var pct) ? pct : null;
        var calls = fields.TryGetValue("calls", out var c) && long.TryParse(c, CultureInfo.InvariantCulture, out var n) ? n : 0;
        int? Optional(string key) => fields.TryGetValue(key, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var i) ? i : null;
        return new BatchMetrics(Int("threads"), sync, calls, Int("minworkers"), Int("miniocp"), Optional("serverthreads"), Optional("serveros"));
    }
}
