using System.Collections.Concurrent;
using System.Text;

namespace TicketHub.Web.Bench;

/// <summary>
/// The benchmark's yardstick, mapped only when <c>Bench:Enabled</c> is true: a fixed, pre-serialised JSON body of the
/// requested size with no auth, database or cache — the most this machine serves through Kestrel for such a response.
/// </summary>
public static class CeilingEndpoint
{
    private const int MaxBytes = 1 << 20;
    private static readonly ConcurrentDictionary<int, byte[]> Bodies = new();

    public static void MapBenchCeiling(this IEndpointRouteBuilder app, IConfiguration config)
    {
        if (!config.GetValue("Bench:Enabled", false)) return;
        app.MapGet("/bench/ceiling", (int? bytes) =>
        {
            var size = Math.Clamp(bytes ?? 16_384, 2, MaxBytes);
            return Results.Bytes(Bodies.GetOrAdd(size, Body), "application/json");
        }).ExcludeFromDescription().AllowAnonymous();
    }

    // A JSON array of one string padded to the exact size.
    private static byte[] Body(int size) => Encoding.ASCII.GetBytes("[\"" + new string('x', size - 4) + "\"]");
}
