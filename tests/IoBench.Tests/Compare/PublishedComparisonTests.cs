using IoBench.Compare;

namespace IoBench.Tests.Compare;

/// <summary>
/// The comparisons results/README.md documents run as printed on the published folders: the v5 pair, the v4 pair and v4
/// against v3 were made with the same settings, each runtime comparison is one run. Defect caught: a settings check that refuses the
/// published pairs, or a documented command that fails on the folders it names.
/// </summary>
public sealed class PublishedComparisonTests
{
    private static string Published(string name) => Repository.PathOf("results", name);

    [Theory]
    [InlineData("2026-12-06-net10-debian12-2core-v5-repeat", "2026-12-06-net10-debian12-2core-v5")]
    [InlineData("2026-11-23-net10-debian12-2core-v4-repeat", "2026-11-23-net10-debian12-2core-v4")]
    [InlineData("2026-11-23-net10-debian12-2core-v3", "2026-11-23-net10-debian12-2core-v4")]
    [InlineData("2026-11-23-net10-debian12-2core-v3-repeat", "2026-11-23-net10-debian12-2core-v3")]
    public void Run_PublishedPairs_HaveMatchingSettingsAndCompare(string a, string b)
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = CompareCommand.Run([Published(a), Published(b)], output, error);

        Assert.True(exitCode == 0, error.ToString());
        Assert.Contains($"- **A**: `results/{a}`", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Settings differ", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PublishedV3AgainstV2_IsRefusedForItsWarmUp_AndComparesWhenAllowed()
    {
        // v3 shortened the steady warm-up from 6 s to 4 s: against-v2.md compares that change, so it needs the option.
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(2, CompareCommand.Run([Published("2026-11-23-net10-debian12-2core-v2"), Published("2026-11-23-net10-debian12-2core-v3")], output, error));
        Assert.Contains("steady warm-up (s) 6 vs 4", error.ToString(), StringComparison.Ordinal);

        Assert.Equal(0, CompareCommand.Run([Published("2026-11-23-net10-debian12-2core-v2"), Published("2026-11-23-net10-debian12-2core-v3"), "--allow-different-settings"], output, error));
    }

    [Fact]
    public void Run_PublishedRuntimeComparison_ComparesTheRuntimesAndBothControls()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, CompareCommand.Run([Published("2026-12-06-runtimes-net8-net9-net10-debian12-2core"), "--baseline", "net8.0"], output, error));
        var report = output.ToString();
        Assert.Contains("- **Run**: `results/2026-12-06-runtimes-net8-net9-net10-debian12-2core`", report, StringComparison.Ordinal);
        Assert.Contains("net8.0-control", report, StringComparison.Ordinal);
        Assert.Contains("net8.0-slowed", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PublishedRuntimeComparison_ComparesItsOwnReportNotTheWideFirstRunBesideIt()
    {
        // Defect caught: the folder search also read wide-first-run/report-full.json.gz and refused "appears twice".
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, CompareCommand.Run([Published("2026-11-23-runtimes-net8-net9-net10-debian12-2core"), "--baseline", "net8.0"], output, error));
        Assert.Contains("- **Run**: `results/2026-11-23-runtimes-net8-net9-net10-debian12-2core`", output.ToString(), StringComparison.Ordinal);
    }
}
