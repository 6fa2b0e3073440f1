using System.Text.RegularExpressions;

namespace IoBench.Compare;

/// <summary>
/// A saved run: a result folder (every full JSON report inside it, merged, since a run may write one per benchmark
/// class) or a single report file; or the cases of one runtime of a comparison run (<see cref="ForFramework"/>).
/// </summary>
public sealed partial class RunResults
{
    private RunResults(string source, IReadOnlyList<FullReport> reports, IReadOnlyDictionary<CaseKey, BenchmarkCase> cases)
    {
        Source = source;
        Reports = reports;
        Cases = cases;
    }

    /// <summary>The folder or file as it was given (with @framework for one runtime's cases).</summary>
    public string Source { get; private init; }

    public IReadOnlyList<FullReport> Reports { get; }

    /// <summary>The environment of the first report (the files of one run share it).</summary>
    public RunEnvironment Environment => Reports[0].Environment;

    public IReadOnlyDictionary<CaseKey, BenchmarkCase> Cases { get; }

    /// <summary>Each case's L in nanoseconds (canonical keys, <see cref="CaseLatencies"/>); empty without a data file.</summary>
    public IReadOnlyDictionary<CaseKey, double> Latencies { get; private init; } = new Dictionary<CaseKey, double>();

    /// <summary>The benchmark types whose L is sampled around every batch (<see cref="CaseLatencies.PairedLatencyTypes"/>): decided in units of L.</summary>
    public IReadOnlySet<string> PairedLatencyTypes { get; private init; } = new HashSet<string>();

    /// <summary>The runtime each framework's cases ran on, read inside their processes (net8.0 -> 8.0.33; "" in a one-runtime run).</summary>
    public IReadOnlyDictionary<string, string> Runtimes { get; private init; } = new Dictionary<string, string>();

    /// <summary>The settings the run was made with, from its data file; null when the run has none.</summary>
    public RunSettings? Settings { get; private init; }

    /// <summary>The framework of a one-runtime view (<see cref="ForFramework"/>), else null.</summary>
    public string? Framework { get; private init; }

    /// <summary>
    /// The target frameworks of a comparison run's jobs (Steady-net8.0, Cold-net10.0 ...), oldest first; empty in a run of
    /// one runtime, whose jobs carry no framework.
    /// </summary>
    public IReadOnlyList<string> Frameworks =>
        [.. Sides.Where(s => !IsControl(s)).OrderBy(VersionOf)];

    /// <summary>The controls of a comparison run (net8.0-control, net8.0-slowed): the baseline runtime again, not a runtime of their own.</summary>
    public IReadOnlyList<string> Controls => [.. Sides.Where(IsControl).Order(StringComparer.Ordinal)];

    /// <summary>Every side of a comparison run: its frameworks and its controls.</summary>
    private IEnumerable<string> Sides => Cases.Keys.Select(k => FrameworkOf(k.Job)).OfType<string>().Distinct();

    /// <summary>
    /// The per-process figures of the run's data file (schema 4: each case's process medians, the pool state each steady
    /// process began measuring in); null for a run made before them, which is compared as it always was.
    /// </summary>
    public ProcessData? ProcessData { get; private init; }

    /// <summary>True when the run was made with per-process medians (schema 4): its cells are compared process against process.</summary>
    public bool PerProcess => ProcessData is not null;

    /// <summary>The version of the runtime the cases ran on, as their processes read it; null when the data file does not say.</summary>
    public string? RuntimeVersion =>
        Runtimes.TryGetValue(Framework ?? "", out var version) ? version
        : Runtimes.Count == 1 && Framework is null ? Runtimes.Values.Single()
        : null;

    /// <summary>The case's L in nanoseconds, if the run's data file states it.</summary>
    public double? LatencyOf(CaseKey key) => Latencies.TryGetValue(CaseLatencies.Canonical(key), out var l) ? l : null;

    /// <summary>Cases the reports list without a measured iteration (failed benchmarks).</summary>
    public IEnumerable<CaseKey> Unmeasured => Reports.SelectMany(r => r.Unmeasured)
        .Select(k => k with { Job = WithoutReplicate(k.Job) })
        .Where(k => Framework is null || FrameworkOf(k.Job) == Framework)
        .Select(k => Framework is null ? k : k with { Job = RegimeOf(k.Job) })
        .Distinct()
        .Where(k => !Cases.ContainsKey(k)); // a replicate that failed beside others that measured leaves the case measured

    /// <summary>
    /// Loads a folder or a report file; <c>PATH@net8.0</c> loads the cases of that framework's jobs only, with the framework
    /// taken out of their job ids (Steady-net8.0 becomes Steady), so they match a run of one runtime.
    /// </summary>
    public static RunResults Load(string path)
    {
        var at = path.LastIndexOf('@');
        if (at > 0 && !File.Exists(path) && !Directory.Exists(path))
        {
            return Load(path[..at]).ForFramework(path[(at + 1)..]);
        }

        var files = ReportFiles(path);
        var reports = files.Select(FullReport.Read).ToArray();
        var read = new Dictionary<CaseKey, BenchmarkCase>();
        foreach (var benchmarkCase in reports.SelectMany(r => r.Cases))
        {
            if (!read.TryAdd(benchmarkCase.Key, benchmarkCase))
            {
                throw new CompareInputException(
                    $"{benchmarkCase.Key} appears twice in {path} ({read[benchmarkCase.Key].SourceFile} and {benchmarkCase.SourceFile}); give one report file instead");
            }
        }

        // A comparison run's replicate jobs (Steady-net8.0, Steady-net8.0-p2, -p3 ...) are one case measured in k processes.
        var cases = read.Values
            .GroupBy(c => c.Key with { Job = WithoutReplicate(c.Key.Job) })
            .ToDictionary(g => g.Key, g =>
            {
                var replicates = g.OrderBy(c => ReplicateOf(c.Key.Job)).ToList();
                var first = new BenchmarkCase(g.Key, replicates[0].Processes, replicates[0].SourceFile);
                return replicates.Count == 1 ? first : first.With(replicates.Skip(1).SelectMany(c => c.Processes));
            });
        return new RunResults(path, reports, cases)
        {
            Latencies = CaseLatencies.Load(path),
            PairedLatencyTypes = CaseLatencies.PairedLatencyTypes(path),
            Runtimes = CaseLatencies.Runtimes(path),
            Settings = RunSettings.Load(path),
            ProcessData = CaseLatencies.ProcessData(path),
        };
    }

    /// <summary>The cases of one framework's jobs, keyed without the framework (Steady-net8.0 -> Steady).</summary>
    public RunResults ForFramework(string framework)
    {
        List<string> frameworks = [.. Frameworks, .. Controls];
        if (!frameworks.Contains(framework, StringComparer.Ordinal))
        {
            throw new CompareInputException(frameworks.Count == 0
                ? $"{Source}@{framework}: {Source} is a run of one runtime (its jobs name no framework); give it without @{framework}"
                : $"{Source}@{framework}: no jobs on {framework} in {Source} (it has {string.Join(", ", frameworks)})");
        }

        Dictionary<CaseKey, BenchmarkCase> cases = [];
        foreach (var (key, benchmarkCase) in Cases.Where(c => FrameworkOf(c.Key.Job) == framework))
        {
            var regimeKey = key with { Job = RegimeOf(key.Job) };
            cases[regimeKey] = new BenchmarkCase(regimeKey, benchmarkCase.Processes, benchmarkCase.SourceFile);
        }

        return new RunResults($"{Source}@{framework}", Reports, cases)
        {
            Framework = framework,
            Runtimes = Runtimes,
            Settings = Settings,
            PairedLatencyTypes = PairedLatencyTypes,
            Latencies = Latencies.Where(l => FrameworkOf(l.Key.Job) == framework).ToDictionary(l => l.Key with { Job = RegimeOf(l.Key.Job) }, l => l.Value),
            ProcessData = ProcessData?.ForSide(framework),
        };
    }

    /// <summary>
    /// The run as one side of a two-run comparison: a run of one runtime as it is, a comparison run's single framework as
    /// <see cref="ForFramework"/> (so Steady-net8.0 meets Steady); a run of several runtimes must name one.
    /// </summary>
    public RunResults AsOneRuntime() => Framework is not null ? this : Frameworks switch
    {
        [] => this,
        [var only] => ForFramework(only),
        var several => throw new CompareInputException(
            $"{Source} holds jobs on {string.Join(", ", several)}: name one runtime ({Source}@{several[0]}), or give the folder alone to compare its runtimes"),
    };

    /// <summary>net8.0 for a job id such as Steady-net8.0; null for a job of a one-runtime run.</summary>
    public static string? FrameworkOf(string job) => FrameworkSuffix().Match(job) is { Success: true } m ? m.Groups["framework"].Value : null;

    /// <summary>The regime part of a job id: Steady for Steady-net8.0; the id itself otherwise.</summary>
    public static string RegimeOf(string job) => FrameworkSuffix().Match(job) is { Success: true } m ? m.Groups["regime"].Value : job;

    /// <summary>8.0 of net8.0, for ordering frameworks oldest first.</summary>
    public static Version VersionOf(string framework) =>
        Version.TryParse(framework.AsSpan("net".Length), out var version) ? version : new Version(0, 0);

    /// <summary>A control side of the baseline framework: net8.0-control (negative), net8.0-slowed (positive).</summary>
    public static bool IsControl(string side) => side.EndsWith(NegativeControlSuffix, StringComparison.Ordinal) || side.EndsWith(PositiveControlSuffix, StringComparison.Ordinal);

    public const string NegativeControlSuffix = "-control";

    public const string PositiveControlSuffix = "-slowed";

    /// <summary>Steady-net8.0 for Steady-net8.0-p2 (replicate 2); the id itself for replicate 1 or a job without replicates.</summary>
    public static string WithoutReplicate(string job) => ReplicateSuffix().Match(job) is { Success: true } m ? m.Groups["job"].Value : job;

    /// <summary>2 for Steady-net8.0-p2; 1 for a job without the suffix.</summary>
    public static int ReplicateOf(string job) => ReplicateSuffix().Match(job) is { Success: true } m ? int.Parse(m.Groups["k"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;

    [GeneratedRegex(@"^(?<regime>.+)-(?<framework>net[0-9]+\.[0-9]+(?:-control|-slowed)?)$")]
    private static partial Regex FrameworkSuffix();

    [GeneratedRegex(@"^(?<job>.+-net[0-9]+\.[0-9]+(?:-control|-slowed)?)-p(?<k>[0-9]+)$")]
    private static partial Regex ReplicateSuffix();

    /// <summary>
    /// A file is taken as it is; a folder is searched (with its subfolders, so BenchmarkDotNet.Artifacts works too)
    /// for the names JsonExporter.Full writes and the published results use: *report-full*.json and *.json.gz. A subfolder
    /// with a data file of its own is another run kept beside this one (a published runtime comparison's wide-first-run/)
    /// and is left out.
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
            .Where(f => !InAnotherRun(path, f))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return files.Length > 0
            ? files
            : throw new CompareInputException($"{path} holds no BenchmarkDotNet full JSON report (*report-full*.json or *.json.gz)");
    }

    /// <summary>The file lies in a subfolder of <paramref name="root"/> (or below one) that holds its own data file.</summary>
    private static bool InAnotherRun(string root, string file)
    {
        var top = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(file)); folder is not null && folder.Length > top.Length; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, CaseLatencies.DataFile)))
            {
                return true;
            }
        }

        return false;
    }
}
