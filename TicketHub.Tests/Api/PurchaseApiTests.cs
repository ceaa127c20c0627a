using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Data;
using TicketHub.Domain.Payments;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class PurchaseApiOnSqlite() : PurchaseApiTests(DatabaseProvider.Sqlite);
public sealed class PurchaseApiOnPostgres() : PurchaseApiTests(DatabaseProvider.Postgres);

/// <summary>buy-ticket from vendor stock and view-tickets for individuals.</summary>
public abstract class PurchaseApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    public sealed record OrderBody(string OrderId, string TicketId, string? ListingId, int Count, decimal Amount, string Currency, string Status);
    public sealed record HoldingBody(string TicketId, string EventId, string EventName, string VenueName, string? Section, string Seat,
        int Count, decimal PurchasePrice, int ListedCount);

    private TestPaymentGateway Gateway => App.Services.GetRequiredService<TestPaymentGateway>();

    private async Task<HoldingBody[]> HoldingsAsync(HttpClient buyer) =>
        await (await buyer.GetAsync("/api/tickets/view-tickets", Ct)).ReadOkAsync<HoldingBody[]>();

    [Fact]
    public async Task A_buyer_pays_and_then_holds_the_tickets()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10, price: 45.50m, section: "Floor", seat: "GA");
        var buyer = await IndividualAsync();

        var order = await (await BuyAsync(buyer, lot, 2)).ReadOkAsync<OrderBody>();

        Assert.Equal(new OrderBody(order.OrderId, lot, null, 2, 91.00m, "USD", "paid"), order);
        var holding = Assert.Single(await HoldingsAsync(buyer));
        Assert.Equal(new HoldingBody(lot, eventId, "Summer Night", "Riverside Arena", "Floor", "GA", 2, 45.50m, 0), holding);
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task The_ten_ticket_limit_counts_every_lot_of_the_event()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var floor = await UploadAsync(vendor, eventId, count: 20, section: "Floor");
        var balcony = await UploadAsync(vendor, eventId, count: 20, section: "Balcony");
        var buyer = await IndividualAsync();
        await (await BuyAsync(buyer, floor, 6)).EnsureOkAsync();

        var tooMany = await BuyAsync(buyer, balcony, 5);
        var upToTheLimit = await BuyAsync(buyer, balcony, 4);

        Assert.Equal("purchase_limit_exceeded", (await tooMany.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
        await upToTheLimit.EnsureOkAsync();
        Assert.Equal(10, (await HoldingsAsync(buyer)).Sum(h => h.Count));
    }

    [Fact]
    public async Task More_than_ten_in_one_order_is_rejected()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 50);

        var response = await BuyAsync(await IndividualAsync(), lot, 11);

        Assert.Equal("purchase_limit_exceeded", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task The_limit_is_per_event()
    {
        var vendor = await VendorAsync();
        var venue = await AddVenueAsync(vendor);
        var first = await UploadAsync(vendor, await AddEventAsync(vendor, venue, name: "First"), count: 20);
        var second = await UploadAsync(vendor, await AddEventAsync(vendor, venue, name: "Second"), count: 20);
        var buyer = await IndividualAsync();

        await (await BuyAsync(buyer, first, 10)).EnsureOkAsync();
        await (await BuyAsync(buyer, second, 10)).EnsureOkAsync();

        Assert.Equal(20, (await HoldingsAsync(buyer)).Sum(h => h.Count));
    }

    [Fact]
    public async Task A_sold_out_lot_says_so()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 2);
        await (await BuyAsync(await IndividualAsync("first"), lot, 2)).EnsureOkAsync();

        var response = await BuyAsync(await IndividualAsync("second"), lot, 1);

        Assert.Equal("sold_out", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task Asking_for_more_than_is_left_is_insufficient_quantity()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 3);

        var response = await BuyAsync(await IndividualAsync(), lot, 4);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("insufficient_quantity", problem.Code);
        Assert.Contains("3", problem.Title);
    }

    [Fact]
    public async Task A_declined_payment_sells_nothing_and_uses_none_of_the_limit()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10);
        var buyer = await IndividualAsync();

        var declined = await BuyAsync(buyer, lot, 4, paymentMethod: "pm_card_chargeDeclined");

        Assert.Equal("payment_declined", (await declined.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
        Assert.Empty(await HoldingsAsync(buyer));
        Assert.Equal(0, await Gateway.CountSucceededChargesAsync(Ct));
        await (await BuyAsync(buyer, lot, 10)).EnsureOkAsync();   // stock and limit are whole again
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_order_and_charges_once()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10);
        var buyer = await IndividualAsync();

        var first = await (await BuyAsync(buyer, lot, 2, idempotencyKey: "checkout-42")).ReadOkAsync<OrderBody>();
        var retry = await (await BuyAsync(buyer, lot, 2, idempotencyKey: "checkout-42")).ReadOkAsync<OrderBody>();

        Assert.Equal(first, retry);
        Assert.Equal(1, await Gateway.CountSucceededChargesAsync(Ct));
        Assert.Equal(2, Assert.Single(await HoldingsAsync(buyer)).Count);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_another_purchase_is_rejected()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10);
        var buyer = await IndividualAsync();
        await (await BuyAsync(buyer, lot, 2, idempotencyKey: "k1")).EnsureOkAsync();

        var response = await BuyAsync(buyer, lot, 3, idempotencyKey: "k1");

        Assert.Equal("validation_failed", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
        Assert.Equal(2, Assert.Single(await HoldingsAsync(buyer)).Count);
    }

    [Fact]
    public async Task Idempotency_keys_belong_to_one_buyer()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10);

        await (await BuyAsync(await IndividualAsync("one"), lot, 2, idempotencyKey: "same")).EnsureOkAsync();
        await (await BuyAsync(await IndividualAsync("two"), lot, 2, idempotencyKey: "same")).EnsureOkAsync();

        Assert.Equal(2, await Gateway.CountSucceededChargesAsync(Ct));
    }

    [Fact]
    public async Task Tickets_for_an_event_that_has_started_cannot_be_bought()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId);
        await MoveEventIntoThePastAsync(eventId);

        var response = await BuyAsync(await IndividualAsync(), lot, 1);

        Assert.Equal("event_in_past", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task Buying_an_unknown_ticket_is_not_found()
    {
        var response = await BuyAsync(await IndividualAsync(), "missing", 1);

        Assert.Equal("not_found", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task A_count_below_one_is_rejected(int count)
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId);

        var response = await BuyAsync(await IndividualAsync(), lot, count);

        Assert.Contains("count", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Fact]
    public async Task Vendors_cannot_buy()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId);

        var response = await BuyAsync(vendor, lot, 1);

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await Gateway.CountSucceededChargesAsync(Ct));
    }
}
