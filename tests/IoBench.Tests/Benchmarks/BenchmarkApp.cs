using System.Diagnostics;

namespace IoBench.Tests.Benchmarks;

/// <summary>The benchmark app as a child process, for tests of whole runs (with --quick, so no project build).</summary>
internal static class BenchmarkApp
{
    /// <summary>Runs the benchmark app built beside this test assembly (--quick runs in process, so no project build).</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunAsync(TimeSpan.FromMinutes(2), args);

    /// <summary>The same with a deadline of its own, for runs that build BenchmarkDotNet's projects (--runtimes).</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(TimeSpan deadline, params string[] args) => RunAsync(_ => { }, deadline, args);

    /// <summary>The same with the process's start changed first (its environment, the dotnet host's own options before the app).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(Action<ProcessStartInfo> prepare, TimeSpan deadline, params string[] args)
    {
        var app = Repository.PathOf("benchmarks", "IoBench.Benchmarks", "bin", Repository.Configuration, "net10.0", "IoBench.Benchmarks.dll");
        Assert.True(File.Exists(app), $"benchmark app not built: {app}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(app)! };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The suite's own variables from the test environment (CI sets IOBENCH_POSTGRES) must not steer this run.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("IOBENCH_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        // BenchmarkDotNet refuses an assembly under the temp folder (a clone under /tmp in CI): a temp folder of its own avoids that.
        var temp = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(app)!, "iobench-tmp")).FullName;
        start.Environment["TMPDIR"] = temp;
        prepare(start);

        return await ChildProcess.RunAsync(start, deadline);
    }
}
