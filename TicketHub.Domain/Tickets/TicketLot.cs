namespace TicketHub.Domain.Tickets;

/// <summary>
/// Tickets a vendor uploaded for one event: a section and seat (or seat range / general admission label), a count and a
/// price. Sold + removed + the unsold stock = uploaded; the stock lives in <see cref="Stock"/> (buckets) and only ever
/// changes by conditional set-based updates.
/// </summary>
public sealed class TicketLot
{
    public string Id { get; set; } = "";
    public string EventId { get; set; } = "";
    public string VendorId { get; set; } = "";
    public string? Section { get; set; }
    public string Seat { get; set; } = "";
    public int Uploaded { get; set; }
    public int Removed { get; set; }
    public List<TicketLotStock> Stock { get; set; } = [];
    public long PriceCents { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
