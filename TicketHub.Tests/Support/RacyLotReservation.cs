using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Orders.Reservation;
using TicketHub.Domain.Tickets;

namespace TicketHub.Tests.Support;

/// <summary>
/// The bug the guards exist to prevent, for the control spec only: the statement production runs on PostgreSQL
/// (<see cref="PostgresLotReservation.Statement"/>) with its guards taken out — any bucket is picked, and instead of
/// a relative decrement it writes back the figure read a moment before. Two buyers who read the same figure both
/// succeed and one decrement is lost.
/// </summary>
internal sealed class RacyLotReservation(PostgresLotReservation production, IDbContextFactory<TicketHubDbContext> dbFactory) : IStockReservation
{
    private const string PickGuard = "WHERE \"LotId\" = @lot AND \"Remaining\" >= @count";
    private const string RelativeDecrement = "SET \"Remaining\" = s.\"Remaining\" - @count";
    private const string UpdateGuard = "AND s.\"Remaining\" >= @count";

    /// <summary>True when the production statement still has every guard this variant takes out (else the control proves nothing).</summary>
    public static bool StatementHasTheGuards =>
        PostgresLotReservation.Statement.Contains("FOR UPDATE SKIP LOCKED", StringComparison.Ordinal)
        && PostgresLotReservation.Statement.Contains(PickGuard, StringComparison.Ordinal)
        && PostgresLotReservation.Statement.Contains(RelativeDecrement, StringComparison.Ordinal)
        && PostgresLotReservation.Statement.Contains(UpdateGuard, StringComparison.Ordinal);

    public async Task<Result<bool>> ReserveAsync(Order order, CancellationToken ct)
    {
        int observed;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            observed = await db.TicketLotStock.Where(s => s.LotId == order.TicketLotId).OrderBy(s => s.Bucket).Select(s => s.Remaining).FirstAsync(ct);
        if (observed < order.Count) return TicketErrors.SoldOut(order.TicketLotId);   // check …
        await Task.Delay(20, ct);                                                      // … think a moment …

        var racy = PostgresLotReservation.Statement                                    // … then act on what was read
            .Replace(PickGuard, "WHERE \"LotId\" = @lot", StringComparison.Ordinal)
            .Replace(RelativeDecrement, $"SET \"Remaining\" = {observed} - @count", StringComparison.Ordinal)
            .Replace(UpdateGuard, "", StringComparison.Ordinal)
            .Replace("ORDER BY (\"Bucket\" - @start + 64) % 64", "ORDER BY \"Bucket\"", StringComparison.Ordinal)
            // Racers must meet on the one bucket they read: skipping a busy bucket (the production statement's wait
            // policy, not one of its guards) would send them to buckets whose figure they never read.
            .Replace("FOR UPDATE SKIP LOCKED", "FOR UPDATE", StringComparison.Ordinal);
        return await production.ReserveInOneStatementAsync(order, racy, ct);
    }
}
