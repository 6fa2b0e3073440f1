using IoBench.Core.Http;

namespace IoBench.Tests.Http;

/// <summary>One latency server shared by a test class; disposing it checks that no server of this test run is left.</summary>
public sealed class LatencyServerFixture : IAsyncLifetime
{
    private LatencyServerProcess? _server;

    public LatencyServerProcess Server => _server ?? throw new InvalidOperationException("the fixture is not initialized");

    public async Task InitializeAsync() => _server = await ServerProcesses.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            var pid = _server.ProcessId;
            await _server.DisposeAsync();
            Assert.True(await ServerProcesses.WaitGoneAsync(pid, TimeSpan.FromSeconds(5)), $"latency server {pid} still runs after dispose");
        }

        Assert.Empty(ServerProcesses.Leftovers());
    }
}
