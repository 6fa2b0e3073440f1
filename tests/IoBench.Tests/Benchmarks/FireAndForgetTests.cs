using IoBench.Benchmarks;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Benchmarks;

/// <summary>Claim 7 in the suite: the failures the operations ended with, beside those the caller saw, per batch.</summary>
public sealed class FireAndForgetFamilyTests
{
    [Fact]
    public async Task FailingWorkload_EveryTenthFails_TheTallyCountsEachBatchApart()
    {
        var workload = new FailingWorkload(new ZeroLatencyWorkload(yields: true), failEvery: 10);
        var first = workload.BeginTally();
        var failures = 0;
        for (var i = 0; i < 25; i++)
        {
            try
            {
                await workload.RunAsync(CancellationToken.None);
            }
            catch (InjectedFailureException)
            {
                failures++;
            }
        }

        var second = workload.BeginTally();
        Assert.Throws<InjectedFailureException>(() => { for (var i = 0; i < 5; i++) workload.Run(CancellationToken.None); }); // the 30th

        Assert.Equal((25, 2, 2), (first.Finished, first.Failed, failures));
        Assert.Equal((5, 1), (second.Finished, second.Failed));
        Assert.True(second.WaitFinished(5, TimeSpan.Zero));
        Assert.False(second.WaitFinished(6, TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public void BatchLine_WithFailures_RoundTrips()
    {
        var line = new BatchMetrics(2, 2, 3, 100, 100, 0, 0) { Failures = new BatchFailures(10, 0) }.ToLine();

        Assert.EndsWith(" failed=10 seen=0", line, StringComparison.Ordinal);
        Assert.Equal(new BatchFailures(10, 0), BatchMetrics.Parse(line)!.Failures);
        Assert.Null(BatchMetrics.Parse(new BatchMetrics(2, 2, 3, 100, 100, 0, 0).ToLine())!.Failures);
    }

    [Theory]
    [InlineData(FailureCaller.Awaits, 1)]        // await rethrows one of the batch's ten failures
    [InlineData(FailureCaller.FireAndForget, 0)] // the caller returned before any of them happened
    public async Task Batch_TenFailuresHappen_TheCallerSeesThemOnlyWhenItAwaits(FailureCaller caller, long seen)
    {
        var family = new FireAndForgetBenchmarks { Caller = caller, Strategy = StrategyKind.Task, N = FireAndForgetBenchmarks.OpsPerBatch, K = default, RegimeOverride = PoolRegime.Steady };
        family.Setup();
        try
        {
            for (var batch = 0; batch < 2; batch++)
            {
                family.BeginBatch();
                var pending = family.Batch();
                if (caller == FailureCaller.FireAndForget)
                {
                    Assert.True(pending.IsCompletedSuccessfully); // returns at once, successfully, whatever the calls will do
                }

                await pending;
                Assert.Equal(new BatchFailures(10, seen), family.MeasureBatchEnd().Failures);
            }
        }
        finally
        {
            family.Cleanup();
        }
    }
}
