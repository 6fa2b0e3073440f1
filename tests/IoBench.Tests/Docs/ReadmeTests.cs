using System.Reflection;
using IoBench.Core.Strategies;
using IoBench.Core.Workloads;
using IoBench.Report;

namespace IoBench.Tests.Docs;

/// <summary>
/// The README a newcomer reads in five minutes: short, its result tables rendered from the current run, its test
/// command the one CI runs, every strategy and workload named. Everything else lives beside what it describes, each a
/// README of its own, and the link test keeps the way there open.
/// </summary>
public sealed class ReadmeTests
{
    private const int MaxLines = 200;

    private static readonly string Readme = Repository.PathOf("README.md");

    [Fact]
    public void Readme_IsAtMost200Lines()
    {
        var lines = File.ReadAllLines(Readme).Length;

        Assert.True(lines <= MaxLines, $"README.md has {lines} lines, more than {MaxLines}: move the detail to the README of the component it describes");
    }

    [Fact]
    public void CiRun_RunsTheReadmesTestCommand()
    {
        // .ci/run ends in `exec <command>`; the README's code blocks must hold that same command, as typed.
        var command = File.ReadAllLines(Repository.PathOf(".ci", "run")).Last(l => l.StartsWith("exec ", StringComparison.Ordinal))["exec ".Length..].Trim();
        var code = CodeLines(Readme).Select(l => l.Split('#')[0].Trim());

        Assert.Contains(command, code);
    }

    [Fact]
    public void Readme_NamesEveryStrategyAndEveryWorkload()
    {
        var text = File.ReadAllText(Readme);
        var workloads = typeof(WorkloadNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);

        Assert.All(Enum.GetNames<StrategyKind>(), s => Assert.Contains($"`{s}`", text, StringComparison.Ordinal));
        Assert.All(workloads, w => Assert.Contains(w, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Readmes_HoldTheirGeneratedBlocks()
    {
        // Without the blocks the currency test below would pass on nothing.
        Assert.NotNull(GeneratedBlock.HeadlineTable.Find(File.ReadAllText(Readme)));
        Assert.NotNull(GeneratedBlock.AtAGlanceTables.Find(File.ReadAllText(Repository.PathOf("results", "README.md"))));
    }

    [Fact]
    public void EveryGeneratedBlock_OfEveryMarkdownFile_IsCurrent()
    {
        var checkedBlocks = 0;
        foreach (var file in MarkdownFiles.All())
        {
            var text = File.ReadAllText(file);
            foreach (var block in GeneratedBlock.All)
            {
                if (block.Find(text) is not { } published)
                {
                    continue;
                }

                // The block names its run through its link to the run's report; re-rendered from that run's data file.
                var report = MarkdownFiles.RelativeLinks(file).Select(l => l.Target).FirstOrDefault(t => t.EndsWith("/" + MarkdownReport.FileName, StringComparison.Ordinal) && published.Contains($"({t})", StringComparison.Ordinal));
                Assert.True(report is not null, $"{file}: its {block.Option} block links no {MarkdownReport.FileName}");
                var folder = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, report)))!;
                var current = block.Render(file, folder, ReportSet.Read(Path.Combine(folder, RunData.FileName)));

                Assert.True(current == published, $"{Path.GetRelativePath(Repository.Root, file)}: its {block.Option} block is not what the run renders; run scripts/report.sh {block.Option} {Path.GetRelativePath(Repository.Root, file)} {Path.GetRelativePath(Repository.Root, folder)}");
                checkedBlocks++;
            }
        }

        Assert.True(checkedBlocks >= 2);
    }

    /// <summary>The lines inside the file's fenced code blocks.</summary>
    private static IEnumerable<string> CodeLines(string file)
    {
        var inFence = false;
        foreach (var line in File.ReadLines(file))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (inFence)
            {
                yield return line;
            }
        }
    }
}
