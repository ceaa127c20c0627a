using TicketHub.Domain.Common;

namespace TicketHub.Domain.Orders.Reservation;

/// <summary>
/// Takes a new Pending order's tickets out of sale (vendor stock from the lot's buckets, or a resale listing), counts
/// them towards the buyer's cap for the event and stores the order: all of it, or nothing. One implementation per
/// database provider, chosen at start-up.
/// </summary>
public interface IStockReservation
{
    /// <summary>
    /// Errors: sold_out, insufficient_quantity, purchase_limit_exceeded, and <see cref="StockReservations.DuplicateKey"/>
    /// when a request with the same idempotency key got there first (nothing was reserved).
    /// </summary>
    Task<Result<bool>> ReserveAsync(Order order, CancellationToken ct);
}

public static class StockReservations
{
    /// <summary>The same purchase (buyer and idempotency key) is already stored; the caller replays it.</summary>
    public static readonly Error DuplicateKey = new("duplicate_key", "The same purchase is already in progress.");
}
