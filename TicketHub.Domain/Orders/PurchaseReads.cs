using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Orders;

/// <summary>What a purchase reads before it reserves, in one compiled query: the lot, its event, and whether the buyer is an individual.</summary>
internal sealed record LotForSale(string Id, string EventId, long PriceCents, DateTime StartUtc, string Currency, bool BuyerIsIndividual);

internal sealed class PurchaseReads
{
    public readonly Func<TicketHubDbContext, string, string, CancellationToken, Task<LotForSale?>> LotForSale = EF.CompileAsyncQuery(
        (TicketHubDbContext db, string lotId, string buyerId, CancellationToken ct) => db.TicketLots.Where(t => t.Id == lotId)
            .Join(db.Events, t => t.EventId, e => e.Id, (t, e) => new LotForSale(t.Id, t.EventId, t.PriceCents, e.StartUtc, e.Currency,
                db.UserRoles.Any(r => r.UserId == buyerId && r.RoleId == RoleIds.Individual)))
            .FirstOrDefault());

    public readonly Func<TicketHubDbContext, string, CancellationToken, Task<bool>> IsIndividual = EF.CompileAsyncQuery(
        (TicketHubDbContext db, string buyerId, CancellationToken ct) => db.UserRoles.Any(r => r.UserId == buyerId && r.RoleId == RoleIds.Individual));
}
