using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IoBench.Benchmarks;
using IoBench.Benchmarks.Columns;
using IoBench.Benchmarks.Host;
using IoBench.Benchmarks.Runtimes;
using IoBench.Core.Settings;

namespace IoBench.Tests.Benchmarks;

/// <summary>
/// Every header of a summary table names one column. The defect: the PostgreSQL tables printed two columns named "Pool"
/// (the connection-pool parameter and the thread-pool column), and readers and tools took one for the other. Each
/// configuration the suite makes is checked on a summary of every family at once (the suite joins its summaries, so
/// one table holds every family's parameters): every column its providers offer, shown or not, so that a name clash
/// cannot hide behind a column this summary happens not to show.
/// </summary>
public sealed class SummaryHeadersTests
{
    /// <summary>Each configuration a run can have: the presets, a call, process settings, and a comparison across runtimes.</summary>
    public static TheoryData<string> Configurations => new(ConfigurationsByName.Keys);

    private static readonly Dictionary<string, Func<IConfig>> ConfigurationsByName = new()
    {
        ["default"] = () => SuiteConfig.Create(new SuiteSettings()),
        ["quick"] = () => SuiteConfig.Create(new SuiteSettings { Quick = true }),
        ["cost"] = () => SuiteConfig.Create(new SuiteSettings { Cost = true }),
        ["scaling"] = () => SuiteConfig.Create(new SuiteSettings { Scaling = true }),
        ["starvation"] = () => SuiteConfig.Create(new SuiteSettings { Starvation = true }),
        ["sql-call"] = () => SuiteConfig.Create(new SuiteSettings { SqlCall = "SELECT 1" }),
        ["process-settings"] = () => SuiteConfig.Create(new SuiteSettings { ServerGc = true, ProcessorCount = 3, MinWorkerThreads = 40 }),
        ["runtimes"] = () => SuiteConfig.Create(new SuiteSettings { Comparison = true }, runtimes: new RuntimeChoice(["net8.0", "net9.0", "net10.0"], "dotnet")),
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void SummaryOfEveryFamily_HasUniqueHeaders(string configuration)
    {
        var summary = SummaryOfEveryFamily(ConfigurationsByName[configuration]());

        // BenchmarkDotNet keeps one column per Id (a parameter two families share is one column); a name is one column too.
        var offered = ColumnsOffered(summary);
        Assert.All(offered.GroupBy(c => c.ColumnName), g => Assert.True(g.Count() == 1, $"\"{g.Key}\" names {g.Count()} columns: {string.Join(", ", g.Select(c => c.Id))}"));
        var printed = summary.Table.Columns.Where(c => c.NeedToShow).Select(c => c.Header).ToList();
        Assert.Equal(printed.Distinct(StringComparer.Ordinal), printed);

        // Not vacuous: the PostgreSQL families' Pool parameter and the thread-pool column are both in the table.
        Assert.Contains("Pool", printed);
        Assert.Contains("Pool threads", printed);
    }

    [Fact]
    public void Families_AreEveryFamilyOfTheSuite()
    {
        Assert.Contains(typeof(PostgresSleepBenchmarks), ColumnsPage.Families);
        Assert.Contains(typeof(SqlCallBenchmarks), ColumnsPage.Families);
        Assert.Contains(typeof(BareDelayBaseline), ColumnsPage.Families);
        Assert.DoesNotContain(typeof(BatchBenchmarks), ColumnsPage.Families);
        Assert.True(ColumnsPage.Families.Count >= 20, $"{ColumnsPage.Families.Count} families");
    }

    /// <summary>
    /// One case of each family, and one of the baseline family on each of the configuration's jobs (the columns depend on
    /// the parameters' names and the jobs, not on their values; every family on every job of a comparison is tens of
    /// thousands of cases), each with one measured batch, under the configuration's columns. Its filters are left out:
    /// they would drop the families of a server that is not running here (PostgreSQL) or of another preset, whose
    /// columns the run prints.
    /// </summary>
    private static Summary SummaryOfEveryFamily(IConfig suite)
    {
        IConfig Unfiltered(IEnumerable<Job> jobs) => ManualConfig.CreateEmpty()
            .AddColumnProvider([.. suite.GetColumnProviders()])
            .AddJob([.. jobs])
            .WithSummaryStyle(suite.SummaryStyle)
            .WithOptions(suite.Options);
        var jobs = suite.GetJobs().ToList();
        var cases = ColumnsPage.Families.Where(family => family != typeof(BareDelayBaseline))
            .Select(family => BenchmarkConverter.TypeToBenchmarks(family, Unfiltered(jobs.Take(1))).BenchmarksCases[0])
            .Concat(BenchmarkConverter.TypeToBenchmarks(typeof(BareDelayBaseline), Unfiltered(jobs)).BenchmarksCases.GroupBy(c => c.Job.Id).Select(g => g.First()))
            .Select(c => (c, new[] { 20.0 }))
            .ToArray();
        return KnownSummary.FromBatches(cases);
    }

    private static List<IColumn> ColumnsOffered(Summary summary) =>
        [.. summary.GetColumns().Concat(summary.BenchmarksCases.First().Config.GetColumnProviders().SelectMany(p => p.GetColumns(summary)))
            .GroupBy(c => c.Id).Select(g => g.First())];
}
