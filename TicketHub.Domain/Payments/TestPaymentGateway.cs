using System.Collections.Concurrent;

namespace TicketHub.Domain.Payments;

/// <summary>
/// The built-in gateway: works offline and follows the payment provider's test tokens (pm_card_visa and
/// pm_card_mastercard succeed, pm_card_chargeDeclined* are declined). Charges are remembered per order id, so a
/// repeated charge returns the first outcome, as the real provider's idempotency keys do.
/// </summary>
public sealed class TestPaymentGateway : IPaymentGateway
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

    private readonly ConcurrentDictionary<string, PaymentOutcome> _charges = new(StringComparer.Ordinal);
    private int _chargeCount;

    /// <summary>How many charges were really made (repeats of an order id are not counted).</summary>
    public int ChargeCount => Volatile.Read(ref _chargeCount);

    public Task<PaymentOutcome> ChargeAsync(PaymentRequest request, CancellationToken ct) =>
        Task.FromResult(_charges.GetOrAdd(request.OrderId, _ =>
        {
            if (!Tokens.TryGetValue(request.PaymentMethod, out var declineCode))
                return PaymentOutcome.Decline("invalid_payment_method");
            if (declineCode is not null) return PaymentOutcome.Decline(declineCode);
            Interlocked.Increment(ref _chargeCount);
            return PaymentOutcome.Success($"test_pi_{request.OrderId}");
        }));

    public Task<PaymentOutcome?> FindAsync(string orderId, CancellationToken ct) =>
        Task.FromResult(_charges.TryGetValue(orderId, out var outcome) ? outcome : null);
}
