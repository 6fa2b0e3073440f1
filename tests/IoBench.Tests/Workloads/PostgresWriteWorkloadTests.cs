using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

public sealed class PostgresWriteWorkloadTests : PostgresWorkloadContract
{
    private protected override IWorkload Create(PostgresDatabase database) => new PostgresWriteWorkload(database, warmConnections: 2);

    // Every acknowledged insert of either form is a row on the server.
    private protected override async Task AssertAgreeAsync(IWorkload workload, TimeSpan blocking, TimeSpan async)
    {
        var write = (PostgresWriteWorkload)workload;
        Assert.Equal(2 * Operations, write.Written);
        Assert.Equal(2 * Operations, await write.CountRowsAsync(CancellationToken.None));
    }

}
