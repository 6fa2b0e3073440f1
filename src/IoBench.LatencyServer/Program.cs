using System.Globalization;
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

await using var app = LatencyServerApp.Create(options);
try
{
    await app.StartAsync();
}
catch (IOException e)
{
    // Typically "address already in use" for a fixed --port; a one-line reason beats a stack trace.
    Console.Error.WriteLine($"IoBench.LatencyServer: could not listen on 127.0.0.1:{options.Port}: {e.Message}");
    return 1;
}

var address = LatencyServerApp.GetBoundAddress(app);
// The launcher waits for exactly this line, so it is the only thing ever written to stdout.
Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"IOBENCH_LATENCY_SERVER_LISTENING http://127.0.0.1:{address.Port}"));
Console.Out.Flush();

var lifetime = app.Lifetime;
// Every stop (parent gone, stdin EOF, SIGTERM, Ctrl+C) gets a bounded exit.
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
