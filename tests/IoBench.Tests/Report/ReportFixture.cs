namespace IoBench.Tests.Report;

/// <summary>
/// A small real run checked in as a fixture (Report/Fixtures/small-run): Sleep with Sequential, Task, ThreadPool,
/// Bounded (K = 10) and SyncOverAsync at N = 1, 10, 100, both regimes, made by
/// <c>dotnet run -c Release --project benchmarks/IoBench.Benchmarks -- --filter '*.SleepBenchmarks.*' --ops 1,10,100
/// --strategies Sequential,Task,ThreadPool,Bounded,SyncOverAsync</c>, with the files the report command must make from
/// it in expected/. After a deliberate change to the report or the charts, IOBENCH_UPDATE_EXPECTED=1 rewrites them
/// (review the diff).
/// </summary>
internal static class ReportFixture
{
    public static string Folder => Repository.PathOf("tests", "IoBench.Tests", "Report", "Fixtures", "small-run");

    public static string DataFile => Path.Combine(Folder, IoBench.Report.RunData.FileName);

    public static string Expected => Path.Combine(Folder, "expected");

    public static bool UpdateExpected => Environment.GetEnvironmentVariable("IOBENCH_UPDATE_EXPECTED") == "1";
}
