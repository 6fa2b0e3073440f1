using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IoBench.Tests.Scripts;

namespace IoBench.Tests.Faults;

/// <summary>
/// A PostgreSQL server of a test's own, started by scripts/postgres.sh with its own data folder and port and removed
/// afterwards, so that a test may stop it under a running suite: the shared server on 55432 serves other tests.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private static readonly TimeSpan ScriptLimit = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, string> _environment;

    private ThrowawayPostgres(Dictionary<string, string> environment, string url)
    {
        _environment = environment;
        Url = url;
    }

    /// <summary>The Npgsql connection string of the server.</summary>
    public string Url { get; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        // As root, the server runs as the postgres user, which must be able to reach the folder (not under /root).
        var data = Path.Combine(Environment.UserName == "root" ? "/var/lib/iobench" : Path.GetTempPath(), $"fault-{Guid.NewGuid():N}"[..14]);
        var environment = new Dictionary<string, string>
        {
            ["IOBENCH_PG_DATA"] = data,
            ["IOBENCH_PG_PORT"] = FreePort().ToString(CultureInfo.InvariantCulture),
        };
        var server = new ThrowawayPostgres(environment, string.Empty);
        var started = await PostgresScript.RunAsync(environment, "start", ScriptLimit);
        if (started.ExitCode != 0)
        {
            await server.DisposeAsync();
            Assert.Fail($"postgres.sh start exited {started.ExitCode}: {started.Output}");
        }

        var url = await PostgresScript.RunAsync(environment, "url", ScriptLimit);
        return new ThrowawayPostgres(environment, url.Stdout.Trim());
    }

    /// <summary>Stops the server (pg_ctl's fast mode: open connections are ended, as on a server shutdown).</summary>
    public async Task StopAsync()
    {
        var stopped = await PostgresScript.RunAsync(_environment, "stop", ScriptLimit);
        Assert.True(stopped.ExitCode == 0, $"postgres.sh stop exited {stopped.ExitCode}: {stopped.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        await PostgresScript.RunAsync(_environment, "stop", ScriptLimit);
        var data = _environment["IOBENCH_PG_DATA"];
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
