using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using IoBench.Benchmarks.Host;
using IoBench.Core.Settings;
using IoBench.Report;

namespace IoBench.Benchmarks.Columns;

/// <summary>
/// <c>scripts/columns-page.sh</c>: docs/columns.md, rendered from the legends (<see cref="IColumn.Legend"/>) of the
/// columns a run's tables print and from the families' parameters, so that a column's meaning is written once, where
/// BenchmarkDotNet also prints it under the console's table. A test renders it again and compares it with the checked-in
/// page. Exit codes: 0 written, 2 bad input (one line on stderr, nothing written).
/// </summary>
public static class ColumnsPage
{
    /// <summary>The app's first argument that renders the page instead of running the suite.</summary>
    public const string Verb = "columns-page";

    /// <summary>Where the page is checked in, relative to the repository's root.</summary>
    public const string RelativePath = "docs/columns.md";

    private const string Usage = "usage: IoBench.Benchmarks columns-page [FILE] (writes the columns page to FILE, or to standard output without one)";

    /// <summary>Every family: each concrete type of the app with a [Benchmark] method (the families, the baseline, the floor).</summary>
    public static IReadOnlyList<Type> Families { get; } = [.. typeof(ColumnsPage).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute), inherit: true)))
        .OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>
    /// BenchmarkDotNet's own columns in the suite's tables: its statistics (Median and the rest appear where its
    /// summary style asks for them) and a comparison run's ratio to the baseline job.
    /// </summary>
    private static IEnumerable<IColumn> BenchmarkDotNetColumns =>
        [StatisticColumn.Mean, StatisticColumn.Error, StatisticColumn.StdDev, StatisticColumn.Median, BaselineRatioColumn.RatioMean, BaselineRatioColumn.RatioStdDev];

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count > 1 || args.Any(a => a.StartsWith('-')))
        {
            error.WriteLine(Usage);
            return 2;
        }

        var text = Render();
        if (args.Count == 0)
        {
            output.Write(text);
            return 0;
        }

        var path = Path.GetFullPath(args[0]);
        output.WriteLine(Path.GetRelativePath(Directory.GetCurrentDirectory(), ResultFile.Write(Path.GetDirectoryName(path)!, Path.GetFileName(path), text)));
        return 0;
    }

    public static string Render()
    {
        var page = new StringBuilder();
        page.Append("# The columns of a run's tables\n\n")
            .Append("<!-- scripts/columns-page.sh: generated from the columns' legends, do not edit by hand -->\n\n")
            .Append("Every table BenchmarkDotNet prints for the suite (the console, `report-github.md`, CSV, HTML) has these columns. Each\n")
            .Append("meaning below is the column's legend (`IColumn.Legend`), which the console also prints under its table: to change\n")
            .Append("one, change the legend in `benchmarks/IoBench.Benchmarks/Columns/` (N×L and max(L): `src/IoBench.Core/Columns/`)\n")
            .Append("and run `scripts/columns-page.sh`.\n\n");

        page.Append("## The suite's columns\n\n")
            .Append("In the order they print, after BenchmarkDotNet's statistics. A figure the benchmark processes print shows `-` in\n")
            .Append("`--quick`, which runs in process and keeps no child output.\n\n");
        Table(page, "Column", SuiteConfig.TheoryColumns(new SuiteSettings()));

        page.Append("\n## BenchmarkDotNet's columns\n\n")
            .Append("`Mean` is the time of a whole batch of N operations (`OperationsPerInvoke = 1`), except in the per-operation\n")
            .Append("families of `--cost` (ZeroLatency, HarnessFloor: `OperationsPerInvoke = N`), whose `Mean` is per operation, in\n")
            .Append("nanoseconds. `Job` names the thread-pool regime (`Steady` or `Cold`) and, in a comparison of runtimes, the side\n")
            .Append("and process (`Steady-net8.0-p2`); the job's settings that differ between jobs follow it as columns of their own.\n")
            .Append("`Type` names the family and `Method` its benchmark (`Batch`; the baseline's `WhenAllDelay`, the floor's `Loop`).\n\n");
        Table(page, "Column", BenchmarkDotNetColumns);

        page.Append("\n## Parameters\n\n")
            .Append("Each parameter of a family is a column of its own, named after the parameter and holding its value; what a\n")
            .Append("value means is documented with the parameter's type and its family.\n\n")
            .Append("| Parameter | Families |\n|---|---|\n");
        foreach (var (parameter, families) in Parameters())
        {
            page.Append($"| `{parameter}` | {string.Join(", ", families)} |\n");
        }

        return page.ToString();
    }

    private static void Table(StringBuilder page, string header, IEnumerable<IColumn> columns)
    {
        page.Append($"| {header} | Meaning |\n|---|---|\n");
        foreach (var column in columns)
        {
            page.Append($"| `{column.ColumnName}` | {Cell(column.Legend)}. |\n");
        }
    }

    /// <summary>
    /// Each parameter's name with the families that have it (the name without "Benchmarks"); a parameter every batch
    /// family has (<see cref="BatchBenchmarks"/>'s) is said so once rather than listed nineteen times.
    /// </summary>
    private static IEnumerable<(string Parameter, IReadOnlyList<string> Families)> Parameters()
    {
        var batchFamilies = Families.Where(f => f.IsSubclassOf(typeof(BatchBenchmarks))).ToHashSet();
        return Families
            .SelectMany(family => family.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.IsDefined(typeof(ParamsSourceAttribute), inherit: true) || p.IsDefined(typeof(ParamsAttribute), inherit: true) || p.IsDefined(typeof(ParamsAllValuesAttribute), inherit: true))
                .Select(p => (Parameter: p.Name, Family: family)))
            .GroupBy(p => p.Parameter, p => p.Family, StringComparer.Ordinal)
            .OrderBy(g => batchFamilies.IsSubsetOf(g) ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)(batchFamilies.IsSubsetOf(g)
                ? ["every batch family (`BatchBenchmarks`)", .. g.Except(batchFamilies).Select(Name)]
                : [.. g.Select(Name)])));
    }

    private static string Name(Type family) => family.Name.EndsWith("Benchmarks", StringComparison.Ordinal) ? family.Name[..^"Benchmarks".Length] : family.Name;

    // A legend is one line for the console; in a markdown table cell its pipes would end the cell.
    private static string Cell(string legend) => legend.Replace("|", "\\|", StringComparison.Ordinal).TrimEnd('.');
}
