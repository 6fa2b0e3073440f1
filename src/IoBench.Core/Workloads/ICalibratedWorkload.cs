namespace IoBench.Core.Workloads;

/// <summary>A workload whose amount of work is calibrated at setup to take about L here; the figure belongs in the report.</summary>
public interface ICalibratedWorkload
{
    /// <summary>What setup chose, in words (e.g. "81,000 rows scanned per operation"); empty before setup.</summary>
    string Calibration { get; }
}
