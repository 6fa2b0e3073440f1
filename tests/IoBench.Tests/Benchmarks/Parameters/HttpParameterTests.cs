using IoBench.Benchmarks;
using IoBench.Benchmarks.Measurement;
using IoBench.Benchmarks.Parameters;
using IoBench.Benchmarks.Plan;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;

namespace IoBench.Tests.Benchmarks.Parameters;

/// <summary>The HTTP families' own parameters: which cells they run, how they print, and the server figures on the metrics line.</summary>
public sealed class HttpParameterTests
{
    private static readonly SuiteSettings Settings = new();

    [Theory]
    [InlineData(StrategyKind.Task, 100, null)]
    [InlineData(StrategyKind.Thread, 100, null)]
    [InlineData(StrategyKind.Sequential, 1, null)]
    [InlineData(StrategyKind.Task, 10, "C does not bind when C >= N")]
    [InlineData(StrategyKind.Task, 1000, "C = 10 shown up to N = 100 (10 waves)")]
    [InlineData(StrategyKind.TaskRun, 100, "C is shown for Task, ValueTask and Thread")]
    public void ClientConnections_Ten_RunsWhereTheLimitTellsSomething(StrategyKind strategy, int n, string? expected) =>
        Assert.Equal(expected, new ClientConnections(10).WhyNotRun(strategy, n, 0, Settings));

    [Fact]
    public void ClientConnections_WavesOverTheBudget_IsNotRunWithTheReason()
    {
        var settings = new SuiteSettings { LatencyMs = 300, MaxSequentialMs = 2000 };

        Assert.Equal("C = 10: at best ceil(N/C)×L = 3 s per batch", new ClientConnections(10).WhyNotRun(StrategyKind.Task, 100, 0, settings));
        Assert.Null(new ClientConnections(10).WhyNotRun(StrategyKind.Task, 60, 0, settings));
    }

    [Fact]
    public void ClientConnections_Unlimited_RunsEverywhere() =>
        Assert.All(Strategy.All, s => Assert.Null(ClientConnections.Unlimited.WhyNotRun(s, 1000, 0, Settings)));

    [Fact]
    public void Descriptors_ToString_AreReadable()
    {
        Assert.Equal("unlimited", ClientConnections.Unlimited.ToString());
        Assert.Equal("10", new ClientConnections(10).ToString());
        Assert.Equal("default", ServerPoolSize.Default.ToString());
        Assert.Null(ServerPoolSize.Default.ServerArgument);
        Assert.Equal(200, new ServerPoolSize(200).ServerArgument);
    }

    [Fact]
    public void BatchMetrics_ServerThreads_RoundTrip()
    {
        var line = new BatchMetrics(2, 5, 6, 0, 60, 4096, 61, ServerThreads: 3).ToLine();
        Assert.EndsWith("serverthreads=3", line, StringComparison.Ordinal);
        Assert.Equal(new BatchMetrics(2, 5, 6, 0, 60, 4096, 61, 3), BatchMetrics.Parse(line));
    }

    [Fact]
    public void BatchMetrics_NoServer_LineUnchanged()
    {
        var line = new BatchMetrics(2, 2, 5, null, 60, 0, 0).ToLine();
        Assert.DoesNotContain("server", line, StringComparison.Ordinal);
        Assert.Null(BatchMetrics.Parse(line)!.ServerThreads);
    }

    [Theory]
    [InlineData(StrategyKind.SyncOverAsync, 1000, 0, true)]
    [InlineData(StrategyKind.SyncOverAsync, 100, 0, true)]
    [InlineData(StrategyKind.SyncOverAsync, 10, 0, false)]
    [InlineData(StrategyKind.Task, 1000, 0, false)]
    [InlineData(StrategyKind.Channel, 1000, 10, true)]
    [InlineData(StrategyKind.Channel, 1000, 0, false)]
    [InlineData(StrategyKind.SequentialAwait, 100, 0, true)]
    public void HttpDelayPlan_CostlyCells_AreLeftOutWithAReason(StrategyKind strategy, int n, int k, bool leftOut)
    {
        var why = typeof(HttpDelayBenchmarks).GetCustomAttributes(inherit: true).OfType<ICellRule>()
            .Select(rule => rule.WhyNotRun(strategy, n, k, Settings)).FirstOrDefault(reason => reason is not null);
        Assert.Equal(leftOut, why is not null);
    }
}
