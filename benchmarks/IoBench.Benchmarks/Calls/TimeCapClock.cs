using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace IoBench.Benchmarks.Calls;

/// <summary>
/// The run's clock against its time cap, and the cases the cap cut: those it kept from starting, and those whose process
/// found the cap passed before one of its batches (<see cref="CallBenchmarks"/>; each batch is bounded by the batch deadline).
/// </summary>
public sealed class TimeCapClock(TimeSpan cap, TimeSpan alreadyElapsed, Func<BenchmarkCase, TimeSpan> estimate)
{
    /// <summary>The moment the cap passes (Unix ms), which the host exports for its benchmark processes.</summary>
    public const string DeadlineVariable = "IOBENCH_TIME_CAP_DEADLINE";

    /// <summary>What a benchmark process's failure line says when the cap passed during its case.</summary>
    public const string PassedDuringCase = "the run's time cap passed during this case";

    private readonly long _started = Stopwatch.GetTimestamp() - (long)(alreadyElapsed.TotalSeconds * Stopwatch.Frequency);
    private readonly ConcurrentDictionary<BenchmarkCase, string> _notStarted = new();

    /// <summary>The clock of this host's call run, if it is one (the exporters and the exit code ask it).</summary>
    public static TimeCapClock? Current { get; set; }

    /// <summary>The time left for the report after the last case: rendering and writing it.</summary>
    public static readonly TimeSpan ReportTime = TimeSpan.FromSeconds(3);

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>Null when the case may start; else why it may not (and it is remembered as not run).</summary>
    public string? WhyNotStart(BenchmarkCase benchmarkCase)
    {
        var ends = Elapsed + estimate(benchmarkCase) + ReportTime;
        if (ends <= cap)
        {
            return null;
        }

        var reason = $"the run's time cap: started at {Elapsed.TotalSeconds:0} s, it would end after --time-cap-s {cap.TotalSeconds:0} (estimated {ends.TotalSeconds:0} s)";
        _notStarted[benchmarkCase] = reason;
        return reason;
    }

    /// <summary>Why the cap kept this case from starting, or null when it started.</summary>
    public string? NotStarted(BenchmarkCase benchmarkCase) => _notStarted.GetValueOrDefault(benchmarkCase);

    /// <summary>Why the cap cut this case (kept it from starting, or stopped it between batches), or null when it did not.</summary>
    public string? Cut(BenchmarkReport? report) =>
        report is null ? null
        : NotStarted(report.BenchmarkCase)
            ?? (report.ExecuteResults.Any(r => (r.StandardOutput ?? []).Any(l => l.Contains(PassedDuringCase, StringComparison.Ordinal)))
                ? $"{PassedDuringCase} (--time-cap-s {cap.TotalSeconds:0}): its other batches were not run"
                : null);

    /// <summary>Exports the moment the cap passes to the benchmark processes this host starts.</summary>
    public void ExportDeadline() =>
        Environment.SetEnvironmentVariable(DeadlineVariable, (DateTimeOffset.UtcNow + cap - Elapsed).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>True in a benchmark process once the deadline its host exported has passed.</summary>
    public static bool DeadlinePassed =>
        long.TryParse(Environment.GetEnvironmentVariable(DeadlineVariable), out var deadline) && DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() > deadline;
}
