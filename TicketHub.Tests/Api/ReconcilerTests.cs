using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Payments;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class ReconcilerOnSqlite() : ReconcilerTests(DatabaseProvider.Sqlite);
public sealed class ReconcilerOnPostgres() : ReconcilerTests(DatabaseProvider.Postgres);

/// <summary>A process that dies between the charge and the settlement leaves a Pending order; the reconciler settles it.</summary>
public abstract class ReconcilerTests(DatabaseProvider provider) : ApiTest(provider)
{
    public sealed record HoldingBody(int Count);

    private readonly CrashingGateway _gateway = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IPaymentGateway>(_gateway));

    private async Task<int> ReconcileAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PurchaseService>().ReconcileAsync(TimeSpan.Zero, Ct);
    }

    [Fact]
    public async Task A_charge_made_before_the_crash_ends_as_a_paid_order_with_its_tickets()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 5);
        var buyer = await IndividualAsync();
        _gateway.CrashAfterCharging = true;

        var response = await BuyAsync(buyer, lot, 2);

        Assert.Equal("payment_unavailable", (await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable)).Code);
        Assert.Equal(1, await ReconcileAsync());
        await using var db = App.Database.CreateContext();
        Assert.Equal(OrderStatus.Paid, db.Orders.Single().Status);
        Assert.Equal(2, (await (await buyer.GetAsync("/api/tickets/view-tickets", Ct)).ReadOkAsync<HoldingBody[]>()).Single().Count);
        Assert.Equal(1, _gateway.Inner.ChargeCount);
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task A_crash_before_any_charge_releases_the_reserved_tickets()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 5);
        var buyer = await IndividualAsync();
        _gateway.CrashBeforeCharging = true;

        await (await BuyAsync(buyer, lot, 2)).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        await ReconcileAsync();

        await using var db = App.Database.CreateContext();
        Assert.Equal(OrderStatus.Failed, db.Orders.Single().Status);
        Assert.Equal(5, db.TicketLots.Single().Remaining);
        Assert.Equal(0, db.PurchaseCounters.Single().Bought);
        Assert.Equal(0, _gateway.Inner.ChargeCount);
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task Settled_orders_are_left_alone()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 5);
        await (await BuyAsync(await IndividualAsync(), lot, 2)).EnsureOkAsync();

        Assert.Equal(0, await ReconcileAsync());
    }
}
