using IoBench.Benchmarks;
using IoBench.Benchmarks.Columns;
using IoBench.Benchmarks.Host;
using IoBench.Core.Settings;

namespace IoBench.Tests.Benchmarks;

/// <summary>
/// docs/columns.md is what the columns' legends make today (scripts/columns-page.sh). The defect: a legend changed in
/// code while the page a reader opens still says the old meaning, or a column added that the page never lists.
/// </summary>
public sealed class ColumnsPageTests
{
    [Fact]
    public void CheckedInPage_IsWhatTheLegendsRender()
    {
        var path = Repository.PathOf(ColumnsPage.RelativePath);
        Assert.True(File.Exists(path), $"{ColumnsPage.RelativePath} is missing: run scripts/columns-page.sh");

        var (checkedIn, rendered) = (File.ReadAllText(path).Split('\n'), ColumnsPage.Render().Split('\n'));
        var line = Enumerable.Range(0, Math.Max(checkedIn.Length, rendered.Length))
            .FirstOrDefault(i => i >= checkedIn.Length || i >= rendered.Length || checkedIn[i] != rendered[i], -1);
        if (line >= 0)
        {
            Assert.Fail($"{ColumnsPage.RelativePath} is stale from line {line + 1} (\"{Line(rendered, line)}\" rendered, \"{Line(checkedIn, line)}\" checked in): run scripts/columns-page.sh");
        }
    }

    [Fact]
    public void Page_ListsEverySuiteColumnByItsLegend()
    {
        var page = ColumnsPage.Render();

        Assert.All(SuiteConfig.TheoryColumns(new SuiteSettings()), column =>
        {
            // A legend is the column's one description: it must say more than the name does.
            Assert.True(column.Legend.Length >= 40, $"the legend of {column.ColumnName} is too thin to stand alone: \"{column.Legend}\"");
            Assert.Contains($"| `{column.ColumnName}` | {column.Legend.TrimEnd('.')}. |", page, StringComparison.Ordinal);
        });
        Assert.Contains("| `Pool threads` | Thread-pool threads at the start", page, StringComparison.Ordinal);
        Assert.Contains("| `Pool` | PostgresQuery, PostgresSleep, PostgresWrite, SqlCall |", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--check")]
    [InlineData("a.md", "b.md")]
    public void Run_BadArguments_OneLineExit2AndNothingWritten(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(2, ColumnsPage.Run(args, output, error));
        Assert.Single(error.ToString().TrimEnd('\n').Split('\n'));
        Assert.Empty(output.ToString());
        Assert.All(args, a => Assert.False(File.Exists(a)));
    }

    [Fact]
    public void Run_File_WritesThePageAndSaysWhere()
    {
        var folder = Directory.CreateTempSubdirectory("iobench-columns-");
        try
        {
            var file = Path.Combine(folder.FullName, "docs", "columns.md");
            var output = new StringWriter();

            Assert.Equal(0, ColumnsPage.Run([file], output, TextWriter.Null));
            Assert.Equal(ColumnsPage.Render(), File.ReadAllText(file));
            Assert.Equal(Path.GetRelativePath(Directory.GetCurrentDirectory(), file), output.ToString().TrimEnd('\n'));
            Assert.False(File.Exists(file + ".partial"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Line(string[] lines, int index) => index < lines.Length ? lines[index] : "(end of file)";
}
