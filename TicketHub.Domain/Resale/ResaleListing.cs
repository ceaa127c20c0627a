namespace TicketHub.Domain.Resale;

/// <summary>An active listing with nothing left is sold out; that is derived from its count, not a status.</summary>
public enum ListingStatus
{
    Active,
    Cancelled,
}

/// <summary>Tickets moved out of a seller's holding and offered to other individuals at no more than the seller paid.</summary>
public sealed class ResaleListing
{
    public string Id { get; set; } = "";
    public string SellerId { get; set; } = "";
    public string HoldingId { get; set; } = "";
    public string TicketLotId { get; set; } = "";
    public string EventId { get; set; } = "";
    /// <summary>Tickets still for sale.</summary>
    public int Count { get; set; }
    public int Sold { get; set; }
    public long PriceCents { get; set; }
    public long SellerPaidCents { get; set; }
    public ListingStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>What a seller is owed for tickets sold through a resale listing.</summary>
public sealed class Payout
{
    public string Id { get; set; } = "";
    public string SellerId { get; set; } = "";
    public string ListingId { get; set; } = "";
    public string OrderId { get; set; } = "";
    public int Count { get; set; }
    public long AmountCents { get; set; }
    public string Currency { get; set; } = "USD";
    public DateTime CreatedAtUtc { get; set; }
}
