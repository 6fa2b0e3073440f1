using System.Text.Json.Serialization;

namespace IoBench.LatencyServer;

/// <summary>Source-generated JSON so nothing is serialized through reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DelayResponse))]
[JsonSerializable(typeof(StatsResponse))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
