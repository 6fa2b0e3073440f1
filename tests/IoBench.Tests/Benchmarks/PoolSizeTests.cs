using IoBench.Benchmarks;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;

namespace IoBench.Tests.Benchmarks;

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
}
