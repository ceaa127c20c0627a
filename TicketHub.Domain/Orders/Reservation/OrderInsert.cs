using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Orders.Reservation;

/// <summary>
/// Stores a new order in one INSERT, without the change tracker: a reservation on SQLite runs inside the single
/// writer's batch, where every unit's cost is paid by every buyer queued behind it.
/// </summary>
internal static class OrderInsert
{
    public static Task<int> RunAsync(TicketHubDbContext db, Order o, CancellationToken ct) => db.Database.ExecuteSqlAsync($"""
        INSERT INTO "Orders" ("Id", "BuyerId", "EventId", "TicketLotId", "ListingId", "Count", "UnitPriceCents", "AmountCents",
            "Currency", "Status", "PaymentMethod", "PaymentReference", "FailureCode", "IdempotencyKey", "StockBucket",
            "CreatedAtUtc", "UpdatedAtUtc")
        VALUES ({o.Id}, {o.BuyerId}, {o.EventId}, {o.TicketLotId}, {o.ListingId}, {o.Count}, {o.UnitPriceCents}, {o.AmountCents},
            {o.Currency}, {o.Status.ToString()}, {o.PaymentMethod}, {o.PaymentReference}, {o.FailureCode}, {o.IdempotencyKey}, {o.StockBucket},
            {o.CreatedAtUtc}, {o.UpdatedAtUtc})
        """, ct);
}
