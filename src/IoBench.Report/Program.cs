namespace IoBench.Report;

/// <summary>Entry point of <c>scripts/report.sh</c>; everything else lives in <see cref="ReportCommand"/>.</summary>
internal static class Program
{
    public static int Main(string[] args) => ReportCommand.Run(args, Console.Out, Console.Error);
}
