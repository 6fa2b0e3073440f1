using System.Net;
using System.Text;
using System.Text.Json;
using IoBench.Core.Workloads;

namespace IoBench.Core.Http;

/// <summary>
/// Checks one answer of the latency server: 200 and a body that echoes the requested ms, this request's id and the
/// handler kind, so a wrong, stale or someone else's answer can never count as a fast operation.
/// </summary>
internal static class LatencyResponseCheck
{
    private const int MaxQuotedBodyChars = 200;

    public static void Verify(HttpStatusCode status, ReadOnlySpan<byte> body, Uri request, int ms, string id, string kind)
    {
        if (status != HttpStatusCode.OK)
        {
            throw new WorkloadCheckException($"GET {request} answered {(int)status} {status}: {Quote(body)}");
        }

        int? seenMs = null;
        string? seenId = null;
        string? seenKind = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                if (reader.ValueTextEquals("ms"u8) && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
                {
                    seenMs = value;
                }
                else if (reader.ValueTextEquals("id"u8) && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    seenId = reader.GetString();
                }
                else if (reader.ValueTextEquals("kind"u8) && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    seenKind = reader.GetString();
                }
            }
        }
        catch (JsonException e)
        {
            throw new WorkloadCheckException($"GET {request} answered a body that is not JSON ({e.Message}): {Quote(body)}");
        }

        if (seenMs != ms || seenId != id || seenKind != kind)
        {
            throw new WorkloadCheckException($"GET {request} expected ms={ms} id={id} kind={kind}, got: {Quote(body)}");
        }
    }

    private static string Quote(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Length > MaxQuotedBodyChars ? body[..MaxQuotedBodyChars] : body);
        return body.IsEmpty ? "(empty body)" : $"'{text}'";
    }
}
