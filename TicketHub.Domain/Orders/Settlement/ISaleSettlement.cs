using TicketHub.Domain.Common;
using TicketHub.Domain.Payments;

namespace TicketHub.Domain.Orders.Settlement;

/// <summary>
/// The way to Paid: marks a Pending order Paid and delivers its tickets (the buyer's holding, the ticket units, and for a
/// resale the seller's payout), all of it or nothing, exactly once whoever asks. One implementation per database
/// provider, chosen at start-up.
/// </summary>
public interface ISaleSettlement
{
    /// <summary>True when this call settled the order; false when another worker had (the order was no longer Pending).</summary>
    Task<bool> PayAsync(Order order, PaymentOutcome outcome, DateTime now, CancellationToken ct);
}

internal static class SaleSettlements
{
    /// <summary>The order was no longer Pending: another worker (a reconciler, a retried request) settled it first.</summary>
    public static readonly Error AlreadySettled = new("already_settled", "The order was settled by another worker.");
}
