namespace TicketHub.Domain.Orders;

public enum OrderStatus
{
    Pending,
    Paid,
    Failed,
}

/// <summary>
/// One purchase: Pending while the tickets are reserved and the payment runs, then Paid (tickets delivered) or
/// Failed (reservation released).
/// </summary>
public sealed class Order
{
    public string Id { get; set; } = "";
    public string BuyerId { get; set; } = "";
    public string EventId { get; set; } = "";
    public string TicketLotId { get; set; } = "";
    public string? ListingId { get; set; }
    public int Count { get; set; }
    public long UnitPriceCents { get; set; }
    public long AmountCents { get; set; }
    public string Currency { get; set; } = "USD";
    public OrderStatus Status { get; set; }
    public string PaymentMethod { get; set; } = "";
    public string? PaymentReference { get; set; }
    public string? FailureCode { get; set; }
    public string? IdempotencyKey { get; set; }

    /// <summary>The lot bucket the tickets were taken from (the first, when several), which a failed payment gives them back to.</summary>
    public int? StockBucket { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
