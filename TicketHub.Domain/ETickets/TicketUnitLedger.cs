using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;

namespace TicketHub.Domain.ETickets;

/// <summary>
/// Keeps ticket units in step with holdings wherever tickets change hands: each method runs inside the caller's
/// transaction, right after the caller moved the counts, so units and counts commit or roll back together.
/// </summary>
internal static class TicketUnitLedger
{
    // Enough for every race the callers allow: each round moves what another transaction did not take first.
    private const int MaxRounds = 8;

    /// <summary>
    /// A Paid order's tickets reach the buyer's holding: new units (generation 1) from vendor stock; from a resale
    /// listing, the listing's units change owner and generation, which revokes the seller's codes.
    /// </summary>
    public static async Task DeliverAsync(TicketHubDbContext db, Order order, string holdingId, DateTime now, CancellationToken ct)
    {
        if (order.ListingId is not { } listingId)
        {
            await InsertActiveAsync(db, order, holdingId, now, ct);
            return;
        }
        await MoveAsync(db, order.Count, u => u.ListingId == listingId && u.Status == TicketUnitStatus.Listed, s => s
            .SetProperty(u => u.OwnerId, order.BuyerId)
            .SetProperty(u => u.HoldingId, holdingId)
            .SetProperty(u => u.Generation, u => u.Generation + 1)
            .SetProperty(u => u.Status, TicketUnitStatus.Active)
            .SetProperty(u => u.ListingId, (string?)null)
            .SetProperty(u => u.IssuedAtUtc, now), ct);
    }

    // One multi-row INSERT, without the change tracker (a sale's settlement runs inside SQLite's single writer).
    private static Task InsertActiveAsync(TicketHubDbContext db, Order order, string holdingId, DateTime now, CancellationToken ct)
    {
        var values = new object?[6 + order.Count];
        (values[0], values[1], values[2], values[3], values[4], values[5]) =
            (order.EventId, order.TicketLotId, holdingId, order.BuyerId, nameof(TicketUnitStatus.Active), now);
        for (var i = 0; i < order.Count; i++) values[6 + i] = Ids.New();
        return InsertActive[order.Count - 1].ExecuteAsync(db, ct, values);
    }

    // The statement for n units at [n - 1] (n up to the per-event cap): {0}..{5} are shared, {6}.. the units' ids.
    private static readonly FixedStatement[] InsertActive = Enumerable.Range(1, PurchaseCounter.MaxPerEvent).Select(n => new FixedStatement(
        """
        INSERT INTO "TicketUnits" ("Id", "EventId", "TicketLotId", "HoldingId", "OwnerId", "Generation", "Status", "ListingId", "IssuedAtUtc", "CheckedInAtUtc")
        VALUES 
        """ + string.Join(", ", Enumerable.Range(0, n).Select(i => $"({{{6 + i}}}, {{0}}, {{1}}, {{2}}, {{3}}, 1, {{4}}, NULL, {{5}}, NULL)")),
        [typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(DateTime), .. Enumerable.Repeat(typeof(string), n)])).ToArray();

    /// <summary>
    /// Listing hides codes: <paramref name="count"/> active units of the holding that no door has admitted become
    /// listed. Returns how many could be listed: fewer than asked (some were used at the door) lists none, and the
    /// caller rolls back.
    /// </summary>
    public static async Task<int> ListAsync(TicketHubDbContext db, string holdingId, string listingId, int count, CancellationToken ct)
    {
        var available = await db.TicketUnits.CountAsync(
            u => u.HoldingId == holdingId && u.Status == TicketUnitStatus.Active && u.CheckedInAtUtc == null, ct);
        if (available < count) return available;
        await MoveAsync(db, count, u => u.HoldingId == holdingId && u.Status == TicketUnitStatus.Active && u.CheckedInAtUtc == null, s => s
            .SetProperty(u => u.Status, TicketUnitStatus.Listed)
            .SetProperty(u => u.ListingId, listingId), ct);
        return count;
    }

    /// <summary>Listed tickets that go back to their seller (a cancelled listing, a failed purchase from one): the same codes show again.</summary>
    public static Task ReturnAsync(TicketHubDbContext db, string listingId, int count, CancellationToken ct) =>
        count == 0
            ? Task.CompletedTask
            : MoveAsync(db, count, u => u.ListingId == listingId && u.Status == TicketUnitStatus.Listed, s => s
                .SetProperty(u => u.Status, TicketUnitStatus.Active)
                .SetProperty(u => u.ListingId, (string?)null), ct);

    // Units of one kind are interchangeable, so "any n of them" is chosen by id and moved by a conditional update whose
    // WHERE repeats the choice: a unit another transaction moved meanwhile no longer matches, and the next round takes
    // another. Rows affected, not the read, decide how many moved.
    private static async Task MoveAsync(
        TicketHubDbContext db, int count, System.Linq.Expressions.Expression<Func<TicketUnit, bool>> which,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<TicketUnit>> set, CancellationToken ct)
    {
        var moved = 0;
        for (var round = 0; moved < count; round++)
        {
            var ids = await db.TicketUnits.Where(which).OrderBy(u => u.Id).Select(u => u.Id).Take(count - moved).ToListAsync(ct);
            if (ids.Count == 0 || round == MaxRounds)
                throw new InvalidOperationException($"Ticket units out of step with the counts: {count - moved} of {count} could not be moved.");
            moved += await db.TicketUnits.Where(which).Where(u => ids.Contains(u.Id)).ExecuteUpdateAsync(set, ct);
        }
    }
}
