using IoBench.Compare;
using static IoBench.Tests.Compare.CompareFixtures;

namespace IoBench.Tests.Compare;

/// <summary>
/// compare-runs matches the process settings (Server GC, the processor count, the pool's minimum) as the benchmark processes
/// read them: a difference is refused (exit code 2, one line naming it) unless --allow-different-settings, and a data file
/// from before they were recorded (run-a, run-b: schema 3) reads as their defaults: workstation GC, the machine's cores, the
/// minimum it recorded.
/// </summary>
public sealed class CompareProcessSettingsTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("iobench-compare-process-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        return (CompareCommand.Run(args, output, error), output.ToString(), error.ToString());
    }

    /// <summary>A copy of run-b whose environment has these process settings seen (and the run's pool minimum, as the processes printed it).</summary>
    private string RunBWith(string processSettings, int minimum = 2, string askedSettings = "")
    {
        var folder = Path.Combine(scratch, "b");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(RunB))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var data = Path.Combine(folder, CaseLatencies.DataFile);
        var text = File.ReadAllText(data);
        (string From, string To)[] edits =
        [
            ("\"MinWorkerThreads\":2,", $"\"MinWorkerThreads\":{minimum},\"ProcessSettings\":[{processSettings}],"),
            ("\"IOBENCH_QUICK\":\"0\",", $"\"IOBENCH_QUICK\":\"0\",{askedSettings}"),
        ];
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        File.WriteAllText(data, text);
        return folder;
    }

    private static string Seen(bool serverGc, int processors, int minimum, int processes = 4, string sides = "") =>
        $"{{\"ServerGc\":{(serverGc ? "true" : "false")},\"ProcessorCount\":{processors},\"MinWorkerThreads\":{minimum},\"Processes\":{processes}{sides}}}";

    private static void AssertRefused((int ExitCode, string Output, string Error) result, string expected)
    {
        Assert.Equal((2, ""), (result.ExitCode, result.Output));
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("iobench-compare: error: ", line, StringComparison.Ordinal);
        Assert.Contains($"were run with different settings: {expected} (--allow-different-settings compares them anyway)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OlderFileAgainstOneThatRanTheDefaults_Compares()
    {
        // Catches an older file read as "not recorded" and refused against a newer one made the same way.
        var (exitCode, output, error) = Run(RunA, RunBWith(Seen(false, 2, 2), askedSettings: "\"IOBENCH_SERVER_GC\":\"0\",\"IOBENCH_PROCESSOR_COUNT\":\"2\",\"IOBENCH_MIN_WORKER_THREADS\":\"default\","));

        Assert.Equal((0, ""), (exitCode, error));
        Assert.DoesNotContain("Settings differ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 2, 2, "Server GC off vs on")]
    [InlineData(false, 4, 2, "processor count 2 vs 4")]
    public void Run_ProcessesSawOtherSettings_IsRefusedWithExitCode2(bool serverGc, int processors, int minimum, string expected) =>
        AssertRefused(Run(RunA, RunBWith(Seen(serverGc, processors, minimum))), expected);

    [Fact]
    public void Run_AnotherForcedMinimum_IsRefusedAsThePoolMinimum() =>
        AssertRefused(Run(RunA, RunBWith(Seen(false, 2, 40), minimum: 40)), "pool minimum of worker threads 2 vs 40");

    [Fact]
    public void Run_SidesThatSawDifferentSettings_NameEachSide() =>
        AssertRefused(
            Run(RunA, RunBWith($"{Seen(true, 2, 2, 3, ",\"Sides\":[\"net10.0\"]")},{Seen(false, 2, 2, 3, ",\"Sides\":[\"net8.0\"]")}")),
            "Server GC off vs on (net10.0), off (net8.0)");

    [Fact]
    public void Run_AllowDifferentSettings_ComparesAndNamesTheDifference()
    {
        var (exitCode, output, error) = Run(RunA, RunBWith(Seen(true, 2, 2), askedSettings: "\"IOBENCH_SERVER_GC\":\"1\","), "--allow-different-settings");

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Contains("**Settings differ** (compared with --allow-different-settings; a ratio then mixes the change under test with these): Server GC off vs on.", output, StringComparison.Ordinal);
    }
}
