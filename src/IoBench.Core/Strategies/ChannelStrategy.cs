using System.Threading.Channels;
using IoBench.Core.Workloads;

namespace IoBench.Core.Strategies;

/// <summary>
/// Producer/consumer: one producer writes N work items into a bounded channel and K consumer tasks make the async
/// call (asyncio.Queue with K workers). At most K operations run at once: ceil(N/K) x L. K = 0 means one consumer
/// per item.
/// </summary>
internal sealed class ChannelStrategy(int limit) : IStrategy
{
    public StrategyKind Kind => StrategyKind.Channel;

    public WorkloadForm Form => WorkloadForm.Async;

    public bool SequentialByNature => false;

    public int Limit => limit;

    public async Task RunAsync(IWorkload workload, int count, CancellationToken cancellationToken)
    {
        var consumers = limit == 0 ? count : Math.Min(limit, count);
        if (consumers == 0)
        {
            return;
        }

        var channel = Channel.CreateBounded<int>(new BoundedChannelOptions(consumers)
        {
            SingleWriter = true,
            SingleReader = consumers == 1,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var batch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new Task[consumers + 1];
        for (var i = 0; i < consumers; i++)
        {
            tasks[i] = ConsumeAsync(channel.Reader, workload, batch);
        }

        tasks[consumers] = ProduceAsync(channel.Writer, count, batch);
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private static async Task ProduceAsync(ChannelWriter<int> writer, int count, CancellationTokenSource batch)
    {
        try
        {
            for (var i = 0; i < count; i++)
            {
                await writer.WriteAsync(i, batch.Token).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
            batch.Cancel();
            throw;
        }
    }

    private static async Task ConsumeAsync(ChannelReader<int> reader, IWorkload workload, CancellationTokenSource batch)
    {
        while (await reader.WaitToReadAsync(batch.Token).ConfigureAwait(false))
        {
            while (reader.TryRead(out _))
            {
                await FailFast.RunAsync(workload, batch).ConfigureAwait(false);
            }
        }
    }
}
