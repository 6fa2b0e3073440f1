using System.Globalization;
using System.Net;
using IoBench.LatencyServer;

var options = ServerOptions.TryParse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine($"IoBench.LatencyServer: {error}");
    return 2;
}

if (options.MinThreads is { } minThreads && !ThreadPool.SetMinThreads(minThreads, minThreads))
{
    Console.Error.WriteLine($"IoBench.LatencyServer: ThreadPool.SetMinThreads({minThreads}) was refused (above the pool maximum?)");
    return 2;
}

if (!IPAddress.IsLoopback(options.Address))
{
    // One line, on stderr (stdout carries only the LISTENING line): the server has no authentication and takes requests from any host that can reach it.
    Console.Error.WriteLine($"IoBench.LatencyServer: warning: listening on {options.Address}, not loopback: any host that can reach this address can use the server (no authentication)");
}

await using var app = LatencyServerApp.Create(options);
try
{
    await app.StartAsync();
}
catch (IOException e)
{
    // Typically "address already in use" for a fixed --port; a one-line reason beats a stack trace.
    Console.Error.WriteLine($"IoBench.LatencyServer: could not listen on {new IPEndPoint(options.Address, options.Port)}: {e.Message}");
    return 1;
}

var address = LatencyServerApp.GetBoundAddress(app, options.Address);
// The launcher waits for exactly this line, so it is the only thing ever written to stdout.
Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"IOBENCH_LATENCY_SERVER_LISTENING http://{new IPEndPoint(options.Address, address.Port)}"));
Console.Out.Flush();

var lifetime = app.Lifetime;
// Every stop (parent gone, stdin EOF, SIGTERM, Ctrl+C) gets a bounded exit. Without --parent-pid and
// --exit-on-stdin-eof (scripts/latency-server.sh) the server is standalone and runs until SIGTERM or Ctrl+C.
lifetime.ApplicationStopping.Register(ExitBackstop.Arm);
if (options.ParentPid is { } parentPid)
{
    ParentProcessWatcher.Start(parentPid, lifetime.StopApplication);
}

if (options.ExitOnStdinEof)
{
    StdinEofWatcher.Start(lifetime.StopApplication);
}

await app.WaitForShutdownAsync();
return 0;
