using System.Diagnostics;
using IoBench.Core.Http;
using IoBench.Core.Strategies;
using IoBench.Core.Theory;
using IoBench.Core.Workloads;
using IoBench.Tests.Faults;
using IoBench.Tests.Http;
using IoBench.Tests.Workloads;
using Xunit.Abstractions;

namespace IoBench.Tests.Soak;

/// <summary>
/// The quick matrix of every family (N = 1 and 10, the cells the plan runs), three times in this one process, through
/// the real workloads and strategies and the benchmark's batch path: after every family (a case's setup, batches and
/// cleanup) no latency server is left, no temporary folder, no PostgreSQL connection; and from the second round to the
/// third, threads, open file descriptors and memory do not grow. The first round pays for JIT, the pool's first threads
/// and the drivers' one-time state, so it is the baseline's warm-up, not the baseline.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly int[] Ops = [1, 10];

    [Fact]
    public async Task QuickMatrix_ThreeRoundsInOneProcess_NothingLeaksAndNothingGrowsAfterTheFirst()
    {
        var rounds = new List<Footprint>();
        for (var round = 1; round <= 3; round++)
        {
            var cases = 0;
            var times = new List<string>();
            foreach (var family in Families())
            {
                var watch = Stopwatch.StartNew();
                cases += await RunFamilyAsync(family);
                times.Add($"{family.Name} {watch.Elapsed.TotalSeconds:0.0} s");
            }

            output.WriteLine(string.Join(", ", times));

            rounds.Add(Footprint.Take());
            output.WriteLine($"round {round}: {cases} cases; {rounds[^1]}");
        }

        var (second, third) = (rounds[1], rounds[2]);
        // Wide bands for a busy 2-core machine: the pool may add or retire a few threads, a GC may land anywhere.
        Assert.True(third.Threads <= second.Threads + 8, $"threads grew from round 2 to 3: {second.Threads} -> {third.Threads}");
        Assert.True(third.OpenFiles <= second.OpenFiles + 16, $"open file descriptors grew from round 2 to 3: {second.OpenFiles} -> {third.OpenFiles}");
        Assert.True(third.ManagedBytes <= (second.ManagedBytes * 1.25) + (8 << 20), $"managed memory grew from round 2 to 3: {second.ManagedBytes:N0} -> {third.ManagedBytes:N0} B");
        Assert.True(third.WorkingSet <= (second.WorkingSet * 1.25) + (64 << 20), $"working set grew from round 2 to 3: {second.WorkingSet:N0} -> {third.WorkingSet:N0} B");
    }

    /// <summary>One family as a benchmark process runs it: set up, every planned cell's batch, clean up; then the leak checks.</summary>
    private async Task<int> RunFamilyAsync(Family family)
    {
        var workload = new ProbedWorkload(family.Create());
        var cases = 0;
        try
        {
            using (var setup = new CancellationTokenSource(Deadline))
            {
                await workload.SetupAsync(setup.Token);
            }

            foreach (var kind in Strategy.All.Where(family.Runs))
            {
                foreach (var n in Ops.Where(n => Planned(kind, n, workload)))
                {
                    var strategy = Strategy.Create(kind);
                    try
                    {
                        await BatchRunner.RunAsync(strategy, workload, n, Deadline, DeadlineMode.CancelBatch);
                        cases++;
                    }
                    finally
                    {
                        (strategy as IDisposable)?.Dispose();
                    }
                }
            }

            if (family.ApplicationName is { } name)
            {
                // Between batches every connection the pool holds is idle: none is left running a query.
                var (all, idle) = await PostgresTestServer.CountConnectionsAsync(name);
                Assert.True(all == idle, $"{family.Name}: {all - idle} of {all} connections not idle after the batches");
            }
        }
        finally
        {
            await workload.DisposeAsync();
        }

        Assert.Empty(await WaitForLeftoverServersGoneAsync());
        Assert.Empty(TemporaryFolder.Live);
        if (family.ApplicationName is { } application)
        {
            Assert.Equal(0, (await PostgresTestServer.WaitForConnectionsAsync(application, 0, TimeSpan.FromSeconds(10))).All);
        }

        return cases;
    }

    /// <summary>The cells the suite's plan runs (N = 1 for the sequential strategies only, nothing over the 1 s budget).</summary>
    private static bool Planned(StrategyKind kind, int n, IWorkload workload) =>
        CellPlan.WhyNotRun(kind, n, 0, workload.Latency, TimeSpan.FromSeconds(1), workload.Traits.HasFlag(WorkloadTraits.CpuBound), Environment.ProcessorCount, workload.Traits.HasFlag(WorkloadTraits.SynchronousAsync)) is null;

    private static async Task<IReadOnlyList<int>> WaitForLeftoverServersGoneAsync()
    {
        var watch = Stopwatch.StartNew();
        while (ServerProcesses.Leftovers() is { Count: > 0 } left)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(5))
            {
                return left;
            }

            await Task.Delay(50);
        }

        return [];
    }

    private IEnumerable<Family> Families()
    {
        var http = new HttpWorkloadOptions { Latency = Latency, WarmConnections = 10, RequestTimeout = Deadline };
        yield return new("Sleep", () => new SleepWorkload(Latency));
        yield return new("Cpu", () => new CpuWorkload(Latency));
        yield return new("SqliteQuery", () => new SqliteQueryWorkload(Latency));
        yield return new("SqliteSleep", () => new SqliteSleepWorkload(Latency));
        yield return new("SqliteWrite", () => new SqliteWriteWorkload());
        yield return new("FileWrite", () => new FileWriteWorkload());
        yield return new("HttpDelay", () => new HttpDelayWorkload(http));
        yield return new("HttpBlockingServer", () => new HttpBlockingServerWorkload(http));
        if (!PostgresTestServer.IsConfigured)
        {
            output.WriteLine($"PostgreSQL families left out: {PostgresTestServer.SkipReason}");
            yield break;
        }

        // As in the suite: SyncOverAsync is left out of the PostgreSQL families (it starves the pool Npgsql needs).
        static bool NotSyncOverAsync(StrategyKind kind) => kind != StrategyKind.SyncOverAsync;
        foreach (var (name, create) in new (string, Func<PostgresDatabase, IWorkload>)[]
        {
            ("PostgresSleep", db => new PostgresSleepWorkload(db, Latency, 10)),
            ("PostgresQuery", db => new PostgresQueryWorkload(db, 10)),
            ("PostgresWrite", db => new PostgresWriteWorkload(db, 10)),
        })
        {
            var application = PostgresTestServer.UniqueApplicationName();
            yield return new(name, () => create(PostgresTestServer.Database(10, application)), NotSyncOverAsync, application);
        }

        var connect = PostgresTestServer.UniqueApplicationName();
        yield return new("PostgresConnect", () => new PostgresConnectWorkload(PostgresTestServer.ConnectionString, connect), NotSyncOverAsync, connect);
    }

    private sealed record Family(string Name, Func<IWorkload> Create, Func<StrategyKind, bool>? Strategies = null, string? ApplicationName = null)
    {
        public bool Runs(StrategyKind kind) => Strategies?.Invoke(kind) ?? true;
    }

    /// <summary>The process's threads (OS), open file descriptors, managed heap after a full collection, and working set.</summary>
    private sealed record Footprint(int Threads, int OpenFiles, long ManagedBytes, long WorkingSet)
    {
        public static Footprint Take()
        {
            var managed = GC.GetTotalMemory(forceFullCollection: true);
            return new(
                Directory.GetDirectories("/proc/self/task").Length,
                Directory.GetFileSystemEntries("/proc/self/fd").Length,
                managed,
                Environment.WorkingSet);
        }

        public override string ToString() =>
            $"threads {Threads}, open fds {OpenFiles}, managed {ManagedBytes / 1024.0 / 1024:0.0} MiB, working set {WorkingSet / 1024.0 / 1024:0.0} MiB";
    }
}
