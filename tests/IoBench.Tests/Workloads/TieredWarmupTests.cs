using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

public sealed class TieredWarmupTests
{
    [Fact]
    public void Run_QuickOperation_MakesTheMinimumCallsThenStopsWhenTheJitIsQuiet()
    {
        var calls = 0;
        var result = TieredWarmup.Run(() => calls++, TimeSpan.FromSeconds(30));

        Assert.Equal(calls, result.Calls);
        Assert.True(result.Calls >= TieredWarmup.MinOperations || result.Elapsed >= TieredWarmup.MinTime, $"{result.Calls} calls in {result.Elapsed}");
        Assert.True(result.Quiet); // it stopped because nothing was compiled for 200 ms, long before the 30 s cap
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task RunAsync_StopsAtTheCapWhenTheMinimumIsNotReached()
    {
        var result = await TieredWarmup.RunAsync(async () => await Task.Delay(100), TimeSpan.FromMilliseconds(300));

        Assert.InRange(result.Calls, 1, 5); // 0.3 s of 100 ms calls; never the 60 of a quick operation
        Assert.True(result.Elapsed >= TimeSpan.FromMilliseconds(300));
    }
}
