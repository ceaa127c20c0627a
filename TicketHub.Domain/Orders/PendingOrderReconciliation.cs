using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TicketHub.Domain.Data;
using TicketHub.Domain.Payments;

namespace TicketHub.Domain.Orders;

/// <summary>Repairs orders a process left Pending between the charge and the settlement.</summary>
public sealed class PendingOrderReconciliation(
    IDbContextFactory<TicketHubDbContext> dbFactory, IPaymentGateway payments, OrderSettlement settlement, TimeProvider clock,
    ILogger<PendingOrderReconciliation> logger)
{
    /// <summary>
    /// Settles Pending orders older than <paramref name="olderThan"/> by asking the payment provider: a charge found
    /// makes the order Paid, no charge or a decline releases it. Every node may run this at once: an order is settled by
    /// exactly one of them. Returns how many this call settled.
    /// </summary>
    public async Task<int> ReconcileAsync(TimeSpan olderThan, CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - olderThan;
        List<Order> stale;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            stale = await db.Orders.AsNoTracking()
                .Where(o => o.Status == OrderStatus.Pending && o.CreatedAtUtc <= cutoff)
                .OrderBy(o => o.CreatedAtUtc).Take(100).ToListAsync(ct);
        }
        var settled = 0;
        foreach (var order in stale)
        {
            try
            {
                var outcome = await payments.FindAsync(order.Id, ct) ?? PaymentOutcome.Decline("no_charge");
                var (result, byThisCall) = await settlement.SettleAsync(order, outcome, ct);
                if (!byThisCall) continue;   // another node's reconciler or the buying request itself got there first
                logger.LogInformation("Reconciled order {OrderId}: {Status}.", order.Id, result.Status);
                settled++;
            }
            catch (PaymentUnavailableException ex)
            {
                // Only the gateway throws this; the order stays pending for the next round.
                logger.LogWarning(ex, "Could not ask the gateway about order {OrderId}; will retry.", order.Id);
            }
        }
        return settled;
    }
}
