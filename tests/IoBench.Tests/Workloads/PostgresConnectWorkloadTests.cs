using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConnectWorkloadTests
{
    [PostgresFact]
    public async Task BothForms_EachCall_OpenAndCloseTheirOwnConnection()
    {
        var name = PostgresTestServer.UniqueApplicationName();
        await using var workload = new PostgresConnectWorkload(PostgresTestServer.ConnectionString, name);
        await workload.SetupAsync(CancellationToken.None);

        workload.Run(CancellationToken.None);
        await workload.RunAsync(CancellationToken.None);

        // Pooling=false: nothing stays open after the call, so each call paid for a whole connection.
        Assert.Equal(0, (await PostgresTestServer.WaitForConnectionsAsync(name, 0, TimeSpan.FromSeconds(5))).All);
    }

    [Fact]
    public async Task ProbeAsync_NoServer_SaysWhereItLookedWithoutThePassword()
    {
        var reason = await PostgresDatabase.ProbeAsync("Host=127.0.0.1;Port=1;Username=u;Password=secret-pw", TimeSpan.FromSeconds(3));

        Assert.NotNull(reason);
        Assert.Contains("127.0.0.1:1", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", reason, StringComparison.Ordinal);
    }
}
