namespace IoBench.Compare;

/// <summary>What a schema 4 data file says of one case's processes, for judging pool cells like with like.</summary>
/// <param name="Regime">Steady or Cold.</param>
/// <param name="N">The batch's operations.</param>
/// <param name="DependsOnPoolHistory">True when the cell's time depends on the thread pool's history (a pool cell).</param>
/// <param name="MinWorkerThreads">The benchmark processes' minimum of worker threads, as they printed it.</param>
/// <param name="Warmups">Each steady process's warm-up: the pool's threads when it began measuring, and whether it had settled.</param>
public sealed record CaseProcesses(string Regime, int N, bool DependsOnPoolHistory, int? MinWorkerThreads, IReadOnlyList<(int PoolEnd, bool Settled)> Warmups)
{
    /// <summary>A steady pool cell: its figure depends on the state the warm-up left the pool in.</summary>
    public bool SteadyPoolCell => DependsOnPoolHistory && Regime == "Steady";
}
