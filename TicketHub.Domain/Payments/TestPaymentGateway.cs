using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Payments;

/// <summary>
/// The built-in gateway: works offline and follows the payment provider's test tokens (pm_card_visa, pm_card_mastercard
/// and pm_card_amex succeed, pm_card_chargeDeclined* are declined, any other is invalid_payment_method). Charges are kept in the database per order id
/// (<see cref="TestPaymentCharge"/>), so a repeated charge returns the first outcome, as the real provider's
/// idempotency keys do, and every node of a cluster finds every charge. The record commits durably before the
/// outcome is returned, as a provider's does.
/// </summary>
public sealed class TestPaymentGateway(IDbContextFactory<TicketHubDbContext> dbFactory, IWriteUnits writes, TimeProvider clock) : IPaymentGateway
{
    public static readonly IReadOnlyDictionary<string, string?> Tokens = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["pm_card_visa"] = null,
        ["pm_card_mastercard"] = null,
        ["pm_card_amex"] = null,
        ["pm_card_chargeDeclined"] = "card_declined",
        ["pm_card_chargeDeclinedInsufficientFunds"] = "insufficient_funds",
        ["pm_card_chargeDeclinedExpiredCard"] = "expired_card",
    };

    // One row per order: a charge repeated for the same order stores nothing.
    private static readonly FixedStatement Record = new("""
        INSERT INTO "TestPaymentCharges" ("OrderId", "AmountMinor", "Currency", "PaymentMethod", "Succeeded", "Reference", "DeclineCode", "CreatedAtUtc")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})
        ON CONFLICT ("OrderId") DO NOTHING
        """, typeof(string), typeof(long), typeof(string), typeof(string), typeof(bool), typeof(string), typeof(string), typeof(DateTime));

    public async Task<PaymentOutcome> ChargeAsync(PaymentRequest request, CancellationToken ct)
    {
        var declineCode = Tokens.TryGetValue(request.PaymentMethod, out var code) ? code : "invalid_payment_method";
        var reference = $"test_pi_{request.OrderId}";
        try
        {
            var recorded = await writes.RunStatementAsync<PaymentOutcome>(async db =>
            {
                var charge = new TestPaymentCharge
                {
                    OrderId = request.OrderId, AmountMinor = request.AmountMinor, Currency = request.Currency, PaymentMethod = request.PaymentMethod,
                    Succeeded = declineCode is null, Reference = reference, DeclineCode = declineCode, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                };
                var stored = await Record.ExecuteAsync(db, ct, charge.OrderId, charge.AmountMinor, charge.Currency, charge.PaymentMethod,
                    charge.Succeeded, charge.Reference, charge.DeclineCode, charge.CreatedAtUtc);
                // Nothing stored: this order was charged before, and that first charge's outcome stands.
                if (stored == 0) charge = await db.TestPaymentCharges.AsNoTracking().FirstAsync(c => c.OrderId == request.OrderId, ct);
                return charge.ToOutcome();
            }, ct);
            return recorded.Value!;
        }
        catch (DbException ex)
        {
            // The insert may or may not have committed: the outcome is unknown, as when a provider does not answer.
            throw new PaymentUnavailableException($"The test gateway could not record the charge for order {request.OrderId}: {ex.Message}", ex);
        }
    }

    public async Task<PaymentOutcome?> FindAsync(string orderId, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var charge = await db.TestPaymentCharges.AsNoTracking().FirstOrDefaultAsync(c => c.OrderId == orderId, ct);
            return charge?.ToOutcome();
        }
        catch (DbException ex)
        {
            throw new PaymentUnavailableException($"The test gateway could not be asked about order {orderId}: {ex.Message}", ex);
        }
    }

    /// <summary>How many charges succeeded (repeats of an order id are one charge).</summary>
    public async Task<int> CountSucceededChargesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TestPaymentCharges.CountAsync(c => c.Succeeded, ct);
    }
}
