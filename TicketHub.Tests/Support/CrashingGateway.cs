using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketHub.Domain.Payments;

namespace TicketHub.Tests.Support;

/// <summary>Charges like the test gateway, then throws as a process would die: before or after the money moved.</summary>
public sealed class CrashingGateway(TestPaymentGateway inner) : IPaymentGateway
{
    /// <summary>Puts it in front of the app's test gateway, which keeps its charges in the app's database.</summary>
    public static void Install(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IPaymentGateway>(sp => new CrashingGateway(sp.GetRequiredService<TestPaymentGateway>())));

    /// <summary>The one an app got from <see cref="Install"/>.</summary>
    public static CrashingGateway Of(TicketHubFactory app) => (CrashingGateway)app.Services.GetRequiredService<IPaymentGateway>();

    public TestPaymentGateway Inner => inner;
    public bool CrashBeforeCharging { get; set; }
    public bool CrashAfterCharging { get; set; }

    /// <summary>Asking about a charge fails as when the provider does not answer.</summary>
    public bool Unreachable { get; set; }

    public async Task<PaymentOutcome> ChargeAsync(PaymentRequest request, CancellationToken ct)
    {
        if (CrashBeforeCharging) throw new PaymentUnavailableException("connection reset before the charge");
        var outcome = await Inner.ChargeAsync(request, ct);
        if (CrashAfterCharging) throw new PaymentUnavailableException("connection reset after the charge");
        return outcome;
    }

    public Task<PaymentOutcome?> FindAsync(string orderId, CancellationToken ct) =>
        Unreachable ? throw new PaymentUnavailableException("no answer about the charge") : Inner.FindAsync(orderId, ct);
}
