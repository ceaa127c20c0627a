namespace TicketHub.Domain.Orders;

/// <summary>
/// How many tickets one user has bought (or holds reserved) for one event, over vendor stock and resale together.
/// Raised by a conditional update so two concurrent purchases cannot both pass the per-event cap.
/// </summary>
public sealed class PurchaseCounter
{
    public const int MaxPerEvent = 10;

    public string UserId { get; set; } = "";
    public string EventId { get; set; } = "";
    public int Bought { get; set; }
}
