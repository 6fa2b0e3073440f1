using System.Globalization;
using System.Text.Json;
using IoBench.Core.Settings;

namespace IoBench.Compare;

/// <summary>
/// The settings a run was made with, from its iobench-data.json (Environment.Settings, the pool minimums, the process
/// settings, the regimes of its cases). Two runs are compared case by case only when the settings that change what a
/// matched case measures are equal (<see cref="Compared"/>: L, the N list, K, the strategies, the regimes, the pool
/// minimums, Server GC, the processor count, the steady warm-up, quick mode); the others (the matrix switches, the
/// database's address, the process settings as asked) are named when they differ, not refused.
/// </summary>
public sealed class RunSettings
{
    /// <summary>The settings that refuse a comparison when they differ: the data file's key and the name a reader knows.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> Compared =
    [
        ("IOBENCH_LATENCY_MS", "L (ms)"),
        ("IOBENCH_OPS", "N list"),
        ("IOBENCH_LIMIT", "K"),
        ("IOBENCH_STRATEGIES", "strategies"),
        (RegimesKey, "regimes"),
        (MinWorkerThreadsKey, "pool minimum of worker threads"),
        (MinIoThreadsKey, "pool minimum of I/O threads"),
        (ServerGcKey, "Server GC"),
        (ProcessorCountKey, "processor count"),
        ("IOBENCH_STEADY_WARMUP_S", "steady warm-up (s)"),
        ("IOBENCH_QUICK", "quick"),
    ];

    private const string RegimesKey = "regimes";
    private const string MinWorkerThreadsKey = "MinWorkerThreads";
    private const string MinIoThreadsKey = "MinIoThreads";
    private const string ServerGcKey = "ServerGc";
    private const string ProcessorCountKey = "ProcessorCount";

    /// <summary>Written by the run for itself; never a difference between two runs' measurements.</summary>
    private static readonly HashSet<string> Ignored = ["IOBENCH_OVERWRITE_RESULTS"];

    private RunSettings(string dataFile, IReadOnlyDictionary<string, string> values)
    {
        DataFile = dataFile;
        Values = values;
    }

    public string DataFile { get; }

    /// <summary>Every setting by its key, with the regimes and pool minimums beside the environment variables.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The settings of the run at <paramref name="path"/> (a folder, or a report file beside its data file); null without a data file.</summary>
    public static RunSettings? Load(string path)
    {
        var file = CaseLatencies.DataFileOf(path);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("Environment", out var environment) && environment.ValueKind == JsonValueKind.Object)
            {
                if (environment.TryGetProperty("Settings", out var settings) && settings.ValueKind == JsonValueKind.Object)
                {
                    foreach (var setting in settings.EnumerateObject().Where(s => s.Value.ValueKind == JsonValueKind.String))
                    {
                        values[setting.Name] = setting.Value.GetString()!;
                    }
                }

                foreach (var key in new[] { MinWorkerThreadsKey, MinIoThreadsKey })
                {
                    if (environment.TryGetProperty(key, out var minimum) && minimum.ValueKind == JsonValueKind.Number)
                    {
                        values[key] = minimum.GetRawText();
                    }
                }

                AddProcessSettings(environment, values);
            }

            values[RegimesKey] = string.Join(",", root.GetProperty("Cases").EnumerateArray()
                .Select(c => c.GetProperty("Regime").GetString()).OfType<string>().Distinct().Order(StringComparer.Ordinal));
            return new RunSettings(file, values);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new CompareInputException($"{file}: not an IoBench data file ({e.Message})", e);
        }
    }

    /// <summary>
    /// Server GC and the processor count as the benchmark processes read them (Environment.ProcessSettings; where their
    /// processes differed, each value with its sides), else as asked; and the pool minimum where the file has none. A run
    /// from before they were recorded ran as their defaults: workstation GC (BenchmarkDotNet's), the machine's processor
    /// count (Environment.Cores) and the runtime's minimum of one worker thread per processor.
    /// </summary>
    private static void AddProcessSettings(JsonElement environment, Dictionary<string, string> values)
    {
        var seen = environment.TryGetProperty("ProcessSettings", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : [];
        values[ServerGcKey] = seen.Count > 0
            ? Seen(seen, s => s.GetProperty("ServerGc").GetBoolean() ? "on" : "off")
            : values.GetValueOrDefault(SuiteSettings.ServerGcVariable) == "1" ? "on" : "off";
        if (seen.Count > 0)
        {
            values[ProcessorCountKey] = Seen(seen, s => s.GetProperty("ProcessorCount").GetRawText());
        }
        else if (Number(values.GetValueOrDefault(SuiteSettings.ProcessorCountVariable)) is { } asked)
        {
            values[ProcessorCountKey] = asked;
        }
        else if (environment.TryGetProperty("Cores", out var cores) && cores.ValueKind == JsonValueKind.Number)
        {
            values[ProcessorCountKey] = cores.GetRawText();
        }

        if (!values.ContainsKey(MinWorkerThreadsKey))
        {
            var minimum = seen.Count > 0 ? Seen(seen, s => s.GetProperty("MinWorkerThreads").GetRawText())
                : Number(values.GetValueOrDefault(SuiteSettings.MinWorkerThreadsVariable)) ?? values.GetValueOrDefault(ProcessorCountKey);
            if (minimum is not null)
            {
                values[MinWorkerThreadsKey] = minimum;
            }
        }
    }

    /// <summary>One value when every process saw it, else each value with the sides (or the count of processes) that saw it.</summary>
    private static string Seen(List<JsonElement> seen, Func<JsonElement, string> value)
    {
        var groups = seen.GroupBy(value).ToList();
        return groups.Count == 1
            ? groups[0].Key
            : string.Join(", ", groups.Select(g => $"{g.Key} ({string.Join(", ", g.SelectMany(Sides).Distinct().DefaultIfEmpty($"{g.Sum(s => s.GetProperty("Processes").GetInt32())} processes"))})"));
    }

    private static IEnumerable<string> Sides(JsonElement entry) =>
        entry.TryGetProperty("Sides", out var sides) && sides.ValueKind == JsonValueKind.Array
            ? sides.EnumerateArray().Select(s => s.GetString()).OfType<string>()
            : [];

    private static string? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>Every setting that differs: the compared ones (refusing) first, then the others present in both files.</summary>
    public static IReadOnlyList<SettingDifference> Differences(RunSettings a, RunSettings b)
    {
        var differences = new List<SettingDifference>();
        foreach (var (key, name) in Compared)
        {
            var (va, vb) = (a.Values.GetValueOrDefault(key, "not recorded"), b.Values.GetValueOrDefault(key, "not recorded"));
            if (va != vb)
            {
                differences.Add(new SettingDifference(name, va, vb, Refuses: true));
            }
        }

        // A key only one file has is a newer schema's addition, not a difference in how the runs were made.
        differences.AddRange(a.Values.Keys.Intersect(b.Values.Keys)
            .Where(k => !Compared.Any(c => c.Key == k) && !Ignored.Contains(k) && a.Values[k] != b.Values[k])
            .Order(StringComparer.Ordinal)
            .Select(k => new SettingDifference(k, a.Values[k], b.Values[k], Refuses: false)));
        return differences;
    }
}
