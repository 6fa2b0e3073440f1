using BenchmarkDotNet.Attributes;

namespace IoBench.Core.Columns;

/// <summary>
/// Puts N×L and max(L) beside the Mean of the benchmark class it marks, with L sampled in each case's own process
/// (<see cref="CaseLatency.SampleAsync"/> in the class's [GlobalSetup]); like [MemoryDiagnoser], one attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly)]
public sealed class BoundsColumnsAttribute() : ColumnConfigBaseAttribute(BoundColumn.Sequential(), BoundColumn.Overlapped());
