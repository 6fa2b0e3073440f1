namespace IoBench.Tests.Compare;

/// <summary>
/// The checked-in runs, each with a minimal iobench-data.json stating the same settings (trimmed from the published 2026-11-22 report, numbers edited so every ratio is known):
/// run-a: one file, 5 cases. run-b: one plain and one gzipped file (one per benchmark class), 5 cases:
/// Sleep Task N=10 the same times (with Operations = 10), Sleep Sequential N=10 twice as slow, Cpu Thread N=10
/// 0.85 times (ranges apart), Cpu Task N=10 interleaved (A 10/20/30/50/70 ms, B 40/60/80/90/100 ms), Sleep Thread
/// N=100 only in A, Sleep ValueTask N=10 only in B. two-jobs: one case under jobs Steady and Cold.
/// runtimes: a comparison run (jobs Steady-net8.0 ... Cold-net10.0) with its data file (8.0.33, 9.0.22, 10.0.12): Sleep Task
/// N=10 steady at 10-14 ms on net8.0, twice that on net9.0, half on net10.0; Sleep ThreadPool N=1000 cold (3 launches)
/// at 100/200/300 ms on net8.0, 350/400/450 on net9.0 (twice the mean, every launch slower), +1 ms on net10.0; Cpu Thread N=10 steady on net8.0 only.
/// </summary>
internal static class CompareFixtures
{
    public static string RunA => Repository.PathOf("tests", "IoBench.Tests", "Compare", "Fixtures", "run-a");

    public static string RunB => Repository.PathOf("tests", "IoBench.Tests", "Compare", "Fixtures", "run-b");

    public static string TwoJobs => Repository.PathOf("tests", "IoBench.Tests", "Compare", "Fixtures", "two-jobs");

    public static string RuntimesRun => Repository.PathOf("tests", "IoBench.Tests", "Compare", "Fixtures", "runtimes");

    public static string PublishedRun => Repository.PathOf("results", "2026-11-23-net10-debian12-2core-v4");

    public static IoBench.Compare.CaseKey Key(string type, string strategy, int n, string job = "Batch") =>
        new(type, "Batch", $"Strategy={strategy}&N={n}&K=none", job);
}
