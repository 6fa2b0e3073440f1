using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Plan;

/// <summary>
/// The default suite runs the families without a <see cref="PresetAttribute"/>; a preset (--scaling, --cost, --starvation,
/// --http-call, --sql-call) runs the families of that preset and nothing else, so the command alone decides what runs (a
/// --filter narrows it further).
/// </summary>
public sealed class PresetFilter(SuiteSettings settings) : IFilter
{
    public bool Predicate(BenchmarkCase benchmarkCase) => Runs(benchmarkCase.Descriptor.Type);

    public bool Runs(Type family) => PresetAttribute.Of(family) == settings.Preset;
}
