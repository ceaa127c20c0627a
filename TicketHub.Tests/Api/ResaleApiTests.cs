using System.Net;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class ResaleApiOnSqlite() : ResaleApiTests(DatabaseProvider.Sqlite);
public sealed class ResaleApiOnPostgres() : ResaleApiTests(DatabaseProvider.Postgres);

/// <summary>sell-ticket, buying a listing, cancel-listing and the anti-scalping rules.</summary>
public abstract class ResaleApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    public sealed record ListingBody(string ListingId, string TicketId, int Count, decimal Price);
    public sealed record CancelledBody(string ListingId, int Returned);
    public sealed record HoldingBody(string TicketId, int Count, decimal PurchasePrice, int ListedCount);
    public sealed record OrderBody(string OrderId, string TicketId, string? ListingId, int Count, decimal Amount, string Status);

    private async Task<(string Lot, HttpClient Seller, string EventId)> SellerHoldingAsync(int bought = 4, decimal price = 100m)
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 20, price: price);
        var seller = await IndividualAsync("seller");
        await (await BuyAsync(seller, lot, bought)).EnsureOkAsync();
        return (lot, seller, eventId);
    }

    private static async Task<HoldingBody[]> HoldingsAsync(HttpClient user) =>
        await (await user.GetAsync("/api/tickets/view-tickets", Ct)).ReadOkAsync<HoldingBody[]>();

    [Fact]
    public async Task A_listing_defaults_to_the_price_paid_and_moves_tickets_out_of_the_holding()
    {
        var (lot, seller, _) = await SellerHoldingAsync(bought: 4, price: 100m);

        var listing = await (await SellAsync(seller, lot, 3)).ReadOkAsync<ListingBody>();

        Assert.Equal(new ListingBody(listing.ListingId, lot, 3, 100m), listing);
        Assert.Equal(new HoldingBody(lot, 1, 100m, 3), Assert.Single(await HoldingsAsync(seller)));
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task Listing_above_the_price_paid_is_rejected()
    {
        var (lot, seller, _) = await SellerHoldingAsync(price: 100m);

        var response = await SellAsync(seller, lot, 1, price: 100.01m);

        Assert.Equal("price_above_purchase", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
        Assert.Equal(0, Assert.Single(await HoldingsAsync(seller)).ListedCount);
    }

    [Fact]
    public async Task Listing_more_than_held_is_insufficient_quantity()
    {
        var (lot, seller, _) = await SellerHoldingAsync(bought: 2);

        var response = await SellAsync(seller, lot, 3);

        Assert.Equal("insufficient_quantity", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task A_ticket_never_bought_here_cannot_be_listed()
    {
        var (lot, _, _) = await SellerHoldingAsync();
        var stranger = await IndividualAsync("stranger");

        var response = await SellAsync(stranger, lot, 1, price: 10m);

        Assert.Equal("not_owner", (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Code);
    }

    [Fact]
    public async Task Another_buyer_buys_a_listing_at_its_price_and_the_seller_is_owed_the_proceeds()
    {
        var (lot, seller, _) = await SellerHoldingAsync(bought: 4, price: 100m);
        var listing = await (await SellAsync(seller, lot, 3, price: 80m)).ReadOkAsync<ListingBody>();
        var buyer = await IndividualAsync("buyer");

        var order = await (await BuyAsync(buyer, lot, 2, listingId: listing.ListingId)).ReadOkAsync<OrderBody>();

        Assert.Equal(new OrderBody(order.OrderId, lot, listing.ListingId, 2, 160m, "paid"), order);
        Assert.Equal(new HoldingBody(lot, 2, 80m, 0), Assert.Single(await HoldingsAsync(buyer)));
        Assert.Equal(new HoldingBody(lot, 1, 100m, 1), Assert.Single(await HoldingsAsync(seller)));
        await using var db = App.Database.CreateContext();
        var payout = await db.Payouts.SingleAsync(Ct);
        Assert.Equal((listing.ListingId, order.OrderId, 16000L), (payout.ListingId, payout.OrderId, payout.AmountCents));
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task A_resale_buyer_cannot_relist_above_what_they_paid()
    {
        var (lot, seller, _) = await SellerHoldingAsync(price: 100m);
        var listing = await (await SellAsync(seller, lot, 2, price: 80m)).ReadOkAsync<ListingBody>();
        var buyer = await IndividualAsync("buyer");
        await (await BuyAsync(buyer, lot, 2, listingId: listing.ListingId)).EnsureOkAsync();

        var above = await SellAsync(buyer, lot, 1, price: 90m);
        var atPaid = await SellAsync(buyer, lot, 1);

        Assert.Equal("price_above_purchase", (await above.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
        Assert.Equal(80m, (await atPaid.ReadOkAsync<ListingBody>()).Price);
    }

    [Fact]
    public async Task Resale_purchases_count_towards_the_buyers_limit()
    {
        var (lot, seller, _) = await SellerHoldingAsync(bought: 4);
        var listing = await (await SellAsync(seller, lot, 4)).ReadOkAsync<ListingBody>();
        var buyer = await IndividualAsync("buyer");
        await (await BuyAsync(buyer, lot, 8)).EnsureOkAsync();

        var response = await BuyAsync(buyer, lot, 3, listingId: listing.ListingId);

        Assert.Equal("purchase_limit_exceeded", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
        await (await BuyAsync(buyer, lot, 2, listingId: listing.ListingId)).EnsureOkAsync();
    }

    [Fact]
    public async Task Cancelling_returns_the_unsold_tickets_to_the_seller()
    {
        var (lot, seller, _) = await SellerHoldingAsync(bought: 4);
        var listing = await (await SellAsync(seller, lot, 3)).ReadOkAsync<ListingBody>();
        await (await BuyAsync(await IndividualAsync("buyer"), lot, 1, listingId: listing.ListingId)).EnsureOkAsync();

        var cancelled = await (await seller.DeleteAsync($"/api/tickets/cancel-listing?listing-id={listing.ListingId}", Ct)).ReadOkAsync<CancelledBody>();

        Assert.Equal(new CancelledBody(listing.ListingId, 2), cancelled);
        Assert.Equal(new HoldingBody(lot, 3, 100m, 0), Assert.Single(await HoldingsAsync(seller)));
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task A_cancelled_listing_cannot_be_bought_or_cancelled_again()
    {
        var (lot, seller, _) = await SellerHoldingAsync();
        var listing = await (await SellAsync(seller, lot, 2)).ReadOkAsync<ListingBody>();
        await (await seller.DeleteAsync($"/api/tickets/cancel-listing?listing-id={listing.ListingId}", Ct)).EnsureOkAsync();

        var buy = await BuyAsync(await IndividualAsync("buyer"), lot, 1, listingId: listing.ListingId);
        var again = await seller.DeleteAsync($"/api/tickets/cancel-listing?listing-id={listing.ListingId}", Ct);

        Assert.Equal("not_found", (await buy.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
        Assert.Equal("not_found", (await again.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task Only_the_seller_can_cancel_a_listing()
    {
        var (lot, seller, _) = await SellerHoldingAsync();
        var listing = await (await SellAsync(seller, lot, 2)).ReadOkAsync<ListingBody>();
        var other = await IndividualAsync("other");

        var response = await other.DeleteAsync($"/api/tickets/cancel-listing?listing-id={listing.ListingId}", Ct);

        Assert.Equal("not_owner", (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Code);
    }

    [Fact]
    public async Task A_seller_cannot_buy_their_own_listing()
    {
        var (lot, seller, _) = await SellerHoldingAsync();
        var listing = await (await SellAsync(seller, lot, 2)).ReadOkAsync<ListingBody>();

        var response = await BuyAsync(seller, lot, 1, listingId: listing.ListingId);

        Assert.Equal("validation_failed", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task Tickets_for_an_event_that_has_started_cannot_be_listed()
    {
        var (lot, seller, eventId) = await SellerHoldingAsync();
        await MoveEventIntoThePastAsync(eventId);

        var response = await SellAsync(seller, lot, 1);

        Assert.Equal("event_in_past", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task Vendors_cannot_sell_or_cancel()
    {
        var (vendor, eventId) = await VendorWithEventAsync("vendor2");
        var lot = await UploadAsync(vendor, eventId);

        await (await SellAsync(vendor, lot, 1)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await vendor.DeleteAsync("/api/tickets/cancel-listing?listing-id=x", Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}
