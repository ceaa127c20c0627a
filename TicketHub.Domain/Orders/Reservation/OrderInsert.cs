using TicketHub.Domain.Data;

namespace TicketHub.Domain.Orders.Reservation;

/// <summary>
/// Stores a new order in one INSERT, without the change tracker: a reservation on SQLite runs inside the single
/// writer's batch, where every unit's cost is paid by every buyer queued behind it.
/// </summary>
internal static class OrderInsert
{
    private static readonly FixedStatement Insert = new("""
        INSERT INTO "Orders" ("Id", "BuyerId", "EventId", "TicketLotId", "ListingId", "Count", "UnitPriceCents", "AmountCents",
            "Currency", "Status", "PaymentMethod", "PaymentReference", "FailureCode", "IdempotencyKey", "StockBucket",
            "CreatedAtUtc", "UpdatedAtUtc")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15}, {16})
        """, typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(int), typeof(long), typeof(long),
        typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(int),
        typeof(DateTime), typeof(DateTime));

    public static Task<int> RunAsync(TicketHubDbContext db, Order o, CancellationToken ct) => Insert.ExecuteAsync(db, ct,
        o.Id, o.BuyerId, o.EventId, o.TicketLotId, o.ListingId, o.Count, o.UnitPriceCents, o.AmountCents,
        o.Currency, o.Status.ToString(), o.PaymentMethod, o.PaymentReference, o.FailureCode, o.IdempotencyKey, o.StockBucket,
        o.CreatedAtUtc, o.UpdatedAtUtc);
}
