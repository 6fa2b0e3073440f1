using System.Reflection;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.CsProj;
using BenchmarkDotNet.Toolchains.DotNetCli;
using IoBench.Benchmarks.Host;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Runtimes;

/// <summary>
/// BenchmarkDotNet's <c>--runtimes net8.0 net9.0 net10.0</c>, typed as BenchmarkDotNet users type it, expanded over the
/// suite's two regimes. BenchmarkDotNet's own option expands one base job per runtime; a case here has two jobs (steady and
/// cold, <see cref="SuiteConfig.Regimes"/>), so the suite takes the option out of its arguments and makes each regime's
/// job once per runtime itself, as BenchmarkDotNet would: the runtime named to BenchmarkDotNet (its Runtime column, summary
/// and exporters show .NET 8.0.x, 9.0.x, 10.0.x) and a toolchain that builds the generated project for that framework with
/// a dotnet whose root has the runtime (the private root scripts/runtimes.sh makes, which BenchmarkDotNet cannot find on
/// its own). The first framework's jobs are the baselines: BenchmarkDotNet's Ratio columns compare the others with them.
/// </summary>
/// <param name="Frameworks">The target frameworks, the baseline first.</param>
/// <param name="Dotnet">The dotnet muxer that builds and runs every job: its root has each framework's runtime.</param>
public sealed record RuntimeChoice(IReadOnlyList<string> Frameworks, string Dotnet)
{
    /// <summary>The frameworks the benchmark app is built for (IoBenchTargetFrameworks in Directory.Build.props).</summary>
    public static IReadOnlyList<string> Supported { get; } =
        (typeof(RuntimeChoice).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "IoBenchTargetFrameworks")?.Value ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Builds the app, the core and the server for every compared framework, apart from the host's net10.0 build
    /// (Directory.Build.props): BenchmarkDotNet's generated project references the app at the job's framework, and the
    /// app targets net10.0 alone unless asked, so that `dotnet run` and the tests build a third as much.
    /// </summary>
    public static MsBuildArgument AllFrameworks { get; } = new("/p:IoBenchAllFrameworks=true");

    /// <summary>Names a dotnet root to use instead of looking for one (it must hold every chosen runtime).</summary>
    public const string RootVariable = "IOBENCH_DOTNET_ROOT";

    /// <summary>
    /// Takes <c>--runtimes</c> (or <c>-r</c>) and its values out of <paramref name="args"/>; null when absent.
    /// A framework the app is not built for, a repeated one or none at all is a <see cref="SettingsException"/>.
    /// </summary>
    public static IReadOnlyList<string>? Take(IReadOnlyList<string> args, out IReadOnlyList<string> rest)
    {
        var remaining = new List<string>();
        List<string>? frameworks = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is not ("--runtimes" or "-r"))
            {
                remaining.Add(args[i]);
                continue;
            }

            frameworks ??= [];
            while (i + 1 < args.Count && !args[i + 1].StartsWith('-'))
            {
                frameworks.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        rest = remaining;
        if (frameworks is null)
        {
            return null;
        }

        if (frameworks.Count == 0)
        {
            throw new SettingsException($"--runtimes needs one or more target frameworks, the baseline first: {string.Join(' ', Supported)}");
        }

        if (frameworks.FirstOrDefault(f => !Supported.Contains(f, StringComparer.OrdinalIgnoreCase) || RuntimeOf(f) is null) is { } unknown)
        {
            throw new SettingsException($"--runtimes: '{unknown}' is not a framework the app is built for ({string.Join(", ", Supported)})");
        }

        if (frameworks.GroupBy(f => f, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new SettingsException($"--runtimes: {repeated.Key} is named twice");
        }

        return [.. frameworks.Select(f => f.ToLowerInvariant())];
    }

    /// <summary>
    /// Finds one dotnet whose root has a runtime of every framework: IOBENCH_DOTNET_ROOT if set, else the installation
    /// this process runs on (an official install), else the private root scripts/runtimes.sh makes (.runtimes/dotnet
    /// above the app). Fails with one line naming what is missing and how to get it.
    /// </summary>
    public static RuntimeChoice Resolve(IReadOnlyList<string> frameworks)
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } explicitRoot)
        {
            roots.Add(Path.GetFullPath(explicitRoot));
        }
        else
        {
            // The running runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/.
            roots.Add(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..")));
            if (PrivateRoot() is { } privateRoot)
            {
                roots.Add(privateRoot);
            }
        }

        foreach (var root in roots)
        {
            if (frameworks.All(f => HasRuntime(root, f)) && File.Exists(Path.Combine(root, "dotnet")))
            {
                return new RuntimeChoice(frameworks, Path.Combine(root, "dotnet"));
            }
        }

        var missing = frameworks.Where(f => !roots.Any(root => HasRuntime(root, f))).ToList();
        var where = string.Join(" or ", roots);
        throw new SettingsException(missing.Count > 0
            ? $"--runtimes: no {string.Join(", ", missing)} runtime in {where}; run scripts/runtimes.sh (or install it officially)"
            : $"--runtimes: no single dotnet root has {string.Join(", ", frameworks)} (looked in {where}); run scripts/runtimes.sh");
    }

    /// <summary>
    /// The sides of the comparison, in order: the baseline framework, its two controls (the negative control: the baseline
    /// runtime again as its own jobs; the positive control: the baseline runtime with L × 1.1 on the timed families), then
    /// the other frameworks. A comparison of one runtime has no controls.
    /// </summary>
    public IReadOnlyList<(string Side, string Framework)> Sides =>
        Frameworks.Count < 2
            ? [.. Frameworks.Select(f => (f, f))]
            : [(Frameworks[0], Frameworks[0]), (Frameworks[0] + JobTags.ControlSuffix, Frameworks[0]), (Frameworks[0] + JobTags.SlowedSuffix, Frameworks[0]), .. Frameworks.Skip(1).Select(f => (f, f))];

    /// <summary>
    /// For each side and each regime job, one job per process the regime asks for (its LaunchCount), each of one launch:
    /// BenchmarkDotNet runs a job's launches back to back, so a case's processes on one runtime would all run before those
    /// of the next, and machine drift would fall on one side; as jobs of their own, <see cref="RuntimeOrderer"/> runs them
    /// interleaved, A1 B1 C1 A2 B2 C2. Named Regime-side, Regime-side-p2 ... (Steady-net8.0, Steady-net8.0-control-p3), with
    /// the framework's runtime and toolchain as BenchmarkDotNet's own option makes them; the first framework's jobs are the
    /// baselines. The positive control's processes get L × 1.1 (<paramref name="latencyMs"/> rounded).
    /// </summary>
    public IReadOnlyList<Job> Jobs(IEnumerable<Job> regimeJobs, int latencyMs) =>
        [.. Sides.SelectMany(side => regimeJobs.SelectMany(regime => Enumerable.Range(1, regime.Run.LaunchCount).Select(replica =>
        {
            var runtime = RuntimeOf(side.Framework)!;
            var job = regime
                .WithLaunchCount(1)
                .WithRuntime(runtime)
                .WithToolchain(CsProjCoreToolchain.From(new NetCoreAppSettings(side.Framework, null, runtime.Name, Dotnet)))
                .WithArguments([AllFrameworks])
                .WithEnvironmentVariable(JobTags.SideVariable, side.Side)
                .WithEnvironmentVariable(JobTags.ReplicaVariable, replica.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithId($"{regime.Id}-{side.Side}{(replica > 1 ? $"-p{replica}" : string.Empty)}");
            if (side.Side.EndsWith(JobTags.SlowedSuffix, StringComparison.Ordinal))
            {
                job = job.WithEnvironmentVariable(SuiteSettings.LatencyVariable, SlowedLatencyMs(latencyMs).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return side.Side == Frameworks[0] ? job.AsBaseline() : job;
        })))];

    /// <summary>The positive control's L: 10% above the comparison's (10 ms: 11 ms), a change the comparison must find.</summary>
    public static int SlowedLatencyMs(int latencyMs) => (int)Math.Round(latencyMs * 1.1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The .NET runtime BenchmarkDotNet knows by this target framework (net8.0: CoreRuntime.Core80, net10.0: Core10_0),
    /// from its own list of them; null when it knows none.
    /// </summary>
    public static CoreRuntime? RuntimeOf(string framework) =>
        typeof(CoreRuntime).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetValue(null)).OfType<CoreRuntime>()
            .FirstOrDefault(r => string.Equals(r.MsBuildMoniker, framework, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the root has a Microsoft.NETCore.App of the framework's version (net8.0: any 8.0.x).</summary>
    public static bool HasRuntime(string root, string framework)
    {
        var shared = Path.Combine(root, "shared", "Microsoft.NETCore.App");
        return Directory.Exists(shared) && Directory.EnumerateDirectories(shared, $"{framework["net".Length..]}.*").Any();
    }

    private static string? PrivateRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var root = Path.Combine(directory.FullName, ".runtimes", "dotnet");
            if (File.Exists(Path.Combine(root, "dotnet")))
            {
                return root;
            }
        }

        return null;
    }
}
