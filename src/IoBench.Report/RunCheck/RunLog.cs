using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace IoBench.Report.RunCheck;

/// <summary>
/// Reads a BenchmarkDotNet console log (a run's run.log, plain or .gz) into its benchmark processes: per
/// <c>// Benchmark: ...</c> section, one process per launch, with its unmeasured and measured workload batches.
/// BenchmarkDotNet prints every launch's lines one after the other; a launch starts at <c>// Launch: k / n</c>, and,
/// for a log without those lines, at a stage's first line (<c>OverheadJitting 1</c>, <c>WorkloadJitting 1</c>,
/// <c>WorkloadWarmup 1</c>, <c>WorkloadActual 1</c>, ...) once the current process has already reached that stage.
/// </summary>
internal static partial class RunLog
{
    /// <summary>The stages in the order one process runs them; a stage's line 1 at or before the last one seen is a new process.</summary>
    private static readonly string[] Stages =
        ["OverheadJitting", "WorkloadJitting", "WorkloadPilot", "OverheadWarmup", "WorkloadWarmup", "OverheadActual", "WorkloadActual"];

    /// <summary>Reads a log file; a name ending in .gz is gunzipped.</summary>
    public static IReadOnlyList<LoggedProcess> Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    public static IReadOnlyList<LoggedProcess> Parse(TextReader reader)
    {
        var processes = new List<LoggedProcess>();
        string? caseName = null;
        LoggedProcess? current = null;
        var counted = 0;

        void Start(string launch)
        {
            current = new LoggedProcess(caseName!, launch);
            processes.Add(current);
        }

        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.StartsWith("// Benchmark: ", StringComparison.Ordinal))
            {
                caseName = ShortCase(line["// Benchmark: ".Length..].Trim());
                current = null;
                counted = 0;
                continue;
            }

            if (caseName is null)
            {
                continue;
            }

            if (LaunchLine().Match(line) is { Success: true } launch)
            {
                counted++;
                Start($"launch {launch.Groups[1].Value}/{launch.Groups[2].Value}");
                continue;
            }

            if (BatchLine().Match(line) is not { Success: true } batch)
            {
                continue;
            }

            var stage = Array.IndexOf(Stages, batch.Groups[1].Value);
            var index = int.Parse(batch.Groups[2].Value, CultureInfo.InvariantCulture);
            if (current is null || (index == 1 && stage <= current.LastStage))
            {
                counted++;
                Start($"process {counted}");
            }

            current!.LastStage = Math.Max(current.LastStage, stage);
            var logged = new LoggedBatch(
                long.Parse(batch.Groups[3].Value, CultureInfo.InvariantCulture),
                double.Parse(batch.Groups[4].Value, CultureInfo.InvariantCulture));
            switch (batch.Groups[1].Value)
            {
                case "WorkloadActual":
                    current.Measured.Add(logged);
                    break;
                case "WorkloadJitting" or "WorkloadWarmup":
                    current.Unmeasured.Add(logged);
                    break;
            }
        }

        return processes.Where(p => p.HasBatches).ToList();
    }

    /// <summary>
    /// "CpuBenchmarks.Batch: Steady(OutlierMode=..., ...) [Strategy=Sequential, N=1]" becomes
    /// "CpuBenchmarks.Batch: Steady [Strategy=Sequential, N=1]": the job's name stays, its characteristics (a line's
    /// worth, the same for every case of the job) go.
    /// </summary>
    internal static string ShortCase(string benchmark) =>
        CaseLine().Match(benchmark) is { Success: true } m ? $"{m.Groups[1].Value} {m.Groups[2].Value}" : benchmark;

    [GeneratedRegex(@"^// Launch: (\d+) / (\d+)")]
    private static partial Regex LaunchLine();

    [GeneratedRegex(@"^(OverheadJitting|WorkloadJitting|WorkloadPilot|OverheadWarmup|WorkloadWarmup|OverheadActual|WorkloadActual)\s+(\d+): (\d+) op, ([\d.]+) ns")]
    private static partial Regex BatchLine();

    [GeneratedRegex(@"^(.*?: [^(\s]+)\(.*\) (\[.*\])$")]
    private static partial Regex CaseLine();
}
