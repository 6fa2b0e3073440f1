using System.Diagnostics;
using IoBench.Core.Workloads;

namespace IoBench.Tests.Workloads;

/// <summary>The calibrated amount comes from the full amount timed over a window, not from a few small trials alone.</summary>
[Collection(nameof(CalibrationStoreTests))] // the store reads an environment variable that test changes
public sealed class WorkCalibrationTests
{
    [Fact]
    public void AmountFor_TrialsSlowedThreefold_StillSizesTheFullAmountToL()
    {
        // Work of 1 us a unit, done by spinning on the clock. Every call at the trial size is three times slower, as when
        // another process takes the CPU while the trials run: the trials alone (the old calibration) would give a
        // third of the amount. The fastest of the full-amount runs over the window sets it instead.
        const long Trial = 1_000;
        void Run(long units)
        {
            var slowdown = units == Trial ? 3 : 1;
            var until = Stopwatch.GetTimestamp() + (long)(units * slowdown * Stopwatch.Frequency / 1_000_000.0);
            while (Stopwatch.GetTimestamp() < until)
            {
            }
        }

        var amount = WorkCalibration.AmountFor("SlowTrials-" + Guid.NewGuid().ToString("N"), TimeSpan.FromMilliseconds(5), Trial, Run, CancellationToken.None);

        // 5,000 units when undisturbed; a preempted run only makes the fastest slower, so the band's upper side is tight.
        Assert.InRange(amount, 3_500, 5_100);
    }
}
