using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class ResaleRulesOnSqlite() : ResaleRulesTests(DatabaseProvider.Sqlite);
public sealed class ResaleRulesOnPostgres() : ResaleRulesTests(DatabaseProvider.Postgres);

/// <summary>
/// Reselling, rule by rule, through <see cref="ResaleService"/>: only tickets bought here, never above what the seller
/// paid, taken from the holding that paid the most, and given back when the listing is cancelled.
/// </summary>
public abstract class ResaleRulesTests(DatabaseProvider provider) : DomainTest(provider)
{
    private ResaleService Resale => Service<ResaleService>();

    private async Task<(EventOnSale Sale, string Seller)> HoldingAsync(int bought = 4, decimal price = 50m, string currency = "EUR")
    {
        var sale = await Data.EventOnSaleAsync(price: price, currency: currency);
        var seller = await AccountAsync("seller", UserType.Individual);
        if (bought > 0) Assert.True((await Service<PurchaseService>().BuyAsync(seller, new BuyCommand(sale.LotId, bought), Ct)).IsSuccess);
        return (sale, seller);
    }

    private async Task<HoldingView> HeldAsync(string user) => Assert.Single(await Service<HoldingService>().HoldingsAsync(user, Ct));

    [Fact]
    public async Task A_listing_moves_tickets_out_of_the_holding_at_the_asked_price()
    {
        var (sale, seller) = await HoldingAsync(bought: 4, price: 50m);

        var listed = await Resale.SellAsync(seller, new SellCommand(sale.LotId, 3, 42.5m), Ct);

        Assert.True(listed.IsSuccess, listed.Error?.Message);
        Assert.Equal((sale.LotId, 3, 42.5m), (listed.Value.TicketId, listed.Value.Count, listed.Value.Price));
        Assert.Equal((1, 3), ((await HeldAsync(seller)).Count, (await HeldAsync(seller)).ListedCount));
        await using var db = Database.CreateContext();
        var row = await db.ResaleListings.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((seller, sale.EventId, 3, 0, 4250L, 5000L, ListingStatus.Active),
            (row.SellerId, row.EventId, row.Count, row.Sold, row.PriceCents, row.SellerPaidCents, row.Status));
        var offer = Assert.Single((await Service<TicketInventoryService>().EventListingsAsync(sale.EventId, Ct)).Value!.Resale);
        Assert.Equal((listed.Value.ListingId, 3, 42.5m), (offer.ListingId, offer.Count, offer.Price));
    }

    [Fact]
    public async Task Without_a_price_the_listing_asks_what_the_seller_paid_and_the_price_paid_itself_is_allowed()
    {
        var (sale, seller) = await HoldingAsync(price: 50m);

        var noPrice = await Resale.SellAsync(seller, new SellCommand(sale.LotId, 1, null), Ct);
        var paid = await Resale.SellAsync(seller, new SellCommand(sale.LotId, 1, 50m), Ct);
        var free = await Resale.SellAsync(seller, new SellCommand(sale.LotId, 1, 0m), Ct);

        Assert.Equal(50m, noPrice.Value?.Price);
        Assert.Equal(50m, paid.Value?.Price);
        Assert.Equal(0m, free.Value?.Price);
    }

    [Fact]
    public async Task A_price_above_what_the_seller_paid_is_refused_and_says_the_price_paid()
    {
        var (sale, seller) = await HoldingAsync(price: 50m);

        var above = await Resale.SellAsync(seller, new SellCommand(sale.LotId, 1, 50.01m), Ct);

        Assert.Equal(ErrorCodes.PriceAbovePurchase, above.Error?.Code);
        Assert.Equal("Tickets cannot be resold for more than you paid (50 EUR each).", above.Error!.Message);
        Assert.Equal(4, (await HeldAsync(seller)).Count);
    }

    [Fact]
    public async Task A_price_with_more_decimals_than_the_currency_has_is_invalid()
    {
        var (sale, seller) = await HoldingAsync(price: 50m);

        var listed = await Resale.SellAsync(seller, new SellCommand(sale.LotId, 1, 10.005m), Ct);

        Assert.Equal(["price must have at most 2 decimals (EUR)."], listed.Error!.Fields!["price"]);
    }

    [Theory]
    [InlineData(null, 1, null, "ticketId")]
    [InlineData("lot", 0, null, "count")]
    [InlineData("lot", null, null, "count")]
    [InlineData("lot", 1, -0.01, "price")]
    public async Task A_listing_needs_a_lot_a_count_of_at_least_one_and_no_negative_price(string? lot, int? count, double? price, string field)
    {
        var seller = await AccountAsync("seller", UserType.Individual);

        var listed = await Resale.SellAsync(seller, new SellCommand(lot, count, (decimal?)price), Ct);

        Assert.Equal([field], listed.Error?.Fields?.Keys);
    }

    [Fact]
    public async Task Only_individuals_resell_and_only_tickets_they_hold()
    {
        var (sale, _) = await HoldingAsync();
        var stranger = await AccountAsync("stranger", UserType.Individual);

        var vendor = await Resale.SellAsync(sale.VendorId, new SellCommand(sale.LotId, 1, null), Ct);
        var none = await Resale.SellAsync(stranger, new SellCommand(sale.LotId, 1, null), Ct);
        var unknown = await Resale.SellAsync(stranger, new SellCommand("nolot", 1, null), Ct);

        Assert.Equal(PurchaseErrors.OnlyIndividuals, vendor.Error);
        Assert.Equal((ErrorCodes.NotOwner, ErrorKind.Forbidden), (none.Error?.Code, none.Error?.Kind));
        Assert.Equal(ErrorCodes.NotFound, unknown.Error?.Code);
    }

    [Fact]
    public async Task More_than_held_is_refused_and_says_how_many_are_held()
    {
        var (sale, seller) = await HoldingAsync(bought: 2);
        var one = await AccountAsync("onlyone", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(one, new BuyCommand(sale.LotId, 1), Ct)).IsSuccess);

        var two = await Resale.SellAsync(seller, new SellCommand(sale.LotId, 3, null), Ct);
        var single = await Resale.SellAsync(one, new SellCommand(sale.LotId, 2, null), Ct);

        Assert.Equal((ErrorCodes.InsufficientQuantity, "You hold only 2 tickets of this lot."), (two.Error?.Code, two.Error?.Message));
        Assert.Equal("You hold only 1 ticket of this lot.", single.Error?.Message);
        Assert.Equal(2, (await HeldAsync(seller)).Count);
    }

    [Fact]
    public async Task All_held_tickets_can_be_listed_and_then_none_are_left_to_list()
    {
        var (sale, seller) = await HoldingAsync(bought: 2);

        Assert.True((await Resale.SellAsync(seller, new SellCommand(sale.LotId, 2, null), Ct)).IsSuccess);
        var again = await Resale.SellAsync(seller, new SellCommand(sale.LotId, 1, null), Ct);

        Assert.Equal(ResaleErrors.NothingHeld, again.Error);
    }

    [Fact]
    public async Task Nothing_is_listed_once_the_event_has_started()
    {
        var (sale, seller) = await HoldingAsync();
        Clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(ErrorCodes.EventInPast, (await Resale.SellAsync(seller, new SellCommand(sale.LotId, 1, null), Ct)).Error?.Code);
    }

    [Fact]
    public async Task Tickets_come_from_the_holding_that_paid_the_most_and_that_caps_the_price()
    {
        // The seller holds the lot twice: 1 bought from the vendor at 50, 2 bought on resale at 30.
        var (sale, seller) = await HoldingAsync(bought: 1, price: 50m);
        var first = await AccountAsync("first", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(first, new BuyCommand(sale.LotId, 3), Ct)).IsSuccess);
        var cheap = (await Resale.SellAsync(first, new SellCommand(sale.LotId, 3, 30m), Ct)).Value!.ListingId;
        Assert.True((await Service<PurchaseService>().BuyAsync(seller, new BuyCommand(sale.LotId, 2, cheap), Ct)).IsSuccess);

        var fromDearer = await Resale.SellAsync(seller, new SellCommand(sale.LotId, 1, 45m), Ct);
        var fromCheaper = await Resale.SellAsync(seller, new SellCommand(sale.LotId, 2, 45m), Ct);
        var cheaperAtItsPrice = await Resale.SellAsync(seller, new SellCommand(sale.LotId, 2, null), Ct);

        Assert.True(fromDearer.IsSuccess, fromDearer.Error?.Message);
        Assert.Equal(ErrorCodes.PriceAbovePurchase, fromCheaper.Error?.Code);
        Assert.Equal(30m, cheaperAtItsPrice.Value?.Price);
        Assert.All(await Service<HoldingService>().HoldingsAsync(seller, Ct), h => Assert.Equal(0, h.Count));
    }

    [Fact]
    public async Task Cancelling_puts_the_unsold_tickets_back_and_takes_the_listing_off_sale()
    {
        var (sale, seller) = await HoldingAsync(bought: 4);
        var listing = (await Resale.SellAsync(seller, new SellCommand(sale.LotId, 3, null), Ct)).Value!.ListingId;
        var buyer = await AccountAsync("buyer", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(sale.LotId, 1, listing), Ct)).IsSuccess);

        var cancelled = await Resale.CancelAsync(seller, listing, Ct);

        Assert.Equal((listing, 2), (cancelled.Value?.ListingId, cancelled.Value?.Returned));
        Assert.Equal(3, (await HeldAsync(seller)).Count);
        Assert.Empty((await Service<TicketInventoryService>().EventListingsAsync(sale.EventId, Ct)).Value!.Resale);
        var mine = Assert.Single(await Resale.ListingsAsync(seller, Ct));
        Assert.Equal((ListingStatus.Cancelled, 0, 1), (mine.Status, mine.Count, mine.Sold));
        Assert.Equal(ErrorCodes.NotFound, (await Resale.CancelAsync(seller, listing, Ct)).Error?.Code);
    }

    [Fact]
    public async Task Only_the_seller_cancels_an_existing_listing()
    {
        var (sale, seller) = await HoldingAsync();
        var listing = (await Resale.SellAsync(seller, new SellCommand(sale.LotId, 1, null), Ct)).Value!.ListingId;
        var other = await AccountAsync("other", UserType.Individual);

        Assert.Equal((ErrorCodes.NotOwner, ErrorKind.Forbidden), ((await Resale.CancelAsync(other, listing, Ct)).Error?.Code, (await Resale.CancelAsync(other, listing, Ct)).Error?.Kind));
        Assert.Equal(ErrorCodes.NotFound, (await Resale.CancelAsync(seller, "nolisting", Ct)).Error?.Code);
        Assert.Equal(["listing-id"], (await Resale.CancelAsync(seller, " ", Ct)).Error?.Fields?.Keys);
        Assert.Equal(3, (await HeldAsync(seller)).Count);
    }

    [Fact]
    public async Task A_sellers_listings_show_active_ones_first_then_by_event_date()
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);
        var venue = await Data.VenueAsync(vendor);
        var later = await Data.EventAsync(vendor, venue, DateTimeOffset.UtcNow.AddDays(20), "Later");
        var sooner = await Data.EventAsync(vendor, venue, DateTimeOffset.UtcNow.AddDays(10), "Sooner");
        var laterLot = await Data.LotAsync(vendor, later, 5, 20m);
        var soonerLot = await Data.LotAsync(vendor, sooner, 5, 20m);
        var seller = await AccountAsync("seller", UserType.Individual);
        foreach (var lot in new[] { soonerLot, laterLot })
            Assert.True((await Service<PurchaseService>().BuyAsync(seller, new BuyCommand(lot, 2), Ct)).IsSuccess);
        var cancelledSooner = (await Resale.SellAsync(seller, new SellCommand(soonerLot, 1, null), Ct)).Value!.ListingId;
        await Resale.SellAsync(seller, new SellCommand(laterLot, 1, null), Ct);
        await Resale.SellAsync(seller, new SellCommand(soonerLot, 1, 15m), Ct);
        await Resale.CancelAsync(seller, cancelledSooner, Ct);

        var listings = await Resale.ListingsAsync(seller, Ct);

        Assert.Equal([("Sooner", ListingStatus.Active, 15m), ("Later", ListingStatus.Active, 20m), ("Sooner", ListingStatus.Cancelled, 20m)],
            listings.Select(l => (l.EventName, l.Status, l.Price)));
        Assert.All(listings, l => Assert.Equal(("EUR", "Europe/Berlin"), (l.Currency, l.TimeZone)));
    }

    [Fact]
    public async Task A_seller_sees_what_each_resale_sale_owes_them_newest_first()
    {
        var (sale, seller) = await HoldingAsync(bought: 4, price: 50m);
        var listing = (await Resale.SellAsync(seller, new SellCommand(sale.LotId, 4, 40m), Ct)).Value!.ListingId;
        var buyer = await AccountAsync("buyer", UserType.Individual);
        var first = await Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(sale.LotId, 1, listing), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(sale.LotId, 3, listing), Ct);

        var payouts = await Resale.PayoutsAsync(seller, Ct);

        Assert.Equal([(second.Value!.OrderId, 3, 120m), (first.Value!.OrderId, 1, 40m)], payouts.Select(p => (p.OrderId, p.Count, p.Amount)));
        Assert.All(payouts, p => Assert.Equal((listing, "Spring Tour", "EUR"), (p.ListingId, p.EventName, p.Currency)));
        Assert.Empty(await Resale.PayoutsAsync(buyer, Ct));
    }
}
