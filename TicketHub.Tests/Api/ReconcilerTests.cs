using System.Net;
using Microsoft.EntityFrameworkCore;
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

    private CrashingGateway Gateway => CrashingGateway.Of(App);

    protected override void ConfigureServices(IServiceCollection services) => CrashingGateway.Install(services);

    private Task<int> ReconcileAsync() => ReconcileAsync(App);

    private static async Task<int> ReconcileAsync(TicketHubFactory node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PendingOrderReconciliation>().ReconcileAsync(TimeSpan.Zero, Ct);
    }

    [Fact]
    public async Task A_charge_made_before_the_crash_ends_as_a_paid_order_with_its_tickets()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 5);
        var buyer = await IndividualAsync();
        Gateway.CrashAfterCharging = true;

        var response = await BuyAsync(buyer, lot, 2);

        Assert.Equal("payment_unavailable", (await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable)).Code);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, await ReconcileAsync());
        await using var db = App.Database.CreateContext();
        Assert.Equal(OrderStatus.Paid, db.Orders.Single().Status);
        Assert.Equal(2, (await (await buyer.GetAsync("/api/tickets/view-tickets", Ct)).ReadOkAsync<HoldingBody[]>()).Single().Count);
        Assert.Equal(1, await Gateway.Inner.CountSucceededChargesAsync(Ct));
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task A_crash_before_any_charge_releases_the_reserved_tickets()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 5);
        var buyer = await IndividualAsync();
        Gateway.CrashBeforeCharging = true;

        await (await BuyAsync(buyer, lot, 2)).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        await ReconcileAsync();

        await using var db = App.Database.CreateContext();
        Assert.Equal(OrderStatus.Failed, db.Orders.Single().Status);
        Assert.Equal(5, db.TicketLotStock.Sum(s => s.Remaining));
        Assert.Equal(0, db.PurchaseCounters.Single().Bought);
        Assert.Equal(0, await Gateway.Inner.CountSucceededChargesAsync(Ct));
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

    [Fact]
    public async Task Two_nodes_reconciling_the_same_pending_orders_settle_each_order_once()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 100);
        var buyers = await IndividualsAsync(12);
        // Half the requests die after the charge (the order must end Paid), half before it (it must end Failed).
        for (var i = 0; i < buyers.Length; i++)
        {
            Gateway.CrashAfterCharging = i % 2 == 0;
            Gateway.CrashBeforeCharging = i % 2 == 1;
            await (await BuyAsync(buyers[i], lot, 3)).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        }
        // The second node has the plain test gateway: it finds the first node's charges in the database.
        await using var secondNode = App.CreateSecondNode();

        var settled = await Task.WhenAll(
            Task.Run(() => ReconcileAsync(App), Ct), Task.Run(() => ReconcileAsync(secondNode), Ct),
            Task.Run(() => ReconcileAsync(App), Ct), Task.Run(() => ReconcileAsync(secondNode), Ct));

        Assert.Equal(buyers.Length, settled.Sum());
        await using var db = App.Database.CreateContext();
        Assert.Equal(6, await db.Orders.CountAsync(o => o.Status == OrderStatus.Paid, Ct));
        Assert.Equal(6, await db.Orders.CountAsync(o => o.Status == OrderStatus.Failed, Ct));
        Assert.Equal(6 * 3, await db.Holdings.SumAsync(h => h.Count, Ct));
        Assert.Equal(100 - 6 * 3, await db.TicketLotStock.SumAsync(s => s.Remaining, Ct));
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }
}
