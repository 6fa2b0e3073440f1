using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;

namespace IoBench.Tests.Package;

/// <summary>
/// The core as a user gets it: packed into a folder feed, restored by a copy of benchmarks/IoBench.Sample outside the
/// repository (its own nuget.config and build settings, none of the repository's), and run by BenchmarkDotNet for one
/// strategy at one N with a Dry job. The package's version is unique to the run and the copy restores into a packages
/// folder of its own, so no package extracted earlier can stand in for the one just packed; the machine's packages folder
/// serves the rest (BenchmarkDotNet, Npgsql, ...) read-only, as a fallback folder. 25-115 s here (load average 15-25),
/// mostly the builds: the sample's and BenchmarkDotNet's of its generated project.
/// </summary>
public sealed partial class SamplePackageTests : IDisposable
{
    private const int N = 10;
    private const StrategyKind Kind = StrategyKind.Task;
    private static readonly TimeSpan NominalL = TimeSpan.FromMilliseconds(20);

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("iobench-package-");

    [Fact]
    public async Task Sample_FromThePackedCore_PrintsTheMeanWithNxLAndMaxLOfTheLItMeasured()
    {
        var sample = Repository.PathOf("benchmarks", "IoBench.Sample");
        var project = await File.ReadAllTextAsync(Path.Combine(sample, "IoBench.Sample.csproj"));
        var version = VersionElement().Match(await File.ReadAllTextAsync(Repository.PathOf("src", "IoBench.Core", "IoBench.Core.csproj"))).Groups[1].Value;
        var reference = $"<PackageReference Include=\"IoBench.Core\" Version=\"{version}\" />";
        Assert.True(project.Contains(reference, StringComparison.Ordinal), $"the sample must ask for the version the core packs: {reference}");
        Assert.DoesNotContain("ProjectReference", project, StringComparison.Ordinal);
        Assert.DoesNotContain("IoBench.Sample", await File.ReadAllTextAsync(Repository.PathOf("Benchmarks.sln")), StringComparison.Ordinal);

        // The copy keeps the repository's layout, so its nuget.config finds the feed where scripts/sample.sh packs to.
        var copy = Directory.CreateDirectory(Path.Combine(_temp.FullName, "benchmarks", "IoBench.Sample")).FullName;
        foreach (var file in Directory.GetFiles(sample))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var unique = $"{version}-test.{Guid.NewGuid():N}";
        await File.WriteAllTextAsync(Path.Combine(copy, "IoBench.Sample.csproj"), project.Replace(reference, reference.Replace(version, unique, StringComparison.Ordinal), StringComparison.Ordinal));
        var feed = Path.Combine(_temp.FullName, "artifacts", "packages");
        var packages = Path.Combine(_temp.FullName, "packages");
        var tmp = Directory.CreateDirectory(Path.Combine(_temp.FullName, "tmp")).FullName;

        var machinePackages = await RunAsync(Repository.Root, TimeSpan.FromMinutes(1), "nuget", "locals", "global-packages", "--list");
        Assert.True(machinePackages.ExitCode == 0, machinePackages.Output);
        var fallback = machinePackages.Output.Trim().Split("global-packages: ", 2)[1].Trim();

        var started = Stopwatch.GetTimestamp();
        // NuspecOutputPath: the pack's intermediate nuspec (named by the unique version) goes to the temp folder, not obj/.
        var pack = await RunAsync(
            Repository.Root, TimeSpan.FromMinutes(4), "pack", Repository.PathOf("src", "IoBench.Core", "IoBench.Core.csproj"), "-c", "Release", "-o", feed,
            $"-p:PackageVersion={unique}", $"-p:NuspecOutputPath={Path.Combine(_temp.FullName, "nuspec")}/", "-nologo", "-v:q", "-nodeReuse:false");
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.True(File.Exists(Path.Combine(feed, $"IoBench.Core.{unique}.nupkg")), pack.Output);

        // From the copy's folder: BenchmarkDotNet looks for the project file from the current folder up.
        var run = await RunAsync(
            copy, TimeSpan.FromMinutes(6), "run", "-c", "Release", "--", "--filter", $"*(N: {N}, Strategy: {Kind})", "--job", "Dry",
            ("NUGET_PACKAGES", packages), ("RestoreAdditionalProjectFallbackFolders", fallback), ("TMPDIR", tmp));
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.True(run.ExitCode == 0, $"the sample exited {run.ExitCode} after {elapsed.TotalSeconds:0} s:\n{run.Output}");
        Assert.True(Directory.Exists(Path.Combine(packages, "iobench.core", unique)), $"the run did not restore the package just packed:\n{run.Output}");

        // L as the case's process printed it, in the form its strategy calls: the figure both bounds must be made of.
        var form = Strategy.Create(Kind).Form;
        var samples = run.Output.Split('\n').Select(line => LatencyProfile.Parse(line.Trim())).Where(p => p?.Form == form).SelectMany(p => p!.SamplesMs).ToList();
        Assert.True(samples.Count >= 10, $"no L sample of the {form} form printed:\n{run.Output}");
        var l = new LatencyProfile(form, samples).L;
        Assert.InRange(l.TotalMilliseconds, NominalL.TotalMilliseconds - 5, NominalL.TotalMilliseconds * 5); // a timer's 20 ms: early by 5 ms at most, late by load

        var row = Row(run.Output);
        Assert.Equal(N.ToString(CultureInfo.InvariantCulture), row["N"]);
        Assert.Equal(Kind.ToString(), row["Strategy"]);
        Assert.Equal(Milliseconds(Bounds.Sequential(N, l)), row["N×L"]);
        Assert.Equal(Milliseconds(Bounds.Overlapped(l)), row["max(L)"]);
        // The batch really waited: N operations of about 20 ms cannot all end before one timer of 20 ms fires (5 ms early at most).
        var mean = MeanMilliseconds().Match(row["Mean"]);
        Assert.True(mean.Success, $"Mean '{row["Mean"]}' is not in ms");
        Assert.True(double.Parse(mean.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture) >= NominalL.TotalMilliseconds - 5, $"Mean {row["Mean"]}");
    }

    public void Dispose() => _temp.Delete(recursive: true);

    /// <summary>The summary table's one row, by column name.</summary>
    private static Dictionary<string, string> Row(string output)
    {
        var lines = output.Split('\n').Select(line => line.Trim()).ToList();
        var header = lines.FindIndex(line => line.StartsWith("| Method", StringComparison.Ordinal));
        Assert.True(header >= 0, $"no summary table:\n{output}");
        static string[] Cells(string line) => [.. line.Trim('|').Split('|').Select(cell => cell.Trim())];
        var names = Cells(lines[header]);
        var rows = lines.Skip(header + 2).TakeWhile(line => line.StartsWith('|')).ToList();
        var row = Assert.Single(rows);
        return names.Zip(Cells(row)).ToDictionary(pair => pair.First, pair => pair.Second);
    }

    // The format of the bound columns: "210 ms", "21.0 ms".
    private static string Milliseconds(TimeSpan value) =>
        value.TotalMilliseconds.ToString(value.TotalMilliseconds >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture) + " ms";

    private static async Task<(int ExitCode, string Output)> RunAsync(string folder, TimeSpan deadline, params object[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in arguments)
        {
            if (argument is (string name, string value))
            {
                start.Environment[name] = value;
            }
            else
            {
                start.ArgumentList.Add((string)argument);
            }
        }

        // No MSBuild node or compiler server may outlive the test (BenchmarkDotNet's own build inherits these too).
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return await ChildProcess.RunAsync(start, deadline);
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionElement();

    [GeneratedRegex(@"^([\d.,]+) ms$")]
    private static partial Regex MeanMilliseconds();
}
