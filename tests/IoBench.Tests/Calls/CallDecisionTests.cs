using System.Globalization;
using IoBench.Core.Theory;
using IoBench.Report;
using IoBench.Report.Call;

namespace IoBench.Tests.Calls;

/// <summary>
/// The decision section of a call run, rendered from synthetic data files whose figures make it say different things:
/// a call that never saturates, one whose client limit C saturates from N = 20, one that saturates by itself, a noisy
/// middle N that does not make a departure, and a run that is not a call's (no section).
/// </summary>
public sealed class CallDecisionTests
{
    private const double L = 20;

    private static readonly int[] Ops = [2, 5, 10, 20, 50, 100];

    [Fact]
    public void Render_NotACallRun_IsEmpty() =>
        Assert.Equal(string.Empty, CallDecision.Render(Run(null, [Family("unlimited", [])])));

    [Fact]
    public void Render_AsyncAtMaxLEverywhere_SaysItStaysWithinUpToTheLargestN()
    {
        var text = CallDecision.Render(Run("GET http://h/x", [Family("unlimited", [.. Ops.Select(n => Case("Task", n, L * 1.05)), .. Ops.Select(n => Case("Sequential", n, L * n))])]));

        Assert.Contains("## Decision: GET http://h/x", text, StringComparison.Ordinal);
        Assert.Contains("stays within 1.5 × max(L) up to N = 100", text, StringComparison.Ordinal);
        Assert.DoesNotContain("leaves max(L)", text, StringComparison.Ordinal);
        Assert.Matches(@"\| 5 \| Task 21\.0 ms \(1\.05\) \| Task \| Task 21\.0 ms \(1\.05\) \| 20\.0 ms \|", text);
        Assert.Matches(@"\| 100 \| .* \| 200 ms \|", text); // ceil(100/10) x 20 ms
    }

    [Fact]
    public void Render_ClientLimitC_NamesTheNAndTheClient()
    {
        var unlimited = Family("unlimited", [.. Ops.Select(n => Case("Task", n, L * 1.05)), .. Ops.Select(n => Case("ValueTask", n, L * 1.1))]);
        // C = 10 runs only where it binds (N > 10): waves of ceil(N/10) x L.
        var limited = Family("10", [.. Ops.Where(n => n > 10).Select(n => Case("Task", n, L * Math.Ceiling(n / 10.0) * 1.04)), .. Ops.Where(n => n > 10).Select(n => Case("ValueTask", n, L * Math.Ceiling(n / 10.0) * 1.02))]);

        var text = Section(CallDecision.Render(Run("GET http://h/x", [unlimited, limited])), "HttpCall (Connections = 10)");

        Assert.Contains("From N = 20 the best async strategy leaves max(L) by more than 1.5 ×: ValueTask took 40.8 ms (2.04 × max(L)) at N = 20.", text, StringComparison.Ordinal);
        Assert.Contains("the client's saturation: its limit C = 10", text, StringComparison.Ordinal);
        Assert.Contains("| 10 (C = 10 cannot bind: the unlimited configuration's cells) |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CallSaturatesByItself_NamesTheCallAndHowManyOverlap()
    {
        // No client limit: the target serves 25 at a time, so ceil(N/25) x L from N = 50.
        var cells = Ops.Select(n => Case("Task", n, L * Math.Ceiling(n / 25.0) * 1.02)).ToList();

        var text = CallDecision.Render(Run("GET http://h/x", [Family("unlimited", cells)]));

        Assert.Contains("From N = 50 the best async strategy leaves max(L)", text, StringComparison.Ordinal);
        Assert.Contains("the call's own saturation (no client limit binds at N = 50): about 24.5 calls overlapped", text, StringComparison.Ordinal);
        Assert.DoesNotContain("client's saturation", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OneSlowMiddleN_IsNotADeparture()
    {
        var cells = Ops.Select(n => Case("Task", n, n == 10 ? L * 1.8 : L * 1.1)).ToList();

        var text = CallDecision.Render(Run("GET http://h/x", [Family("unlimited", cells)]));

        Assert.Contains("stays within 1.5 × max(L) up to N = 100", text, StringComparison.Ordinal);
        Assert.Matches(@"\| 10 \| Task 36\.0 ms \(1\.80\) \| none \|", text);
    }

    [Fact]
    public void Render_MedianBatch_OneSlowBatchDoesNotDecide()
    {
        var slowFirst = Case("Task", 50, L) with { IterationsMs = [95, 20.5, 20.4, 21, 20.8] };

        var text = CallDecision.Render(Run("GET http://h/x", [Family("unlimited", [Case("Task", 20, L), slowFirst])]));

        Assert.Matches(@"\| 50 \| Task 20\.8 ms \(1\.04\) \| Task \|", text);
    }

    [Fact]
    public void Render_NoAsyncStrategyRan_SaysItCannotTell()
    {
        var text = CallDecision.Render(Run("GET http://h/x", [Family("unlimited", [.. Ops.Select(n => Case("Thread", n, L * 1.2))])]));

        Assert.Contains("No async strategy ran", text, StringComparison.Ordinal);
        Assert.Matches(@"\| 20 \| Thread 24\.0 ms \(1\.20\) \| Thread \| not run \|", text);
    }

    [Fact]
    public void MarkdownReport_CallRun_IsTitledWithTheCallAndHasTheSection()
    {
        var text = MarkdownReport.Render(Run("GET http://***@h/x", [Family("unlimited", [Case("Task", 20, L)])]));

        Assert.StartsWith("# IoBench report: GET http://***@h/x", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("## Decision: ", StringComparison.Ordinal) < text.IndexOf("## Environment", StringComparison.Ordinal));
    }

    private static string Section(string text, string title)
    {
        var start = text.IndexOf($"### {title}", StringComparison.Ordinal);
        var end = text.IndexOf("### ", start + 4, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static CaseData Case(string strategy, int n, double ms) =>
        new("HttpCall", new Dictionary<string, string>(), strategy, n, 0, "Steady", false, true, [ms, ms, ms, ms, ms], ms, ms, ms,
            new LatencyData("Async", L, L, L, L, L, 30), n * L, L, null, null, null, null, null, null, null, null);

    private static (string Connections, IReadOnlyList<CaseData> Cases) Family(string connections, IReadOnlyList<CaseData> cases) => (connections, cases);

    private static RunData Run(string? call, IReadOnlyList<(string Connections, IReadOnlyList<CaseData> Cases)> families)
    {
        var cases = families.SelectMany(f => f.Cases.Select(c => c with { Parameters = new Dictionary<string, string> { ["Connections"] = f.Connections } })).ToList();
        var environment = new RunEnvironmentData("0.15.8", "Linux", "cpu", 2, [".NET 10.0.12"], 2, 1, new Dictionary<string, long>(),
            new Dictionary<string, string> { ["IOBENCH_LIMIT"] = "10", ["IOBENCH_LATENCY_MS"] = "20" }) { Call = call };
        return new RunData(RunData.CurrentSchema, environment, cases)
        {
            Families = [.. families.Select(f =>
            {
                var parameters = new Dictionary<string, string> { ["Connections"] = f.Connections };
                var rows = f.Cases.Select(c => new RowData(c.Strategy, c.K)).Distinct().ToList();
                return new FamilyData("HttpCall", parameters, FamilyData.TitleOf("HttpCall", parameters), [.. CallPlan.Ladder.Where(n => Ops.Contains(n))], rows, [], [], []) { LatencySampledPerBatch = true };
            })],
        };
    }
}
