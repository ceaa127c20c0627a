namespace TicketHub.Domain.ETickets;

public enum TicketUnitStatus
{
    /// <summary>Held by its owner: the current code admits one person.</summary>
    Active,

    /// <summary>On a resale listing: the code is hidden from the seller and refused at the door until the listing is cancelled.</summary>
    Listed,
}

/// <summary>
/// One ticket of a holding: what a door admits once. The active units of a holding number exactly its count, and the
/// listed units of a listing its count plus what pending purchases reserved from it. Its code is derived (signed)
/// from the unit, the event, the owner and the generation, so it is never stored.
/// </summary>
public sealed class TicketUnit
{
    public string Id { get; set; } = "";
    public string EventId { get; set; } = "";
    public string TicketLotId { get; set; } = "";
    public string HoldingId { get; set; } = "";
    public string OwnerId { get; set; } = "";

    /// <summary>1 when first delivered; raised on every change of owner, which revokes every code of a lower generation.</summary>
    public int Generation { get; set; } = 1;

    public TicketUnitStatus Status { get; set; }
    public string? ListingId { get; set; }
    public DateTime IssuedAtUtc { get; set; }

    /// <summary>When a door admitted it; set once, by a conditional update.</summary>
    public DateTime? CheckedInAtUtc { get; set; }
}
