using IoBench.Benchmarks.Plan;
using System.Globalization;
using IoBench.Core.Settings;
using IoBench.Core.Strategies;

namespace IoBench.Benchmarks.Parameters;

/// <summary>
/// The ServerMinThreads parameter of HttpBlockingServer: the latency server's ThreadPool.SetMinThreads, 0 printing as
/// "default" (the runtime's, = cores). A cheap, deterministic descriptor that BenchmarkDotNet rebuilds in the child.
/// </summary>
public readonly record struct ServerPoolSize(int MinThreads) : ICellRule
{
    public static ServerPoolSize Default => default;

    /// <summary>The --min-threads to start the server with; null keeps the runtime's default.</summary>
    public int? ServerArgument => MinThreads == 0 ? null : MinThreads;

    public string? WhyNotRun(StrategyKind strategy, int n, int k, SuiteSettings settings) =>
        strategy == StrategyKind.Sequential && n > 10
            ? "one request at a time never meets the server pool's limit (Sequential runs up to N = 10)"
            : null;

    public override string ToString() => MinThreads == 0 ? "default" : MinThreads.ToString(CultureInfo.InvariantCulture);
}
