namespace IoBench.Tests.Report;

/// <summary>
/// A trimmed real run of the starvation lab checked in as a fixture (Report/Fixtures/starvation-run): the cases of
/// ThreadPool, SyncOverAsync and Task at N = 100 of <c>scripts/starvation.sh</c>'s published run, both minimums, both
/// regimes, with their pool timelines and warm-up bursts, and the lab's report and charts it must render to in
/// expected/. After a deliberate change, IOBENCH_UPDATE_EXPECTED=1 rewrites them (review the diff).
/// </summary>
internal static class StarvationFixture
{
    public static string Folder => Repository.PathOf("tests", "IoBench.Tests", "Report", "Fixtures", "starvation-run");

    public static string DataFile => Path.Combine(Folder, IoBench.Report.RunData.FileName);

    public static string Expected => Path.Combine(Folder, "expected");
}
