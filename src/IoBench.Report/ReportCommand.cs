using System.Text.Json;

namespace IoBench.Report;

/// <summary>
/// <c>scripts/report.sh RESULT_DIR...</c>: regenerates every report and chart of each result folder from its
/// iobench-data.json alone. Exit codes: 0 written, 2 bad input (no such folder, no data file, a file that is not a
/// data file), with one line on stderr and nothing written for that folder.
/// </summary>
public static class ReportCommand
{
    private const string Usage = "usage: iobench-report RESULT_DIR... (each folder holding an iobench-data.json)";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0 || args.Any(a => a is "-h" or "--help"))
        {
            (args.Count == 0 ? error : output).WriteLine(Usage);
            return args.Count == 0 ? 2 : 0;
        }

        var status = 0;
        foreach (var folder in args)
        {
            var dataFile = Path.Combine(folder, RunData.FileName);
            try
            {
                if (!File.Exists(dataFile))
                {
                    throw new FileNotFoundException($"{dataFile} does not exist");
                }

                foreach (var path in ReportSet.Write(folder, ReportSet.Read(dataFile)))
                {
                    output.WriteLine(path);
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
