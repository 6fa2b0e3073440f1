namespace IoBench.Compare;

/// <summary>Entry point of <c>scripts/compare-runs.sh</c>; everything else lives in <see cref="CompareCommand"/>.</summary>
internal static class Program
{
    public static int Main(string[] args) => CompareCommand.Run(args, Console.Out, Console.Error);
}
