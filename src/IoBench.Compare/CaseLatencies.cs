using System.Text.Json;

namespace IoBench.Compare;

/// <summary>
/// Each case's L from the iobench-data.json beside a run's reports (the median operation the case's bounds use): the
/// unit in which a run's claims are made. A device-decided operation (an fsync, a commit) can take twice as long in one
/// run as in the next on the same machine; its cells then differ by that factor while their Mean/L agree.
/// </summary>
public static class CaseLatencies
{
    public const string DataFile = "iobench-data.json";

    /// <summary>L in nanoseconds per case key, or an empty map when the run has no data file.</summary>
    public static IReadOnlyDictionary<CaseKey, double> Load(string path)
    {
        var latencies = new Dictionary<CaseKey, double>();
        ForEachCase(path, item =>
        {
            if (item.TryGetProperty("Latency", out var latency) && latency.ValueKind == JsonValueKind.Object &&
                latency.GetProperty("MedianMs").GetDouble() is var median and > 0)
            {
                latencies[Key(item)] = median * 1e6;
            }
        });
        return latencies;
    }

    /// <summary>
    /// The benchmark types (FileWriteBenchmarks ...) whose L the data file marks as sampled around every measured batch
    /// (a family's LatencySampledPerBatch): a device or a calibration decides their L, not a timer, so it moves with the
    /// process and the run. Comparisons decide these cases in units of each side's own L. Empty without a data file.
    /// </summary>
    public static IReadOnlySet<string> PairedLatencyTypes(string path)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        ForEach(path, "Families", required: false, family =>
        {
            if (family.TryGetProperty("LatencySampledPerBatch", out var paired) && paired.ValueKind == JsonValueKind.True)
            {
                types.Add($"{family.GetProperty("Workload").GetString()}Benchmarks");
            }
        });
        return types;
    }

    /// <summary>
    /// The per-process figures of a schema 4 data file: each case's regime, N, pool dependence, pool minimum and each steady
    /// process's warm-up. Null without a data file, or for one made before the process medians were recorded (its cells
    /// are compared iteration against iteration, as they always were).
    /// </summary>
    public static ProcessData? ProcessData(string path)
    {
        var cases = new Dictionary<CaseKey, CaseProcesses>();
        var perProcess = false;
        ForEachCase(path, item =>
        {
            perProcess |= item.TryGetProperty("ProcessMediansMs", out var medians) && medians.ValueKind == JsonValueKind.Array;
            var warmups = item.TryGetProperty("Warmups", out var w) && w.ValueKind == JsonValueKind.Array
                ? w.EnumerateArray().Select(x => (PoolEnd: x.GetProperty("PoolEnd").GetInt32(), Settled: x.GetProperty("Settled").GetBoolean())).ToList()
                : [];
            cases[Key(item)] = new CaseProcesses(
                item.GetProperty("Regime").GetString() ?? "",
                item.GetProperty("N").GetInt32(),
                item.TryGetProperty("DependsOnPoolHistory", out var d) && d.ValueKind == JsonValueKind.True,
                item.TryGetProperty("MinWorkerThreads", out var min) && min.ValueKind == JsonValueKind.Number ? min.GetInt32() : null,
                warmups);
        });
        return perProcess ? new ProcessData(cases) : null;
    }

    /// <summary>The key with its parameters in a canonical order, so a data file's case meets its report's case.</summary>
    public static CaseKey Canonical(CaseKey key) =>
        key with { Parameters = string.Join('&', key.Parameters.Split('&', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)), Method = "" };

    private static CaseKey Key(JsonElement item)
    {
        var parameters = new List<string>
        {
            $"Strategy={item.GetProperty("Strategy").GetString()}",
            $"N={item.GetProperty("N").GetInt32()}",
            $"K={(item.GetProperty("K").GetInt32() is var k and > 0 ? k.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}",
        };
        parameters.AddRange(item.GetProperty("Parameters").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"));
        // The job names the case as its report does (Steady-net8.0 in a comparison run); files before the job was written have the regime.
        var job = item.TryGetProperty("Job", out var j) && j.ValueKind == JsonValueKind.String ? j.GetString() : item.GetProperty("Regime").GetString();
        return Canonical(new CaseKey($"{item.GetProperty("Workload").GetString()}Benchmarks", "", string.Join('&', parameters), job ?? ""));
    }

    /// <summary>
    /// The runtime each target framework's cases ran on, as their benchmark processes read it (net8.0 -> 8.0.33); a run
    /// of one runtime, whose cases name no framework, maps "" to it. Empty without a data file or runtimes in it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Runtimes(string path)
    {
        var runtimes = new Dictionary<string, string>(StringComparer.Ordinal);
        ForEachCase(path, item =>
        {
            if (item.TryGetProperty("Runtime", out var runtime) && runtime.ValueKind == JsonValueKind.String)
            {
                // A control side (net8.0-control) runs the baseline's runtime under a name of its own.
                var framework = item.TryGetProperty("Side", out var side) && side.ValueKind == JsonValueKind.String ? side.GetString()!
                    : item.TryGetProperty("Framework", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : "";
                runtimes.TryAdd(framework, runtime.GetString()!);
            }
        });
        return runtimes;
    }

    /// <summary>Each case of the run's data file, if it has one; anything that is not one ends in a <see cref="CompareInputException"/>.</summary>
    private static void ForEachCase(string path, Action<JsonElement> each) => ForEach(path, "Cases", required: true, each);

    /// <summary>Each item of one array of the run's data file (an optional one may be missing: files before it have none).</summary>
    private static void ForEach(string path, string array, bool required, Action<JsonElement> each)
    {
        var file = DataFileOf(path);
        if (!File.Exists(file))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (!required && !(document.RootElement.TryGetProperty(array, out var items) && items.ValueKind == JsonValueKind.Array))
            {
                return;
            }

            foreach (var item in document.RootElement.GetProperty(array).EnumerateArray())
            {
                each(item);
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new CompareInputException($"{file}: not an IoBench data file ({e.Message})", e);
        }
    }

    /// <summary>The data file of a run: in the folder, or beside the report file given.</summary>
    public static string DataFileOf(string path) =>
        Directory.Exists(path) ? Path.Combine(path, DataFile) : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, DataFile);
}
