using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace TicketHub.Domain.Common;

/// <summary>
/// Opaque ids of 14 characters (docs/api.md allows 15): 10 Crockford base32 characters of the millisecond clock, so new rows
/// land at the end of the primary-key index, then 4 characters of a per-process sequence. The sequence starts at a random
/// value and counts up, so one process never makes the same id twice unless it makes over a million in one millisecond
/// (4 random characters repeated within a millisecond once a flash sale made a few thousand ids a second).
/// </summary>
public static class Ids
{
    public const int MaxLength = 15;

    /// <summary>Whether a string could be an id at all (present, short enough, plain text): anything else names nothing.</summary>
    public static bool CanBe([NotNullWhen(true)] string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxLength && PlainText.IsPlain(id);
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    private static int _sequence = RandomNumberGenerator.GetInt32(int.MaxValue);

    public static string New(TimeProvider? clock = null)
    {
        var ms = (ulong)(clock ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        Span<char> id = stackalloc char[14];
        for (var i = 9; i >= 0; i--)
        {
            id[i] = Alphabet[(int)(ms & 31)];
            ms >>= 5;
        }
        var next = (uint)Interlocked.Increment(ref _sequence);
        for (var i = 13; i >= 10; i--)
        {
            id[i] = Alphabet[(int)(next & 31)];
            next >>= 5;
        }
        return new string(id);
    }
}
