using System.Text.Json;
using IoBench.Report;
using IoBench.Report.Claims;

namespace IoBench.Tests.Report;

/// <summary>
/// Issue 19: claims 1 to 6 and 8 to 10 judged from complete data files that scripts/report.sh renders: v4's data file as
/// published (where each of them holds, claim 4 with its caveat) and v4 with one documented change that models the
/// claim being false. Each test writes the file into a folder, renders it with the report command, reads the claim's row
/// of at-a-glance.md and checks its verdict and its Measured figures, written by hand from v4's data. The defect each
/// failing file catches: a rule that cannot come out "does not hold" (or, for claims 4 and 8, "not decided") from data
/// that contradicts the claim. Claim 7 has its own tests.
/// </summary>
public sealed class ClaimFixtureTests
{
    private static readonly string V4 = Repository.PathOf("results", "2026-11-23-net10-debian12-2core-v4", RunData.FileName);

    // The published run: every figure below is v4's (L: each cell's sampled median; Sleep Task's form 20.3729 ms, Sequential's 20.1969 ms).
    [Theory]
    [InlineData(1, Claim.Holds, "Sequential 202 ms = 1.000 × N×L; Task 20.9 ms = 1.03 × max(L)")]
    [InlineData(2, Claim.Holds, "21.0 ms = 1.03 × max(L)")]
    [InlineData(3, Claim.Holds, "203 ms = 1.006 × N×L")]
    [InlineData(4, Claim.HoldsWithCaveat, "Thread 213 ms (5 batches, 187 ms to 242 ms), 0.011 × N×L, 130 threads, 145 B/op; Task 20.9 ms (5 batches, 20.6 ms to 21.8 ms), 4 threads, 177 B/op; Thread − Task = 0.192 ms per operation (0.0095 × L)")]
    [InlineData(5, Claim.Holds, "ThreadPool N = 1000 cold 4,492 ms against Thread 213 ms (min worker threads 2); HttpBlockingServer Task N = 100: 290 ms with the server's default pool (10 server threads) against 28.2 ms with ServerMinThreads = 200 (101)")]
    [InlineData(6, Claim.Holds, "Task 1,034 ms = 1.01 × ceil(N/2)×L; EventLoop 2,042 ms = 0.99 × N×L")]
    [InlineData(8, Claim.Holds, "SqliteSleep Task N = 10: 205 ms = 1.01 × N×L (5 batches, 204 ms to 207 ms: 1.001 to 1.018), Sync% 100; FileWrite N = 100, not judged: Task 11.7 ms (5 batches, 9.9 ms to 14.3 ms) against Sequential 13.7 ms (5 batches, 13.4 ms to 14.7 ms)")]
    [InlineData(9, Claim.Holds, "Sleep Channel K = 10 N = 100: 208 ms = 1.02 × ceil(N/K)×L; Sleep Bounded K = 10 N = 100: 208 ms = 1.02 × ceil(N/K)×L")]
    [InlineData(10, Claim.Holds, "HttpDelay Task C = 10 N = 100: 221 ms = 1.03 × ceil(N/C)×L; PostgresSleep Task P = 10 N = 100: 224 ms = 1.06 × ceil(N/P)×L; PostgresSleep Task P = 10 N = 200: 430 ms = 1.02 × ceil(N/P)×L")]
    public void Render_V4AsPublished_ClaimHoldsWithItsFigures(int claim, string verdict, string figures)
    {
        var row = Rendered(ReportSet.Read(V4), claim);

        Assert.Equal((verdict, figures), (row.Verdict, row.Figures));
    }

    [Fact]
    public void Claim1_TaskAtN1000TakingNTimesL_DoesNotHold()
    {
        // Task.Delay calls that ran one after another: Task at N = 1000 takes N×L.
        var run = Retimed(ReportSet.Read(V4), c => Cell(c, "Sleep", "Task", 1000), c => c.N * L(c));

        var row = Rendered(run, 1);

        Assert.Equal((Claim.DoesNotHold, "Sequential 202 ms = 1.000 × N×L; Task 20,373 ms = 1000.00 × max(L)"), (row.Verdict, row.Figures));
    }

    [Fact]
    public void Claim2_EventLoopTakingNTimesL_DoesNotHold()
    {
        // An event loop that waits for each operation before it starts the next: EventLoop at N = 1000 takes N×L.
        var run = Retimed(ReportSet.Read(V4), c => Cell(c, "Sleep", "EventLoop", 1000), c => c.N * L(c));

        var row = Rendered(run, 2);

        Assert.Equal((Claim.DoesNotHold, "20,373 ms = 1000.00 × max(L)"), (row.Verdict, row.Figures));
    }

    [Fact]
    public void Claim3_EventLoopBlockingTakingMaxL_DoesNotHold()
    {
        // A loop whose blocking calls overlap anyway (moved off the loop's thread): EventLoopBlocking at N = 10 takes max(L).
        var run = Retimed(ReportSet.Read(V4), c => Cell(c, "Sleep", "EventLoopBlocking", 10), L);

        var row = Rendered(run, 3);

        Assert.Equal((Claim.DoesNotHold, "20.2 ms = 0.100 × N×L"), (row.Verdict, row.Figures));
    }

    [Fact]
    public void Claim4_ThreadTakingNTimesL_DoesNotHold()
    {
        // Threads started and joined one at a time: Thread at N = 1000 takes N×L, its batches keeping v4's spread.
        var run = Retimed(ReportSet.Read(V4), c => Cell(c, "Sleep", "Thread", 1000), c => c.N * L(c));

        var row = Rendered(run, 4);

        Assert.Equal((Claim.DoesNotHold, "Thread 20,197 ms (5 batches, 17,741 ms to 22,976 ms), 1.000 × N×L, 130 threads, 145 B/op; Task 20.9 ms (5 batches, 20.6 ms to 21.8 ms), 4 threads, 177 B/op; Thread − Task = 20.176 ms per operation (0.9990 × L)"), (row.Verdict, row.Figures));
    }

    [Fact]
    public void Claim4_ThreadAsFastAsTaskWithinTheSpread_NotDecided()
    {
        // Threads as cheap as tasks: Thread at N = 1000 takes Task's Mean; its batches (18.4 to 23.8 ms) then overlap Task's (20.6 to 21.8 ms).
        // Catches a rule that calls a difference inside the run's spread "more" or "less".
        var task = ReportSet.Read(V4).Cases.Single(c => Cell(c, "Sleep", "Task", 1000));
        var run = Retimed(ReportSet.Read(V4), c => Cell(c, "Sleep", "Thread", 1000), _ => task.MeanMs!.Value);

        var row = Rendered(run, 4);

        Assert.Equal((Claim.NotDecided, "Thread 20.9 ms (5 batches, 18.4 ms to 23.8 ms), 0.001 × N×L, 130 threads, 145 B/op; Task 20.9 ms (5 batches, 20.6 ms to 21.8 ms), 4 threads, 177 B/op; Thread − Task = 0.000 ms per operation (0.0000 × L)"), (row.Verdict, row.Figures));
        Assert.StartsWith("Not decided: Thread's and Task's batch ranges overlap", row.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Claim4_ThreadAllocatingMoreManagedMemory_HoldsWithoutTheCaveat()
    {
        // A Thread strategy that allocates 1,000 managed bytes more per operation (a per-thread buffer): 1,145 B/op against Task's 177.
        var v4 = ReportSet.Read(V4);
        var run = v4 with { Cases = [.. v4.Cases.Select(c => Cell(c, "Sleep", "Thread", 1000) ? c with { AllocatedPerOperation = c.AllocatedPerOperation + 1000 } : c)] };

        var row = Rendered(run, 4);

        Assert.Equal((Claim.Holds, "Thread 213 ms (5 batches, 187 ms to 242 ms), 0.011 × N×L, 130 threads, 1,145 B/op; Task 20.9 ms (5 batches, 20.6 ms to 21.8 ms), 4 threads, 177 B/op; Thread − Task = 0.192 ms per operation (0.0095 × L)"), (row.Verdict, row.Figures));
    }

    [Fact]
    public void Claim5_PoolAsFastAsThreadsOnBothSides_DoesNotHold()
    {
        // A pool whose minimum covers N, client and server: cold ThreadPool at N = 1000 takes Thread's Mean, and the server's
        // default pool at N = 100 takes what it takes with ServerMinThreads = 200.
        var v4 = ReportSet.Read(V4);
        var thread = v4.Cases.Single(c => Cell(c, "Sleep", "Thread", 1000)).MeanMs!.Value;
        var server200 = v4.Cases.Single(c => Cell(c, "HttpBlockingServer", "Task", 100) && c.Parameters["ServerMinThreads"] == "200").MeanMs!.Value;
        var run = Retimed(v4, c => Cell(c, "Sleep", "ThreadPool", 1000, "Cold"), _ => thread);
        run = Retimed(run, c => Cell(c, "HttpBlockingServer", "Task", 100) && c.Parameters["ServerMinThreads"] == "default", _ => server200);

        var row = Rendered(run, 5);

        Assert.Equal((Claim.DoesNotHold, "ThreadPool N = 1000 cold 213 ms against Thread 213 ms (min worker threads 2); HttpBlockingServer Task N = 100: 28.2 ms with the server's default pool (10 server threads) against 28.2 ms with ServerMinThreads = 200 (101)"), (row.Verdict, row.Figures));
    }

    [Fact]
    public void Claim6_CpuTaskTakingMaxL_DoesNotHold()
    {
        // CPU work that overlapped like waits: Cpu Task at N = 100 takes max(L) on 2 cores.
        var run = Retimed(ReportSet.Read(V4), c => Cell(c, "Cpu", "Task", 100), L);

        var row = Rendered(run, 6);

        Assert.Equal((Claim.DoesNotHold, "Task 20.5 ms = 0.02 × ceil(N/2)×L; EventLoop 2,042 ms = 0.99 × N×L"), (row.Verdict, row.Figures));
    }

    [Fact]
    public void Claim8_SqliteTaskTakingMaxLWithoutSyncCompletion_DoesNotHold()
    {
        // A driver with asynchronous I/O underneath: SqliteSleep Task at N = 10 takes max(L), and no call completes synchronously.
        var run = Retimed(ReportSet.Read(V4), c => Cell(c, "SqliteSleep", "Task", 10), L);
        run = run with { Cases = [.. run.Cases.Select(c => Cell(c, "SqliteSleep", "Task", 10) ? c with { SyncPercent = 0 } : c)] };

        var row = Rendered(run, 8);

        Assert.Equal((Claim.DoesNotHold, "SqliteSleep Task N = 10: 20.4 ms = 0.10 × N×L (5 batches, 20.3 ms to 20.6 ms: 0.099 to 0.101), Sync% 0; FileWrite N = 100, not judged: Task 11.7 ms (5 batches, 9.9 ms to 14.3 ms) against Sequential 13.7 ms (5 batches, 13.4 ms to 14.7 ms)"), (row.Verdict, row.Figures));
    }

    [Fact]
    public void Claim8_SqliteBatchesAcrossTheBound_NotDecided()
    {
        // SqliteSleep Task at N = 10 with its Mean at the rule's bound, 0.9 × N×L: v4's spread puts batches on both sides of it.
        // Catches a rule that decides from the Mean where the run's own batches disagree.
        var run = Retimed(ReportSet.Read(V4), c => Cell(c, "SqliteSleep", "Task", 10), c => 0.9 * c.N * L(c));

        var row = Rendered(run, 8);

        Assert.Equal((Claim.NotDecided, "SqliteSleep Task N = 10: 183 ms = 0.90 × N×L (5 batches, 182 ms to 186 ms: 0.895 to 0.910), Sync% 100; FileWrite N = 100, not judged: Task 11.7 ms (5 batches, 9.9 ms to 14.3 ms) against Sequential 13.7 ms (5 batches, 13.4 ms to 14.7 ms)"), (row.Verdict, row.Figures));
    }

    [Fact]
    public void Claim9_BoundedAdmittingHalfOfK_DoesNotHold()
    {
        // A semaphore that admits K/2 at a time: Bounded K = 10 at N = 100 takes 2 × ceil(N/K)×L.
        var run = Retimed(ReportSet.Read(V4), c => Cell(c, "Sleep", "Bounded", 100, k: 10), c => 2 * Math.Ceiling(c.N / 10.0) * L(c));

        var row = Rendered(run, 9);

        Assert.Equal((Claim.DoesNotHold, "Sleep Channel K = 10 N = 100: 208 ms = 1.02 × ceil(N/K)×L; Sleep Bounded K = 10 N = 100: 407 ms = 2.00 × ceil(N/K)×L"), (row.Verdict, row.Figures));
    }

    [Fact]
    public void Claim10_PostgresPoolServingHalfOfP_DoesNotHold()
    {
        // A pool of P that runs P/2 queries at a time: every PostgresSleep Pool = 10 cell takes 2 × ceil(N/P)×L.
        var run = Retimed(ReportSet.Read(V4), c => c is { Workload: "PostgresSleep", Strategy: "Task", Regime: "Steady" } && c.Parameters["Pool"] == "10", c => 2 * Math.Ceiling(c.N / 10.0) * L(c));

        var row = Rendered(run, 10);

        Assert.Equal((Claim.DoesNotHold, "HttpDelay Task C = 10 N = 100: 221 ms = 1.03 × ceil(N/C)×L; PostgresSleep Task P = 10 N = 100: 421 ms = 2.00 × ceil(N/P)×L; PostgresSleep Task P = 10 N = 200: 842 ms = 2.00 × ceil(N/P)×L"), (row.Verdict, row.Figures));
    }

    private static bool Cell(CaseData c, string workload, string strategy, int n, string regime = "Steady", int k = 0) =>
        c.Workload == workload && c.Strategy == strategy && c.N == n && c.K == k && c.Regime == regime;

    /// <summary>The cell's L: the median its form sampled.</summary>
    private static double L(CaseData c) => c.Latency!.MedianMs;

    /// <summary>
    /// The run with the chosen cells' batches scaled to a new Mean: every batch, Mean, Min, Max and StdError times the same
    /// factor, so each cell keeps the relative spread v4 measured.
    /// </summary>
    private static RunData Retimed(RunData run, Func<CaseData, bool> which, Func<CaseData, double> meanMs)
    {
        var changed = 0;
        var cases = run.Cases.Select(c =>
        {
            if (!which(c))
            {
                return c;
            }

            changed++;
            var factor = meanMs(c) / c.MeanMs!.Value;
            return c with
            {
                IterationsMs = [.. c.IterationsMs.Select(ms => ms * factor)],
                MeanMs = c.MeanMs * factor,
                MinMs = c.MinMs * factor,
                MaxMs = c.MaxMs * factor,
                StdErrorMs = c.StdErrorMs * factor,
            };
        }).ToList();
        Assert.True(changed > 0, "the transformation matched no cell of v4");
        return run with { Cases = cases };
    }

    /// <summary>Writes the run as a result folder's data file, renders it as scripts/report.sh does, and returns the claim's row of at-a-glance.md.</summary>
    private static (string Figures, string Verdict, string Why) Rendered(RunData run, int claim)
    {
        var folder = Directory.CreateTempSubdirectory("iobench-claims-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, RunData.FileName), JsonSerializer.Serialize(run, ReportSet.Json));
            Assert.Equal(0, ReportCommand.Run([folder.FullName], TextWriter.Null, TextWriter.Null));
            var row = File.ReadAllLines(Path.Combine(folder.FullName, AtAGlance.FileName)).Single(line => line.StartsWith($"| {claim} | ", StringComparison.Ordinal));
            // | # | Claim | Cells | Measured | Verdict | Why | Rule |
            var cells = row.Split(" | ");
            return (cells[3], cells[4].Trim('*'), cells[5]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
