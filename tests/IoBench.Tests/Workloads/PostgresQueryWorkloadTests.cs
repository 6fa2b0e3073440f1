using IoBench.Core.Workloads;
using Npgsql;

namespace IoBench.Tests.Workloads;

public sealed class PostgresQueryWorkloadTests : PostgresWorkloadContract
{
    private protected override IWorkload Create(PostgresDatabase database) => new PostgresQueryWorkload(database, warmConnections: 2);

    [PostgresFact]
    public async Task SetupAsync_Always_LeavesTheSeededRows()
    {
        await using var workload = new PostgresQueryWorkload(PostgresTestServer.Database(poolSize: 1), warmConnections: 1);
        await workload.SetupAsync(CancellationToken.None);

        await using var count = workload.Database.DataSource.CreateCommand("SELECT count(*), max(value) FROM iobench_items");
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(PostgresQueryWorkload.Rows, reader.GetInt64(0));
        Assert.Equal(PostgresQueryWorkload.ValueOf(PostgresQueryWorkload.Rows), reader.GetInt64(1));
    }

    // Both forms look up by the same rule; a lookup in either form of a key seeded by the table's rule returns the same value.
    private protected override async Task AssertAgreeAsync(IWorkload workload, TimeSpan blocking, TimeSpan async)
    {
        var database = ((PostgresQueryWorkload)workload).Database;
        await using var command = database.DataSource.CreateCommand("SELECT value FROM iobench_items WHERE id = 4242");
        var viaAsync = await command.ExecuteScalarAsync();
        var viaBlocking = command.ExecuteScalar();
        Assert.Equal(PostgresQueryWorkload.ValueOf(4242), viaAsync);
        Assert.Equal(viaAsync, viaBlocking);
    }
}
