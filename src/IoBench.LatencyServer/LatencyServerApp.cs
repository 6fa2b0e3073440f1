using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace IoBench.LatencyServer;

/// <summary>Builds the Kestrel app and reports the address it actually bound.</summary>
internal static class LatencyServerApp
{
    public static WebApplication Create(ServerOptions options)
    {
        // No args: the command line is ours, not configuration keys.
        var builder = WebApplication.CreateSlimBuilder([]);

        // Drop environment/appsettings configuration so nothing (ASPNETCORE_URLS, Kestrel__Endpoints__*) adds a non-loopback endpoint.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);

        // A short graceful stop; ExitBackstop bounds whatever in-flight handlers still hold.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(300));

        // Above Kestrel's default 512 (the kernel caps it at somaxconn), so a burst of new connections is not dropped and retried a second later.
        builder.WebHost.UseSockets(sockets => sockets.Backlog = 4096);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.Address, options.Port, listen => listen.Protocols = HttpProtocols.Http1);
        });

        var app = builder.Build();
        app.MapLatencyEndpoints(options.MaxDelayMs, new ThreadPoolPeak(), new RequestCounter());
        return app;
    }

    /// <summary>The bound base address; fails if Kestrel listens anywhere but the one address asked for.</summary>
    public static Uri GetBoundAddress(WebApplication app, IPAddress expected)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("the server exposes no addresses feature");
        var uris = addresses.Select(a => new Uri(a)).ToList();
        if (uris.Count != 1 || !IPAddress.TryParse(uris[0].Host, out var ip) || !ip.Equals(expected))
        {
            throw new InvalidOperationException($"expected one {expected} address, got: {string.Join(", ", addresses)}");
        }

        return uris[0];
    }
}
