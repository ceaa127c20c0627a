using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Payments;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class OrderOutcomeOnSqlite() : OrderOutcomeTests(DatabaseProvider.Sqlite);
public sealed class OrderOutcomeOnPostgres() : OrderOutcomeTests(DatabaseProvider.Postgres);

/// <summary>view-orders and view-order, and how a client learns the end of a purchase that answered 503.</summary>
public abstract class OrderOutcomeTests(DatabaseProvider provider) : ApiTest(provider)
{
    public sealed record OrderBody(string OrderId, string TicketId, int Count, decimal Amount, string Status, string? FailureCode);

    private CrashingGateway Gateway => CrashingGateway.Of(App);

    protected override void ConfigureServices(IServiceCollection services) =>
        CrashingGateway.Install(services);

    private async Task ReconcileAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PendingOrderReconciliation>().ReconcileAsync(TimeSpan.Zero, Ct);
    }

    [Fact]
    public async Task A_buyer_sees_their_orders_newest_first_with_their_status()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10, price: 10m);
        var buyer = await IndividualAsync();
        var paid = await (await BuyAsync(buyer, lot, 1)).ReadOkAsync<OrderBody>();
        await BuyAsync(buyer, lot, 2, paymentMethod: "pm_card_chargeDeclined");
        var latest = await (await BuyAsync(buyer, lot, 3)).ReadOkAsync<OrderBody>();

        var orders = await (await buyer.GetAsync("/api/tickets/view-orders", Ct)).ReadOkAsync<OrderBody[]>();

        Assert.Equal([(latest.OrderId, "paid", null), (orders[1].OrderId, "failed", "card_declined"), (paid.OrderId, "paid", null)],
            orders.Select(o => (o.OrderId, o.Status, o.FailureCode)).ToArray());
    }

    [Fact]
    public async Task Orders_are_paged()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10);
        var buyer = await IndividualAsync();
        for (var i = 0; i < 3; i++) await (await BuyAsync(buyer, lot, 1)).EnsureOkAsync();

        var response = await buyer.GetAsync("/api/tickets/view-orders?page=2&page-size=2", Ct);

        Assert.Single(await response.ReadOkAsync<OrderBody[]>());
        Assert.Equal("3", response.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task Another_buyers_order_is_not_found()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId);
        var order = await (await BuyAsync(await IndividualAsync("owner"), lot, 1)).ReadOkAsync<OrderBody>();

        var response = await (await IndividualAsync("other")).GetAsync($"/api/tickets/view-order?order-id={order.OrderId}", Ct);

        Assert.Equal("not_found", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task After_a_503_the_same_key_answers_202_while_pending_then_200_once_settled()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 5);
        var buyer = await IndividualAsync();
        Gateway.CrashAfterCharging = true;
        await (await BuyAsync(buyer, lot, 2, idempotencyKey: "checkout-1")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Gateway.CrashAfterCharging = false;

        var pending = await BuyAsync(buyer, lot, 2, idempotencyKey: "checkout-1");
        var pendingOrder = await pending.Content.ReadFromJsonAsync<OrderBody>(Ct);
        var polled = await (await buyer.GetAsync(pending.Headers.Location!, Ct)).ReadOkAsync<OrderBody>();
        await ReconcileAsync();
        var settled = await (await BuyAsync(buyer, lot, 2, idempotencyKey: "checkout-1")).ReadOkAsync<OrderBody>();

        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        Assert.Equal(("pending", "pending"), (pendingOrder!.Status, polled.Status));
        Assert.Equal((pendingOrder.OrderId, "paid"), (settled.OrderId, settled.Status));
        Assert.Equal(1, await Gateway.Inner.CountSucceededChargesAsync(Ct));
    }
}
