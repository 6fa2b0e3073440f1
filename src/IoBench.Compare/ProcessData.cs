namespace IoBench.Compare;

/// <summary>
/// The per-process figures of a run's schema 4 data file (<see cref="CaseLatencies.ProcessData"/>), by canonical case key:
/// their presence makes the run's cells compared process against process, and their pool states decide whether a steady
/// pool cell is judged across runtimes.
/// </summary>
public sealed class ProcessData(IReadOnlyDictionary<CaseKey, CaseProcesses> cases)
{
    public IReadOnlyDictionary<CaseKey, CaseProcesses> Cases { get; } = cases;

    public CaseProcesses? Of(CaseKey key) => Cases.TryGetValue(CaseLatencies.Canonical(key), out var c) ? c : null;

    /// <summary>One side's cases of a comparison run, keyed by regime as <see cref="RunResults.ForFramework"/> keys them.</summary>
    public ProcessData ForSide(string side) =>
        new(Cases.Where(c => RunResults.FrameworkOf(c.Key.Job) == side).ToDictionary(c => c.Key with { Job = RunResults.RegimeOf(c.Key.Job) }, c => c.Value));
}
