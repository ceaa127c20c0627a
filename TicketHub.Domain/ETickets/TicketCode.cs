namespace TicketHub.Domain.ETickets;

/// <summary>
/// What a ticket code says, signed by the platform: this unit of this event belongs to this owner, at this generation.
/// Every change of owner raises the generation, so an earlier code of the same unit is revoked.
/// </summary>
public sealed record TicketCode(string UnitId, string EventId, string OwnerId, int Generation)
{
    public string Seal(PlatformKey key) => SignedToken.Seal(key, new SignedToken.PayloadWriter(SignedToken.TicketCodeKind)
        .String(UnitId).String(EventId).String(OwnerId).Int32(Generation).ToArray());

    /// <summary>The code's claims when it is well formed and signed by the holder of <paramref name="publicKey"/>; null for a forgery.</summary>
    public static TicketCode? Open(byte[] publicKey, string? code)
    {
        if (SignedToken.Open(publicKey, code, SignedToken.TicketCodeKind) is not { } reader) return null;
        var claims = new TicketCode(reader.String(), reader.String(), reader.String(), reader.Int32());
        return reader.AtEnd && claims.Generation >= 1 ? claims : null;
    }
}
