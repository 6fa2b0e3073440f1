namespace IoBench.Compare;

/// <summary>
/// Input the comparison cannot use: a missing path, no full JSON report, a file that is not a BenchmarkDotNet full
/// report, no case in common, or a bad option. The message is the one line the command prints (exit code 2).
/// </summary>
public sealed class CompareInputException : Exception
{
    public CompareInputException()
    {
    }

    public CompareInputException(string message)
        : base(message)
    {
    }

    public CompareInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
