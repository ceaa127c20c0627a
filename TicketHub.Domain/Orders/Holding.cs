namespace TicketHub.Domain.Orders;

/// <summary>
/// Tickets of one lot that a user owns, at one price paid each. Holdings are only ever created by a purchase, so
/// "only tickets bought here can be resold" holds by construction.
/// </summary>
public sealed class Holding
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string TicketLotId { get; set; } = "";
    public string EventId { get; set; } = "";
    public int Count { get; set; }
    public long PricePaidCents { get; set; }
    public DateTime PurchasedAtUtc { get; set; }
}
