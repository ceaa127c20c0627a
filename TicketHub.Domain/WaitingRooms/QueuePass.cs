using TicketHub.Domain.ETickets;

namespace TicketHub.Domain.WaitingRooms;

/// <summary>
/// Admission through a waiting room: this user may buy this event's tickets until the expiry. Signed by the platform
/// key, so buy-ticket checks it without a database read, on every node.
/// </summary>
public sealed record QueuePass(string EventId, string UserId, DateTime ExpiresAtUtc)
{
    public string Seal(PlatformKey key) => SignedToken.Seal(key, new SignedToken.PayloadWriter(SignedToken.QueuePassKind)
        .String(EventId).String(UserId).Int64(new DateTimeOffset(ExpiresAtUtc, TimeSpan.Zero).ToUnixTimeSeconds()).ToArray());

    /// <summary>The pass when it is well formed and signed by the platform; null otherwise (expiry is the caller's to check).</summary>
    public static QueuePass? Open(byte[] publicKey, string? token)
    {
        if (SignedToken.Open(publicKey, token, SignedToken.QueuePassKind) is not { } reader) return null;
        var eventId = reader.String();
        var userId = reader.String();
        var expires = reader.Int64();
        if (!reader.AtEnd || expires < 0 || expires > DateTimeOffset.MaxValue.ToUnixTimeSeconds()) return null;
        return new QueuePass(eventId, userId, DateTimeOffset.FromUnixTimeSeconds(expires).UtcDateTime);
    }
}
