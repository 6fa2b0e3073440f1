using IoBench.Core.Settings;

namespace IoBench.Benchmarks.Plan;

/// <summary>
/// On a benchmark class: the family belongs to a run of its own (<see cref="Presets"/>), chosen with --scaling, --cost,
/// --starvation, --http-call or --sql-call, and is left out of the default suite. <see cref="PresetFilter"/> applies it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PresetAttribute(string name) : Attribute
{
    public string Name => name;

    /// <summary>The preset of a benchmark class, or null for a family of the default suite.</summary>
    public static string? Of(Type type) =>
        type.GetCustomAttributes(typeof(PresetAttribute), inherit: true).OfType<PresetAttribute>().FirstOrDefault()?.Name;
}
