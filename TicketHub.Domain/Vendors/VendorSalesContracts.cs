namespace TicketHub.Domain.Vendors;

/// <summary>
/// A vendor's paid primary sales per day over a window of days, each sale counted on the day it was ordered as the
/// calendar reads at its event's venue. <see cref="Tickets"/> and each revenue series have one value per day.
/// </summary>
public sealed record DailySales(IReadOnlyList<DateOnly> Days, IReadOnlyList<int> Tickets, IReadOnlyList<CurrencySeries> Revenue);

/// <summary>Revenue per day in one currency (currencies are never added together).</summary>
public sealed record CurrencySeries(string Currency, IReadOnlyList<decimal> Amounts)
{
    public decimal Total => Amounts.Sum();
}

/// <summary>
/// One lot of an event: <see cref="Sold"/> paid tickets, <see cref="Pending"/> tickets held by orders whose payment is
/// being confirmed, and on resale: <see cref="OnResale"/> tickets listed now and <see cref="Resold"/> tickets sold on.
/// Sold + pending + removed + remaining = uploaded.
/// </summary>
public sealed record LotSales(
    string LotId, string? Section, string Seat, decimal Price, int Uploaded, int Sold, int Pending, int Removed, int Remaining,
    int OnResale, int Resold);

/// <summary>An event's sales per lot, for the vendor who created it.</summary>
public sealed record EventSales(string EventId, string Currency, IReadOnlyList<LotSales> Lots);

/// <summary>
/// One order of an event's sales export: what a vendor needs to reconcile money and admit people (the order number is
/// the entry reference), and nothing that identifies the buyer. <see cref="Channel"/> is "primary" (the vendor's
/// stock, the vendor's revenue) or "resale" (a fan selling on, the seller's money).
/// </summary>
public sealed record SaleRecord(
    string OrderId, DateTime OrderedAt, string TimeZone, string Status, string Channel, string LotId, string? Section, string Seat,
    int Tickets, decimal UnitPrice, decimal Amount, string Currency);
