using IoBench.Core.Strategies;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

/// <summary>Sync% measured by <see cref="ProbedWorkload"/> around real workloads, as the benchmark child measures it.</summary>
public sealed class SyncPercentTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(10);

    public static TheoryData<string, double, double> Workloads => new()
    {
        { WorkloadNames.SqliteQuery, 100, 100 },
        { WorkloadNames.SqliteSleep, 100, 100 },
        { WorkloadNames.SqliteWrite, 100, 100 },
        { WorkloadNames.Sleep, 0, 0 },
        { WorkloadNames.FileWrite, 0, 10 },
    };

    [Theory]
    [MemberData(nameof(Workloads))]
    public async Task SyncPercent_AsyncBatch_MatchesWhatTheApiReallyDoes(string name, double low, double high)
    {
        await using var probed = new ProbedWorkload(Create(name));
        await probed.SetupAsync(CancellationToken.None);

        await BatchRunner.RunAsync(Strategy.Create(StrategyKind.Task), probed, 20, TimeSpan.FromSeconds(60));

        Assert.Equal(20, probed.AsyncCalls);
        Assert.InRange(probed.SyncPercent!.Value, low, high);
    }

    [Fact]
    public async Task SyncPercent_BlockingBatch_IsNull()
    {
        await using var probed = new ProbedWorkload(Create(WorkloadNames.SqliteSleep));
        await probed.SetupAsync(CancellationToken.None);

        await BatchRunner.RunAsync(Strategy.Create(StrategyKind.Sequential), probed, 3, TimeSpan.FromSeconds(60));

        Assert.Null(probed.SyncPercent);
    }

    internal static IWorkload Create(string name) => name switch
    {
        WorkloadNames.SqliteQuery => new SqliteQueryWorkload(Latency),
        WorkloadNames.SqliteSleep => new SqliteSleepWorkload(Latency),
        WorkloadNames.SqliteWrite => new SqliteWriteWorkload(),
        WorkloadNames.FileWrite => new FileWriteWorkload(),
        WorkloadNames.Sleep => new SleepWorkload(Latency),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
