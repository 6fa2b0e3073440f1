using IoBench.Compare;
using static IoBench.Tests.Compare.CompareSamples;

namespace IoBench.Tests.Compare;

/// <summary>
/// Simulated comparisons with a seeded Random (lognormal batches, log standard deviation 0.05: about the 4.4% median
/// spread of the published steady cells): an A/A of many null pairs keeps false calls at the stated rate, and a 10% shift
/// is found at the power stated in the comment. Defect caught: ~290 tests at α = 0.05 without control, which called 24
/// changes between two runs of identical code.
/// </summary>
public sealed class FalseDiscoverySimulationTests
{
    private const double Sigma = 0.05;

    [Fact]
    public void Verdicts_AThousandNullPairsOfTwelve_CallAtMostOnePercentFasterOrSlower()
    {
        var random = new Random(20);
        var pairs = Enumerable.Range(0, 1000).Select(_ => (LogNormal(random, 12, 30, Sigma), LogNormal(random, 12, 30, Sigma))).ToList();

        var cases = Judge(pairs);
        // With no threshold only the test and its control decide: p < 0.05 alone flags about 50 of the 1000 (42 with this
        // seed), so without Benjamini-Hochberg this fails.
        var significanceOnly = Judge(pairs, new VerdictRule(Threshold: 0));

        Assert.InRange(cases.Count(c => c.PValue < 0.05), 25, 80);
        var called = significanceOnly.Count(c => c.Verdict is Verdict.Faster or Verdict.Slower);
        Assert.True(called <= 10, $"{called} of 1000 null pairs called faster or slower with no threshold");
        Assert.DoesNotContain(cases, c => c.Verdict is Verdict.Faster or Verdict.Slower);
        // Twelve a side at this spread bound most null intervals within ±5%: "same", not "unknown".
        // At this spread, twelve a side bound a null interval within ±5% about a quarter of the time (241 of 1000 with
        // this seed): the rest is "unknown", which is what 12 batches of 5% noise can say about a 5% threshold.
        Assert.InRange(cases.Count(c => c.Verdict == Verdict.Same), 180, 300);
    }

    [Fact]
    public void Verdicts_MixedComparisons_KeepTheFalseDiscoveryRateAtFivePercent()
    {
        // 200 comparisons of 145 cases, 20 of them shifted by 10%, judged with no threshold so that only the test and its
        // control decide: the share of false calls among the calls, averaged over the comparisons, stays at most the stated
        // 5% (BH guarantees (145 - 20)/145 x 5% = 4.3%); p < 0.05 alone would make it about 6 of 26 calls, ~23%.
        var random = new Random(2026);
        double falseDiscoveryProportions = 0;
        for (var comparison = 0; comparison < 200; comparison++)
        {
            var pairs = Enumerable.Range(0, 145)
                .Select(i => (A: LogNormal(random, 12, 30, Sigma), B: LogNormal(random, 12, i < 20 ? 33 : 30, Sigma)))
                .ToList();
            var cases = Judge(pairs, new VerdictRule(Threshold: 0));
            var calls = cases.Select((c, i) => (c.Verdict, Shifted: i < 20)).Where(c => c.Verdict is Verdict.Faster or Verdict.Slower).ToList();
            falseDiscoveryProportions += calls.Count == 0 ? 0 : (double)calls.Count(c => !c.Shifted) / calls.Count;
        }

        Assert.True(falseDiscoveryProportions / 200 <= 0.05, $"false-discovery rate {falseDiscoveryProportions / 200:P2}");
    }

    [Theory]
    // Measured with these seeds (1000 shifted pairs among 1000 null ones, the default 5% threshold): 12 against 12 finds a
    // 10% shift "slower" in 55.3% of cases (the interval must clear 1.05, and its half-width at this spread is about 4%) and
    // never calls one faster; 4 against 4 in none (its smallest p, 2/70, does not survive Benjamini-Hochberg over 2000 cases
    // and its interval is the range of 16 ratios): those stay unknown.
    [InlineData(12, 0.50, 0.61)]
    [InlineData(4, 0.0, 0.01)]
    public void Verdicts_TenPercentShift_FoundAtTheStatedPower(int batches, double low, double high)
    {
        var random = new Random(batches);
        var pairs = Enumerable.Range(0, 2000)
            .Select(i => (LogNormal(random, batches, 30, Sigma), LogNormal(random, batches, i < 1000 ? 33 : 30, Sigma)))
            .ToList();

        var shifted = Judge(pairs).Take(1000).ToList();

        var power = shifted.Count(c => c.Verdict == Verdict.Slower) / 1000.0;
        Assert.InRange(power, low, high);
        Assert.DoesNotContain(shifted, c => c.Verdict == Verdict.Faster);
    }
}
