using IoBench.Benchmarks;
using IoBench.Benchmarks.Parameters;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;

namespace IoBench.Tests.Benchmarks.Parameters;

public sealed class PoolSizeTests
{
    [Theory]
    [InlineData(0, 1, 1, false)]
    [InlineData(0, 200, 200, false)]
    [InlineData(10, 10, 10, false)]
    [InlineData(10, 100, 10, true)]
    public void For_BatchOfN_GivesThePoolAndWhetherItBinds(int size, int n, int expectedPool, bool binds)
    {
        var pool = new PoolSize(size);

        Assert.Equal(expectedPool, pool.For(n));
        Assert.Equal(binds, pool.Binds(n));
    }

    [Fact]
    public void ToString_PoolAsLargeAsN_ReadsN() => Assert.Equal("N", PoolSize.AsLargeAsN.ToString());

    [Fact]
    public void WhyNotRun_PoolWhoseWavesExceedTheBudget_IsNotRunWithTheReason()
    {
        var settings = new SuiteSettings { LatencyMs = 100, MaxSequentialMs = 2000 };

        Assert.Equal("P = 10: at best ceil(N/P)×L = 3 s per batch", new PoolSize(10).WhyNotRun(StrategyKind.Task, 300, 0, settings));
        Assert.Null(new PoolSize(10).WhyNotRun(StrategyKind.Task, 200, 0, settings));
        Assert.Null(PoolSize.AsLargeAsN.WhyNotRun(StrategyKind.Task, 300, 0, settings));
    }

    [Fact]
    public void WhyNotRun_CallsLimitedPool_ShownForTaskValueTaskThreadUpTo10WavesAtTheProbedL()
    {
        // A call's plan budgets with the L its probe measured, not the nominal --latency-ms.
        var settings = new SuiteSettings { SqlCall = "SELECT 1", CallPlan = new IoBench.Core.Theory.CallPlan(TimeSpan.FromMilliseconds(150)) };
        var pool = new PoolSize(10) { ShownAsLimit = true };

        Assert.Null(pool.WhyNotRun(StrategyKind.Task, 50, 0, settings));
        Assert.Equal("P is shown for Task, ValueTask and Thread", pool.WhyNotRun(StrategyKind.ThreadPool, 50, 0, settings));
        Assert.Equal("P = 10 shown up to N = 100 (10 waves)", pool.WhyNotRun(StrategyKind.Task, 200, 0, settings));
        Assert.Equal("P = 10: at best ceil(N/P)×L = 1.2 s per batch", pool.WhyNotRun(StrategyKind.Task, 80, 0, settings));
        Assert.Null(new PoolSize(10).WhyNotRun(StrategyKind.ThreadPool, 50, 0, settings));
    }
}
