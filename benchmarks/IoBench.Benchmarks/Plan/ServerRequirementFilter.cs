using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;

namespace IoBench.Benchmarks.Plan;

/// <summary>
/// Leaves out a category's benchmarks when the server they need does not answer, and says so in one line; the rest
/// of the suite runs as usual. The probe runs once, and only if a case of the category is selected at all.
/// </summary>
/// <param name="category">The category that needs the server.</param>
/// <param name="probe">Null when the server answers, else why not.</param>
/// <param name="howToStart">What the user can do about it, appended to the line.</param>
public sealed class ServerRequirementFilter(string category, Func<string?> probe, string howToStart, TextWriter output) : IFilter
{
    private readonly Lazy<string?> _unavailable = new(probe);
    private int _told;

    public bool Predicate(BenchmarkCase benchmarkCase)
    {
        if (!benchmarkCase.Descriptor.Categories.Contains(category) || _unavailable.Value is not { } reason)
        {
            return true;
        }

        if (Interlocked.Exchange(ref _told, 1) == 0)
        {
            output.WriteLine($"iobench: skipping the {category} benchmarks: {reason}. {howToStart}");
        }

        return false;
    }
}
