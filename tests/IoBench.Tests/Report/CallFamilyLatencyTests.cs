using IoBench.Report;

namespace IoBench.Tests.Report;

/// <summary>
/// A call has no nominal L: a limited configuration that ran only async strategies (the published SQL call's Pool = 10,
/// whose smaller N borrow the unlimited configuration's cells) still draws and tabulates its bounds with the call's
/// measured blocking L, the median of the run's blocking cases, not the suite's default of 20 ms labelled nominal.
/// </summary>
public sealed class CallFamilyLatencyTests
{
    [Fact]
    public void LimitedCallConfiguration_WithoutBlockingCases_TakesTheRunsMeasuredBlockingL()
    {
        var run = ReportSet.Read(Repository.PathOf("results", "2026-12-06-sql-call-postgres-debian12-2core", RunData.FileName));
        var limited = ReportFamily.Of(run).Single(f => f.Title == "SqlCall (Pool = 10)");
        var blocking = run.Cases.Where(c => c is { Workload: "SqlCall", Regime: "Steady", Latency.Form: "Blocking" }).Select(c => c.Latency!.MedianMs).Order().ToList();

        Assert.Null(limited.Blocking); // the configuration ran no sequential case: the premise of the fallback
        Assert.DoesNotContain(limited.Cases, c => c.Latency?.Form == "Blocking");
        Assert.False(limited.BlockingLIsNominal);
        Assert.Equal(blocking[blocking.Count / 2], limited.BlockingL.TotalMilliseconds, precision: 3);
    }
}
