using System.Text.Json;
using IoBench.Report.RunCheck;

namespace IoBench.Report;

/// <summary>
/// <c>scripts/report.sh [--readme INDEX.md] [--headline README.md] RESULT_DIR...</c>: regenerates every report and chart of
/// each result folder from its iobench-data.json alone; with --readme, also the generated block of the index
/// (results/README.md): the at-a-glance tables and the claims of the first folder; with --headline, the repository
/// README's headline table of the first folder (<see cref="GeneratedBlock"/>). Exit codes: 0 written, 2 bad input (no such folder, no data file, a file that is not a
/// data file), with one line on stderr and nothing written for that folder.
/// </summary>
public static class ReportCommand
{
    private const string Usage = "usage: iobench-report [--readme INDEX.md] [--headline README.md] RESULT_DIR... (each folder holding an iobench-data.json; --readme puts the first folder's at-a-glance tables and claims into INDEX.md, --headline its headline table into README.md)";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        // scripts/check-run.sh: a verb of its own, reading a run's log rather than its data file.
        if (args.Count > 0 && args[0] == RunCheckCommand.Verb)
        {
            return RunCheckCommand.Run([.. args.Skip(1)], output, error);
        }

        if (args.Count == 0 || args.Any(a => a is "-h" or "--help"))
        {
            (args.Count == 0 ? error : output).WriteLine(Usage);
            return args.Count == 0 ? 2 : 0;
        }

        var blocks = new List<(GeneratedBlock Block, string File)>();
        var folders = args.ToList();
        foreach (var block in GeneratedBlock.All)
        {
            if (folders.IndexOf(block.Option) is var at and >= 0)
            {
                if (at + 1 >= folders.Count)
                {
                    error.WriteLine($"iobench-report: error: {block.Option} needs a file");
                    return 2;
                }

                blocks.Add((block, folders[at + 1]));
                folders.RemoveRange(at, 2);
            }
        }

        if (folders.Count == 0 || folders.Any(f => f.StartsWith('-')))
        {
            error.WriteLine(Usage);
            return 2;
        }

        var status = 0;
        foreach (var folder in folders)
        {
            var dataFile = Path.Combine(folder, RunData.FileName);
            try
            {
                if (!File.Exists(dataFile))
                {
                    throw new FileNotFoundException($"{dataFile} does not exist");
                }

                var run = ReportSet.Read(dataFile);
                // Rendered first: a run the block cannot show (no Sleep family for the headline) writes nothing.
                var rendered = folder == folders[0] ? blocks.Select(b => (b.Block, b.File, Text: b.Block.Render(b.File, folder, run))).ToList() : [];
                foreach (var path in ReportSet.Write(folder, run))
                {
                    output.WriteLine(path);
                }

                foreach (var (block, file, text) in rendered)
                {
                    output.WriteLine(block.Write(file, text));
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or JsonException or UnauthorizedAccessException)
            {
                error.WriteLine($"iobench-report: error: {e.Message}");
                status = 2;
            }
        }

        return status;
    }
}
