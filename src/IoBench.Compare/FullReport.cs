using System.IO.Compression;
using System.Text.Json;

namespace IoBench.Compare;

/// <summary>
/// One BenchmarkDotNet full JSON report (JsonExporter.Full: <c>*-report-full.json</c>, <c>*-report-full-compressed.json</c>,
/// or either gzipped), reduced to what a comparison needs: the environment and each case's measured iterations.
/// </summary>
public sealed record FullReport(string Path, RunEnvironment Environment, IReadOnlyList<BenchmarkCase> Cases, IReadOnlyList<CaseKey> Unmeasured)
{
    /// <summary>Reads a report; anything that is not a full report ends in a <see cref="CompareInputException"/>.</summary>
    public static FullReport Read(string path)
    {
        using var document = Parse(path);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("Benchmarks", out var benchmarks)
            || benchmarks.ValueKind != JsonValueKind.Array)
        {
            throw new CompareInputException($"{path} is not a BenchmarkDotNet full report (no \"Benchmarks\" array)");
        }

        var cases = new List<BenchmarkCase>();
        var unmeasured = new List<CaseKey>();
        var index = 0;
        foreach (var benchmark in benchmarks.EnumerateArray())
        {
            index++;
            if (benchmark.ValueKind != JsonValueKind.Object
                || Text(benchmark, "Type") is not { } type
                || Text(benchmark, "Method") is not { } method
                || !benchmark.TryGetProperty("Measurements", out var measurements)
                || measurements.ValueKind != JsonValueKind.Array)
            {
                throw new CompareInputException(
                    $"{path} is not a BenchmarkDotNet full report (benchmark {index} has no Type, Method or Measurements; a brief report?)");
            }

            var parameters = Text(benchmark, "Parameters") ?? "";
            var key = new CaseKey(type, method, parameters, JobId(benchmark, parameters));
            var processes = MeasuredIterations(measurements, path, key);
            if (processes.Count == 0)
            {
                unmeasured.Add(key); // the benchmark failed or was cut short: nothing to compare
            }
            else
            {
                cases.Add(new BenchmarkCase(key, processes, path));
            }
        }

        return new FullReport(path, RunEnvironment.FromReportRoot(root), cases, unmeasured);
    }

    private static JsonDocument Parse(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var gzipped = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
            file.Position = 0;
            using Stream content = gzipped ? new GZipStream(file, CompressionMode.Decompress) : file;
            return JsonDocument.Parse(content);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new CompareInputException($"{path} is not a BenchmarkDotNet full report (not JSON: {e.Message.Split('\n')[0].Trim()})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CompareInputException($"{path} cannot be read ({e.Message})", e);
        }
    }

    /// <summary>
    /// Workload/Actual measurements only (jitting, warm-up, overhead and the "Result" rows are not the measurement), one
    /// list per launch (LaunchIndex: a benchmark process of the job) in launch order; a measurement without a LaunchIndex
    /// belongs to the first.
    /// </summary>
    private static List<IReadOnlyList<double>> MeasuredIterations(JsonElement measurements, string path, CaseKey key)
    {
        var perLaunch = new SortedDictionary<int, List<double>>();
        foreach (var m in measurements.EnumerateArray())
        {
            if (m.ValueKind != JsonValueKind.Object)
            {
                throw new CompareInputException($"{path} is not a BenchmarkDotNet full report (a measurement of {key} is not an object)");
            }

            if (Text(m, "IterationMode") != "Workload" || Text(m, "IterationStage") != "Actual")
            {
                continue;
            }

            if (!m.TryGetProperty("Nanoseconds", out var ns) || ns.ValueKind != JsonValueKind.Number
                || !m.TryGetProperty("Operations", out var ops) || ops.ValueKind != JsonValueKind.Number
                || ops.GetDouble() <= 0)
            {
                throw new CompareInputException($"{path} is not a BenchmarkDotNet full report (a measurement of {key} has no Nanoseconds or Operations)");
            }

            var nanoseconds = ns.GetDouble();
            if (!(nanoseconds > 0) || double.IsInfinity(nanoseconds))
            {
                throw new CompareInputException($"{path} has a measurement of {key} that is not a positive time ({nanoseconds} ns)");
            }

            var launch = m.TryGetProperty("LaunchIndex", out var index) && index.ValueKind == JsonValueKind.Number ? index.GetInt32() : 1;
            if (!perLaunch.TryGetValue(launch, out var perOperation))
            {
                perLaunch[launch] = perOperation = [];
            }

            perOperation.Add(nanoseconds / ops.GetDouble());
        }

        return [.. perLaunch.Values];
    }

    /// <summary>
    /// The job id: a "Job" field when a report has one; otherwise BenchmarkDotNet 0.14's DisplayInfo,
    /// "{Type}.{Method}: {JobId}({characteristics}) [{parameters}]", holds it.
    /// </summary>
    private static string JobId(JsonElement benchmark, string parameters)
    {
        if (Text(benchmark, "Job") is { } job)
        {
            return job;
        }

        var display = Text(benchmark, "DisplayInfo") ?? "";
        if (parameters.Length > 0 && display.LastIndexOf(" [", StringComparison.Ordinal) is var bracket and >= 0)
        {
            display = display[..bracket];
        }

        var colon = display.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return "";
        }

        var jobPart = display[(colon + 2)..];
        var paren = jobPart.IndexOf('(', StringComparison.Ordinal);
        return (paren < 0 ? jobPart : jobPart[..paren]).Trim();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
