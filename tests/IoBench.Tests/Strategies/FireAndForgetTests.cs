using IoBench.Core.Strategies;

namespace IoBench.Tests.Strategies;

/// <summary>
/// Spring's @Async pitfall, in .NET: work started and not awaited loses its exception, the caller reports success.
/// Every strategy awaits its operations, so the same failure reaches the caller.
/// </summary>
public sealed class FireAndForgetTests
{
    [Fact]
    public async Task FireAndForget_OperationFails_CallerNeverSeesTheException()
    {
        var workload = new CountingWorkload(TimeSpan.FromMilliseconds(10)) { FailOn = 2 };
        var dropped = new List<Task>();

        // The caller starts the calls and returns, as a fire-and-forget handler does.
        var caller = Task.Run(() =>
        {
            for (var i = 0; i < 5; i++)
            {
                dropped.Add(workload.RunAsync(CancellationToken.None).AsTask());
            }
        });
        await caller;
        await Task.WhenAny(Task.WhenAll(dropped), Task.Delay(TimeSpan.FromSeconds(5)));

        Assert.True(caller.IsCompletedSuccessfully);
        var failed = Assert.Single(dropped, t => t.IsFaulted);
        Assert.Same(workload.Failure, failed.Exception!.InnerException);
    }

    [Fact]
    public async Task Task_OperationFails_CallerSeesTheException()
    {
        var workload = new CountingWorkload(TimeSpan.FromMilliseconds(10)) { FailOn = 2 };
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => Strategy.Create(StrategyKind.Task).RunAsync(workload, 5, CancellationToken.None));
        Assert.Same(workload.Failure, thrown);
    }
}
