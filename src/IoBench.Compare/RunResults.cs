namespace IoBench.Compare;

/// <summary>
/// A saved run: a result folder (every full JSON report inside it, merged, since a run may write one per benchmark
/// class) or a single report file.
/// </summary>
public sealed class RunResults
{
    private RunResults(string source, IReadOnlyList<FullReport> reports, IReadOnlyDictionary<CaseKey, BenchmarkCase> cases)
    {
        Source = source;
        Reports = reports;
        Cases = cases;
    }

    /// <summary>The folder or file as it was given.</summary>
    public string Source { get; }

    public IReadOnlyList<FullReport> Reports { get; }

    /// <summary>The environment of the first report (the files of one run share it).</summary>
    public RunEnvironment Environment => Reports[0].Environment;

    public IReadOnlyDictionary<CaseKey, BenchmarkCase> Cases { get; }

    /// <summary>Each case's L in nanoseconds (canonical keys, <see cref="CaseLatencies"/>); empty without a data file.</summary>
    public IReadOnlyDictionary<CaseKey, double> Latencies { get; private init; } = new Dictionary<CaseKey, double>();

    /// <summary>The case's L in nanoseconds, if the run's data file states it.</summary>
    public double? LatencyOf(CaseKey key) => Latencies.TryGetValue(CaseLatencies.Canonical(key), out var l) ? l : null;

    /// <summary>Cases the reports list without a measured iteration (failed benchmarks).</summary>
    public IEnumerable<CaseKey> Unmeasured => Reports.SelectMany(r => r.Unmeasured);

    public static RunResults Load(string path)
    {
        var files = ReportFiles(path);
        var reports = files.Select(FullReport.Read).ToArray();
        var cases = new Dictionary<CaseKey, BenchmarkCase>();
        foreach (var benchmarkCase in reports.SelectMany(r => r.Cases))
        {
            if (!cases.TryAdd(benchmarkCase.Key, benchmarkCase))
            {
                throw new CompareInputException(
                    $"{benchmarkCase.Key} appears twice in {path} ({cases[benchmarkCase.Key].SourceFile} and {benchmarkCase.SourceFile}); give one report file instead");
            }
        }

        return new RunResults(path, reports, cases) { Latencies = CaseLatencies.Load(path) };
    }

    /// <summary>
    /// A file is taken as it is; a folder is searched (with its subfolders, so BenchmarkDotNet.Artifacts works too)
    /// for the names JsonExporter.Full writes and the published results use: *report-full*.json and *.json.gz.
    /// </summary>
    private static IReadOnlyList<string> ReportFiles(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new CompareInputException($"{path}: no such file or folder");
        }

        var files = Directory.EnumerateFiles(path, "*report-full*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return files.Length > 0
            ? files
            : throw new CompareInputException($"{path} holds no BenchmarkDotNet full JSON report (*report-full*.json or *.json.gz)");
    }
}
