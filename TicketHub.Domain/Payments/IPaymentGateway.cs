namespace TicketHub.Domain.Payments;

/// <summary>A charge for one order. The order id doubles as the idempotency key, so charging twice charges once.</summary>
public sealed record PaymentRequest(string OrderId, long AmountMinor, string Currency, string PaymentMethod, string Description);

public enum PaymentStatus
{
    Succeeded,
    Declined,
}

public sealed record PaymentOutcome(PaymentStatus Status, string? Reference, string? DeclineCode = null)
{
    public static PaymentOutcome Success(string reference) => new(PaymentStatus.Succeeded, reference);
    public static PaymentOutcome Decline(string code, string? reference = null) => new(PaymentStatus.Declined, reference, code);
}

/// <summary>The only door to the outside payment provider.</summary>
public interface IPaymentGateway
{
    /// <summary>
    /// Charges the payment method. Returns Succeeded or Declined; throws <see cref="PaymentUnavailableException"/>
    /// when the provider cannot be reached or answers with an error that is not a decline (the outcome is unknown).
    /// </summary>
    Task<PaymentOutcome> ChargeAsync(PaymentRequest request, CancellationToken ct);

    /// <summary>The outcome of an earlier charge for this order, or null when the provider has no charge for it.</summary>
    Task<PaymentOutcome?> FindAsync(string orderId, CancellationToken ct);
}

public sealed class PaymentUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary><c>Test</c> (in-process, follows the provider's test tokens) or <c>Stripe</c>.</summary>
    public string Provider { get; set; } = "Test";

    /// <summary>
    /// A Pending order older than this is taken to belong to a request that died, and is reconciled. Fractions are
    /// allowed (the fault tests use 0.5).
    /// </summary>
    public double PendingTimeoutMinutes { get; set; } = 5;

    public int ReconcileIntervalSeconds { get; set; } = 60;
}
