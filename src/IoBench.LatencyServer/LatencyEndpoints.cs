using System.Globalization;
using System.Text.Json;

namespace IoBench.LatencyServer;

/// <summary>Maps the routes the benchmark's HTTP workloads call.</summary>
internal static class LatencyEndpoints
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private static readonly byte[] HealthBody = """{"status":"ok"}"""u8.ToArray();

    public static void MapLatencyEndpoints(this WebApplication app, int maxDelayMs, ThreadPoolPeak peak, RequestCounter requests)
    {
        app.MapGet("/health", () => Results.Bytes(HealthBody, JsonContentType));

        // Non-blocking wait, like a FastAPI `async def` handler: the thread goes back to the pool.
        app.MapGet("/delay/{ms}", async (string ms, string? id, CancellationToken aborted) =>
        {
            if (!TryParseDelay(ms, maxDelayMs, out var delay, out var problem))
            {
                return problem;
            }

            peak.Observe();
            try
            {
                await Task.Delay(delay, aborted);
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                // The client went away; nobody will read a response.
                return Results.Empty;
            }

            peak.Observe();
            requests.Add();
            return DelayResult(delay, id, "delay");
        });

        // Holds the request thread, like a FastAPI `def` handler, so the server's pool size becomes visible.
        app.MapGet("/blocking/{ms}", (string ms, string? id) =>
        {
            if (!TryParseDelay(ms, maxDelayMs, out var delay, out var problem))
            {
                return problem;
            }

            peak.Observe();
            Thread.Sleep(delay);
            peak.Observe();
            requests.Add();
            return DelayResult(delay, id, "blocking");
        });

        app.MapGet("/stats", () => Results.Json(StatsReader.Read(peak, requests), ServerJsonContext.Default.StatsResponse));

        app.MapPost("/stats/reset", () =>
        {
            peak.Reset();
            return Results.NoContent();
        });
    }

    // Serialized up front so the response carries Content-Length and goes out in one write instead of chunked.
    private static IResult DelayResult(int delay, string? id, string kind) =>
        Results.Bytes(
            JsonSerializer.SerializeToUtf8Bytes(new DelayResponse(delay, id ?? string.Empty, kind), ServerJsonContext.Default.DelayResponse),
            JsonContentType);

    private static bool TryParseDelay(string text, int maxDelayMs, out int delay, out IResult problem)
    {
        problem = Results.Empty;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out delay))
        {
            problem = Results.Text($"delay must be a non-negative whole number of milliseconds, got '{text}'", "text/plain", statusCode: 400);
            return false;
        }

        if (delay > maxDelayMs)
        {
            problem = Results.Text($"delay {delay} ms is above the maximum of {maxDelayMs} ms", "text/plain", statusCode: 400);
            return false;
        }

        return true;
    }
}
