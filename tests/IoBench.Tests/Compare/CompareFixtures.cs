namespace IoBench.Tests.Compare;

/// <summary>
/// The checked-in runs (trimmed from the published 2026-11-22 report, numbers edited so every ratio is known):
/// run-a: one file, 5 cases. run-b: one plain and one gzipped file (one per benchmark class), 5 cases:
/// Sleep Task N=10 the same times (with Operations = 10), Sleep Sequential N=10 twice as slow, Cpu Thread N=10
/// 0.85 times (ranges apart), Cpu Task N=10 interleaved (A 10/20/30/50/70 ms, B 40/60/80/90/100 ms), Sleep Thread
/// N=100 only in A, Sleep ValueTask N=10 only in B. two-jobs: one case under jobs Steady and Cold.
/// </summary>
internal static class CompareFixtures
{
    public static string RunA => Repository.PathOf("tests", "IoBench.Tests", "Compare", "Fixtures", "run-a");

    public static string RunB => Repository.PathOf("tests", "IoBench.Tests", "Compare", "Fixtures", "run-b");

    public static string TwoJobs => Repository.PathOf("tests", "IoBench.Tests", "Compare", "Fixtures", "two-jobs");

    public static string PublishedRun => Repository.PathOf("results", "2026-11-22-net10-debian12-2core");

    public static IoBench.Compare.CaseKey Key(string type, string strategy, int n, string job = "Batch") =>
        new(type, "Batch", $"Strategy={strategy}&N={n}&K=none", job);
}
