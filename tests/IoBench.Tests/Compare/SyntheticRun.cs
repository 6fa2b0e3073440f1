using System.Text.Json;

namespace IoBench.Tests.Compare;

/// <summary>
/// Writes a run as the new benchmark app does (issue 20's contract) into a temporary folder: BenchmarkDotNet's full JSON
/// with one measurement list per process, and a schema 4 iobench-data.json with each case's process medians, pool minimum
/// and per-process warm-ups. A single-runtime run's processes are launches (LaunchIndex 1..k of job Steady or Cold); a
/// comparison run's are replicate jobs (Steady-net8.0, Steady-net8.0-p2 ...), one launch each.
/// </summary>
internal sealed class SyntheticRun : IDisposable
{
    private readonly List<object> benchmarks = [];
    private readonly List<object> cases = [];

    public SyntheticRun(bool comparison)
    {
        Comparison = comparison;
        Folder = Path.Combine(Path.GetTempPath(), $"iobench-synthetic-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
    }

    public bool Comparison { get; }

    public string Folder { get; }

    /// <param name="processes">Each process's batches, in ms.</param>
    /// <param name="warmups">Each steady process's warm-up (pool threads when measuring began, settled); null for none.</param>
    public SyntheticRun Add(string workload, string strategy, int n, string regime, double[][] processes, string side = "", bool dependsOnPool = false, int? minWorkerThreads = null, (int PoolEnd, bool Settled)[]? warmups = null)
    {
        var parameters = $"Strategy={strategy}&N={n}&K=none";
        var firstJob = Comparison ? $"{regime}-{side}" : regime;
        if (Comparison)
        {
            for (var k = 0; k < processes.Length; k++)
            {
                benchmarks.Add(Benchmark(workload, parameters, k == 0 ? firstJob : $"{firstJob}-p{k + 1}", [(1, processes[k])]));
            }
        }
        else
        {
            benchmarks.Add(Benchmark(workload, parameters, firstJob, [.. processes.Select((p, i) => (i + 1, p))]));
        }

        var framework = side.Split('-')[0];
        cases.Add(new Dictionary<string, object?>
        {
            ["Workload"] = workload,
            ["Parameters"] = new Dictionary<string, string>(),
            ["Strategy"] = strategy,
            ["N"] = n,
            ["K"] = 0,
            ["Regime"] = regime,
            ["DependsOnPoolHistory"] = dependsOnPool,
            ["Success"] = true,
            ["IterationsMs"] = processes.SelectMany(p => p).ToArray(),
            ["Job"] = firstJob,
            ["Framework"] = Comparison ? framework : null,
            ["Side"] = Comparison ? side : null,
            ["Runtime"] = Comparison ? framework["net".Length..] + ".0" : "10.0.0",
            ["MinWorkerThreads"] = minWorkerThreads,
            ["ProcessMediansMs"] = processes.Select(Median).ToArray(),
            ["Warmups"] = warmups?.Select(w => new { Bursts = 3, Seconds = 1.0, PoolStart = 2, w.PoolEnd, w.Settled }).ToArray(),
        });
        return this;
    }

    /// <summary>Writes both files and returns the folder.</summary>
    public string Write()
    {
        var options = new JsonSerializerOptions { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
        File.WriteAllText(Path.Combine(Folder, "IoBench.Benchmarks.Joined-report-full.json"), JsonSerializer.Serialize(new
        {
            Title = "synthetic",
            HostEnvironmentInfo = new { BenchmarkDotNetVersion = "0.15.8" },
            Benchmarks = benchmarks,
        }, options));
        File.WriteAllText(Path.Combine(Folder, "iobench-data.json"), JsonSerializer.Serialize(new
        {
            SchemaVersion = 4,
            Environment = new
            {
                BenchmarkDotNet = "0.15.8",
                Os = "synthetic",
                Cpu = "synthetic",
                Cores = 2,
                Runtimes = new[] { ".NET 10.0.0" },
                MinWorkerThreads = 2,
                MinIoThreads = 1,
                Calibration = new Dictionary<string, long>(),
                Settings = new Dictionary<string, string> { ["IOBENCH_LATENCY_MS"] = "20", ["IOBENCH_OPS"] = "1,10,100,1000" },
            },
            Cases = cases,
        }, options));
        return Folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    /// <summary>n batches of a process around its median: the median itself and pairs symmetric about it (the median stays exact).</summary>
    public static double[] Batches(double median, int n = 5) =>
        [.. Enumerable.Range(0, n).Select(i => i == 0 ? median : median * (i % 2 == 1 ? 1 + (0.01 * ((i + 1) / 2)) : 1 - (0.01 * (i / 2))))];

    private static object Benchmark(string workload, string parameters, string job, IEnumerable<(int Launch, double[] Ms)> launches) => new
    {
        Type = $"{workload}Benchmarks",
        Method = "Batch",
        Parameters = parameters,
        Job = job,
        Measurements = launches.SelectMany(l => l.Ms.Select((ms, i) => new
        {
            IterationMode = "Workload",
            IterationStage = "Actual",
            LaunchIndex = l.Launch,
            IterationIndex = i + 1,
            Operations = 1,
            Nanoseconds = ms * 1e6,
        })).ToList(),
    };

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
