using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace IoBench.Tests.Scripts;

/// <summary>
/// scripts/postgres.sh on a server of its own (own data folder and port, removed afterwards): starting twice is fine,
/// stop then start works, and a password with quotes and a space survives into `url` and the login.
/// </summary>
public sealed class PostgresScriptTests
{
    private const string Password = "it's a \"quoted\" pass";

    [PostgresScriptFact]
    public async Task Script_StartTwiceStopStart_ServesTheUrlWithAQuotedPassword()
    {
        var data = Path.Combine(Environment.UserName == "root" ? "/var/lib/iobench" : Path.GetTempPath(), $"test-{Guid.NewGuid():N}"[..13]);
        var environment = new Dictionary<string, string>
        {
            ["IOBENCH_PG_DATA"] = data,
            ["IOBENCH_PG_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["IOBENCH_PG_PASSWORD"] = Password,
        };
        try
        {
            Assert.Equal(0, (await RunAsync(environment, "start")).ExitCode);
            Assert.Equal(0, (await RunAsync(environment, "start")).ExitCode); // already running: fine
            var url = (await RunAsync(environment, "url")).Output.Trim();
            Assert.Equal(Password, new NpgsqlConnectionStringBuilder(url).Password);
            Assert.Equal("iobench", await CurrentUserAsync(url));

            Assert.Equal(0, (await RunAsync(environment, "stop")).ExitCode);
            Assert.Equal(3, (await RunAsync(environment, "status")).ExitCode);
            Assert.Equal(0, (await RunAsync(environment, "start")).ExitCode);
            Assert.Equal("iobench", await CurrentUserAsync(url));
        }
        finally
        {
            await RunAsync(environment, "stop");
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task<string?> CurrentUserAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_user", connection);
        return (string?)await command.ExecuteScalarAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> environment, string verb)
    {
        var result = await PostgresScript.RunAsync(environment, verb, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode is 0 or 3, $"postgres.sh {verb} exited {result.ExitCode}: {result.Stderr}");
        return (result.ExitCode, result.Stdout);
    }
}
