using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// One dedicated OS thread per operation, each making the blocking call: full overlap as long as the OS can
/// create threads quickly enough (about 0.2 ms each here) and each waits rather than computes.
/// </summary>
internal sealed class DedicatedThreadStrategy : IStrategy
{
    // Threads end right after their operation, or promptly once the batch is cancelled.
    private static readonly TimeSpan JoinGrace = TimeSpan.FromSeconds(5);

    public StrategyKind Kind => StrategyKind.Thread;

    public WorkloadForm Form => WorkloadForm.Blocking;

    public bool SequentialByNature => false;

    public int Limit => 0;

    public async Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        var batch = new BatchCompletion(count, cancellationToken);
        Action<CancellationToken> operation = workload.Run;
        ThreadStart body = () =>
        {
            ThreadCensus.DedicatedStarted();
            try
            {
                batch.Run(operation);
            }
            finally
            {
                ThreadCensus.DedicatedStopped();
            }
        };
        var threads = new Thread[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                threads[i] = new Thread(body) { IsBackground = true, Name = "IoBench operation" };
                threads[i].Start();
            }

            await batch.Task.ConfigureAwait(false);
        }
        finally
        {
            // No thread is left behind: every started thread is joined before the batch returns.
            foreach (var thread in threads)
            {
                if (thread is { IsAlive: true } && !thread.Join(JoinGrace))
                {
                    throw new TimeoutException($"A dedicated thread did not end within {JoinGrace.TotalSeconds} s of its batch.");
                }
            }
        }
    }
}
