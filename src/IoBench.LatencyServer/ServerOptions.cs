using System.Net;

namespace IoBench.LatencyServer;

/// <summary>Parsed command line of the latency server.</summary>
internal sealed record ServerOptions(IPAddress Address, int Port, int? ParentPid, int? MinThreads, int MaxDelayMs, bool ExitOnStdinEof)
{
    public const string Usage =
        "usage: IoBench.LatencyServer [--listen ADDRESS:PORT | --port N] [--parent-pid PID] [--min-threads N] [--max-delay-ms N] [--exit-on-stdin-eof]";

    /// <summary>Parses the arguments; on failure returns null and a one-line error.</summary>
    public static ServerOptions? TryParse(IReadOnlyList<string> args, out string error)
    {
        // Loopback by default: a server reachable from other hosts is an explicit choice (--listen).
        var options = new ServerOptions(IPAddress.Loopback, Port: 0, ParentPid: null, MinThreads: null, MaxDelayMs: 10_000, ExitOnStdinEof: false);
        error = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--exit-on-stdin-eof")
            {
                options = options with { ExitOnStdinEof = true };
                continue;
            }

            if (name == "--listen")
            {
                // IPEndPoint.TryParse takes 127.0.0.1:5080, 0.0.0.0:5080 and [::1]:5080 (port 0: any free port); without a
                // colon it would read "5080" as the IPv4 address 0.0.19.216, so a port is required.
                if (i + 1 >= args.Count || !args[i + 1].Contains(':', StringComparison.Ordinal) || !IPEndPoint.TryParse(args[i + 1], out var endpoint))
                {
                    error = $"--listen needs an IP address and port such as 127.0.0.1:5080; {Usage}";
                    return null;
                }

                i++;
                options = options with { Address = endpoint.Address, Port = endpoint.Port };
                continue;
            }

            if (name is not ("--port" or "--parent-pid" or "--min-threads" or "--max-delay-ms"))
            {
                error = $"unknown argument '{name}'; {Usage}";
                return null;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], System.Globalization.NumberStyles.None, null, out var value))
            {
                error = $"{name} needs a non-negative integer value; {Usage}";
                return null;
            }

            i++;
            switch (name)
            {
                case "--port" when value <= 65535:
                    options = options with { Port = value };
                    break;
                case "--parent-pid" when value > 0:
                    options = options with { ParentPid = value };
                    break;
                case "--min-threads" when value > 0:
                    options = options with { MinThreads = value };
                    break;
                case "--max-delay-ms":
                    options = options with { MaxDelayMs = value };
                    break;
                default:
                    error = $"{name} value {value} is out of range; {Usage}";
                    return null;
            }
        }

        return options;
    }
}
