using BenchmarkDotNet.Characteristics;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains;
using BenchmarkDotNet.Toolchains.Parameters;
using BenchmarkDotNet.Toolchains.Results;
using BenchmarkDotNet.Validators;

namespace IoBench.Benchmarks.Calls;

/// <summary>
/// A call run's time cap as the run goes (--time-cap-s): BenchmarkDotNet's own toolchain, whose executor starts no case
/// that its estimate (<see cref="CaseTimeEstimate"/>) would end after the cap. The plan already leaves out the N its
/// estimate puts over the cap (<see cref="IoBench.Core.Theory.CallPlan"/>); this holds the cap when the run is slower than
/// estimated (a busy machine, a target that slows down). A case not started is reported as not run, with the reason.
/// </summary>
public sealed class TimeCapToolchain(IToolchain inner, TimeCapClock clock) : IToolchain, IEquatable<TimeCapToolchain>
{
    public IToolchain Inner => inner;

    public string Name => inner.Name;

    public IGenerator Generator => inner.Generator;

    public IBuilder Builder => inner.Builder;

    public IExecutor Executor { get; } = new CappedExecutor(inner.Executor, clock);

    public bool IsInProcess => inner.IsInProcess;

    public IEnumerable<ValidationError> Validate(BenchmarkCase benchmarkCase, IResolver resolver) => inner.Validate(benchmarkCase, resolver);

    // BenchmarkDotNet builds once for the cases whose toolchains are equal: the wrapped one decides.
    public bool Equals(TimeCapToolchain? other) => other is not null && inner.Equals(other.Inner);

    public override bool Equals(object? obj) => Equals(obj as TimeCapToolchain);

    public override int GetHashCode() => inner.GetHashCode();

    public override string ToString() => inner.ToString() ?? Name;

    private sealed class CappedExecutor(IExecutor inner, TimeCapClock clock) : IExecutor
    {
        public ExecuteResult Execute(ExecuteParameters executeParameters)
        {
            if (clock.WhyNotStart(executeParameters.BenchmarkCase) is { } reason)
            {
                executeParameters.Logger.WriteLineError($"// {BatchBenchmarks.FailurePrefix.Replace("failed", "not run", StringComparison.Ordinal)} {reason}");
                return new ExecuteResult(true, 0, null, [], [], [], executeParameters.LaunchIndex);
            }

            return inner.Execute(executeParameters);
        }
    }
}
