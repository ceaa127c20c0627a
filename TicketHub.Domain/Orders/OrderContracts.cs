namespace TicketHub.Domain.Orders;

/// <summary>
/// A purchase request: <see cref="ListingId"/> buys from that resale listing instead of the vendor's stock;
/// <see cref="IdempotencyKey"/> (unique per buyer) makes a retried request return the first result; <see cref="QueuePass"/>
/// is the waiting room's pass, needed while the event's on-sale is queued.
/// </summary>
public sealed record BuyCommand(
    string? TicketId, int? Count, string? ListingId = null, string? PaymentMethod = null, string? IdempotencyKey = null, string? QueuePass = null);

/// <summary>A purchase as its buyer is answered; the REST API writes <see cref="Status"/> as its lower-case word.</summary>
public sealed record OrderSummary(
    string OrderId, string TicketId, string? ListingId, int Count, decimal Amount, string Currency, OrderStatus Status);

/// <summary>A ticket holding as its owner sees it (view-tickets for individuals); <see cref="TimeZone"/> is the venue's.</summary>
public sealed record HoldingView(
    string TicketId, string EventId, string EventName, DateTime StartTime, string VenueName, string? Section, string Seat,
    int Count, decimal PurchasePrice, DateTime PurchaseDate, int ListedCount, string Currency, string TimeZone);

/// <summary>
/// An order as its buyer sees it (a confirmation page, view-orders; the REST API writes <see cref="Status"/> as its
/// lower-case word); <see cref="FailureCode"/> is the payment provider's reason when it failed (e.g. card_declined).
/// </summary>
public sealed record OrderDetails(
    string OrderId, string EventId, string EventName, DateTime StartTime, string VenueName, string TicketId, string? ListingId,
    string? Section, string Seat, int Count, decimal UnitPrice, decimal Amount, string Currency, OrderStatus Status, DateTime CreatedAt,
    DateTime UpdatedAt, string? FailureCode);
