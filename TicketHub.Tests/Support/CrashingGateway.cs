using TicketHub.Domain.Payments;

namespace TicketHub.Tests.Support;

/// <summary>Charges like the test gateway, then throws as a process would die: before or after the money moved.</summary>
public sealed class CrashingGateway : IPaymentGateway
{
    public TestPaymentGateway Inner { get; } = new();
    public bool CrashBeforeCharging { get; set; }
    public bool CrashAfterCharging { get; set; }

    public async Task<PaymentOutcome> ChargeAsync(PaymentRequest request, CancellationToken ct)
    {
        if (CrashBeforeCharging) throw new PaymentUnavailableException("connection reset before the charge");
        var outcome = await Inner.ChargeAsync(request, ct);
        if (CrashAfterCharging) throw new PaymentUnavailableException("connection reset after the charge");
        return outcome;
    }

    public Task<PaymentOutcome?> FindAsync(string orderId, CancellationToken ct) => Inner.FindAsync(orderId, ct);
}
