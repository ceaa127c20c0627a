using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class InventoryRulesOnSqlite() : InventoryRulesTests(DatabaseProvider.Sqlite);
public sealed class InventoryRulesOnPostgres() : InventoryRulesTests(DatabaseProvider.Postgres);

/// <summary>
/// A vendor's stock, rule by rule, through <see cref="TicketInventoryService"/>: what an upload must carry, prices in
/// the event's currency up to the cap, seat blocks, removing only unsold tickets, and what buyers are offered.
/// </summary>
public abstract class InventoryRulesTests(DatabaseProvider provider) : DomainTest(provider)
{
    private TicketInventoryService Inventory => Service<TicketInventoryService>();

    private async Task<(string Vendor, string EventId)> EventAsync(string currency = "EUR")
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);
        var venue = await Data.VenueAsync(vendor);
        return (vendor, await Data.EventAsync(vendor, venue, DateTimeOffset.UtcNow.AddDays(30), currency: currency));
    }

    private async Task<VendorLot> FiguresAsync(string vendor, string lot) =>
        Assert.Single(await Inventory.VendorLotsAsync(vendor, ct: Ct), l => l.TicketId == lot);

    [Fact]
    public async Task An_upload_is_one_lot_on_sale_at_its_price()
    {
        var (vendor, ev) = await EventAsync();

        var uploaded = await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 600, "  Floor ", " GA ", 12.5m), Ct);

        Assert.True(uploaded.IsSuccess, uploaded.Error?.Message);
        var lot = await FiguresAsync(vendor, uploaded.Value);
        Assert.Equal((ev, "Floor", "GA", 600, 600, 0, 0, 12.5m, "EUR"),
            (lot.EventId, lot.Section, lot.Seat, lot.Count, lot.Remaining, lot.Removed, lot.Sold, lot.Price, lot.Currency));
        await using var db = Database.CreateContext();
        Assert.Equal([300, 300], await db.TicketLotStock.Where(s => s.LotId == uploaded.Value).OrderBy(s => s.Bucket).Select(s => s.Remaining).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_blank_section_is_no_section()
    {
        var (vendor, ev) = await EventAsync();

        var uploaded = await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1, "  ", "A1", 1m), Ct);

        Assert.Null((await FiguresAsync(vendor, uploaded.Value!)).Section);
    }

    [Theory]
    [InlineData(null, 1, "A", 1.0, "eventId")]
    [InlineData("event", 0, "A", 1.0, "count")]
    [InlineData("event", 100_001, "A", 1.0, "count")]
    [InlineData("event", null, "A", 1.0, "count")]
    [InlineData("event", 1, null, 1.0, "seat")]
    [InlineData("event", 1, "1234567890123456", 1.0, "seat")]
    [InlineData("event", 1, "A", -0.01, "price")]
    [InlineData("event", 1, "A", null, "price")]
    public async Task An_upload_needs_an_event_a_count_from_1_to_100000_a_seat_and_a_price_of_0_or_more(
        string? ev, int? count, string? seat, double? price, string field)
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);

        var uploaded = await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, count, null, seat, (decimal?)price), Ct);

        Assert.Equal([field], uploaded.Error?.Fields?.Keys);
    }

    [Fact]
    public async Task A_section_past_15_characters_is_invalid_and_the_largest_and_smallest_counts_are_valid()
    {
        var (vendor, ev) = await EventAsync();

        var section = await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1, new string('s', 16), "A", 1m), Ct);
        var largest = await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, TicketInventoryService.MaxUploadCount, new string('s', 15), "B", 0m), Ct);
        var smallest = await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1, null, "C", 0m), Ct);

        Assert.Equal(["section"], section.Error?.Fields?.Keys);
        Assert.True(largest.IsSuccess, largest.Error?.Message);
        Assert.True(smallest.IsSuccess, smallest.Error?.Message);
    }

    [Fact]
    public async Task Only_the_events_vendor_uploads_to_an_existing_upcoming_event()
    {
        var (vendor, ev) = await EventAsync();
        var other = await AccountAsync("other", UserType.Vendor);

        var notOwner = await Inventory.UploadAsync(other, new UploadTicketCommand(ev, 1, null, "A", 1m), Ct);
        var unknown = await Inventory.UploadAsync(vendor, new UploadTicketCommand("noevent", 1, null, "A", 1m), Ct);
        Clock.Advance(TimeSpan.FromDays(31));
        var past = await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1, null, "A", 1m), Ct);

        Assert.Equal((ErrorCodes.NotOwner, ErrorKind.Forbidden), (notOwner.Error?.Code, notOwner.Error?.Kind));
        Assert.Equal(ErrorCodes.NotFound, unknown.Error?.Code);
        Assert.Equal(ErrorCodes.EventInPast, past.Error?.Code);
        Assert.Empty(await Inventory.VendorLotsAsync(vendor, ct: Ct));
    }

    [Theory]
    [InlineData("EUR", "99999.99", "99999.99")]
    [InlineData("JPY", "9999999", "9999999")]
    [InlineData("ISK", "99999", "99999")]
    public async Task The_price_cap_is_accepted_and_a_minor_unit_more_is_refused_with_the_cap_named(string currency, string cap, string named)
    {
        var (vendor, ev) = await EventAsync(currency);
        var capPrice = decimal.Parse(cap, System.Globalization.CultureInfo.InvariantCulture);
        var step = Money.Exponent(currency) == 0 ? 1m : 0.01m;

        var atCap = await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1, null, "A", capPrice), Ct);
        var above = await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1, null, "B", capPrice + step), Ct);

        Assert.True(atCap.IsSuccess, atCap.Error?.Message);
        Assert.StartsWith($"price must be at most {named} {currency}:", Assert.Single(above.Error!.Fields!["price"]));
    }

    [Theory]
    [InlineData("EUR", "1.005", "price must have at most 2 decimals (EUR).")]
    [InlineData("JPY", "1.5", "price must be a whole number of JPY.")]
    public async Task A_price_finer_than_the_currency_is_invalid(string currency, string price, string message)
    {
        var (vendor, ev) = await EventAsync(currency);

        var uploaded = await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1, null, "A",
            decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)), Ct);

        Assert.Equal([message], uploaded.Error!.Fields!["price"]);
    }

    [Fact]
    public async Task A_seat_block_is_one_lot_of_one_ticket_per_numbered_seat()
    {
        var (vendor, ev) = await EventAsync();

        var block = await Inventory.UploadSeatBlockAsync(vendor, new UploadSeatBlockCommand(ev, "Stalls", " B ", 12, 14, 30m), Ct);

        Assert.True(block.IsSuccess, block.Error?.Message);
        Assert.Equal(3, block.Value.Count);
        var lots = await Inventory.VendorLotsAsync(vendor, ev, Ct);
        Assert.Equal(["B12", "B13", "B14"], lots.Select(l => l.Seat));
        Assert.All(lots, l => Assert.Equal(("Stalls", 1, 30m), (l.Section, l.Count, l.Price)));
    }

    [Fact]
    public async Task A_block_of_the_most_seats_and_a_single_seat_are_valid()
    {
        var (vendor, ev) = await EventAsync();

        var most = await Inventory.UploadSeatBlockAsync(vendor, new UploadSeatBlockCommand(ev, null, "A", 1, UploadSeatBlockCommand.MaxSeats, 1m), Ct);
        var single = await Inventory.UploadSeatBlockAsync(vendor, new UploadSeatBlockCommand(ev, null, "B", 9999, 9999, 1m), Ct);

        Assert.Equal(UploadSeatBlockCommand.MaxSeats, most.Value?.Count);
        Assert.Equal(1, single.Value?.Count);
    }

    [Theory]
    [InlineData(null, "B", 1, 2, 1.0, "eventId")]
    [InlineData("event", null, 1, 2, 1.0, "row")]
    [InlineData("event", "ABCDEF", 1, 2, 1.0, "row")]
    [InlineData("event", "B", 0, 2, 1.0, "firstSeat")]
    [InlineData("event", "B", 10_000, 10_000, 1.0, "firstSeat")]
    [InlineData("event", "B", null, 2, 1.0, "firstSeat")]
    [InlineData("event", "B", 1, 0, 1.0, "lastSeat")]
    [InlineData("event", "B", 1, 10_000, 1.0, "lastSeat")]
    [InlineData("event", "B", 5, 4, 1.0, "lastSeat")]
    [InlineData("event", "B", 1, 501, 1.0, "lastSeat")]
    [InlineData("event", "B", 1, 2, -1.0, "price")]
    [InlineData("event", "B", 1, 2, null, "price")]
    public async Task A_seat_block_needs_a_row_seats_from_1_to_9999_in_order_at_most_500_and_a_price(
        string? ev, string? row, int? first, int? last, double? price, string field)
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);

        var block = await Inventory.UploadSeatBlockAsync(vendor, new UploadSeatBlockCommand(ev, null, row, first, last, (decimal?)price), Ct);

        Assert.Contains(field, block.Error!.Fields!.Keys);
    }

    [Fact]
    public async Task A_block_past_500_seats_says_so_and_a_reversed_one_says_so()
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);

        var tooMany = await Inventory.UploadSeatBlockAsync(vendor, new UploadSeatBlockCommand("e", null, "B", 1, 501, 1m), Ct);
        var reversed = await Inventory.UploadSeatBlockAsync(vendor, new UploadSeatBlockCommand("e", null, "B", 5, 4, 1m), Ct);

        Assert.Equal(["A block has at most 500 seats."], tooMany.Error!.Fields!["lastSeat"]);
        Assert.Equal(["lastSeat must not be before firstSeat."], reversed.Error!.Fields!["lastSeat"]);
    }

    [Fact]
    public async Task Removing_takes_only_unsold_tickets_and_says_what_is_left()
    {
        var (vendor, ev) = await EventAsync();
        var lot = (await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 10, null, "GA", 5m), Ct)).Value!;
        var buyer = await AccountAsync("buyer", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(lot, 3), Ct)).IsSuccess);

        var some = await Inventory.RemoveAsync(vendor, lot, 2, Ct);
        var tooMany = await Inventory.RemoveAsync(vendor, lot, 6, Ct);
        var rest = await Inventory.RemoveAsync(vendor, lot, null, Ct);
        var nothing = await Inventory.RemoveAsync(vendor, lot, null, Ct);

        Assert.Equal((lot, 2, 5), (some.Value?.TicketId, some.Value?.Removed, some.Value?.Remaining));
        Assert.Equal((ErrorCodes.InsufficientQuantity, "Only 5 tickets are available."), (tooMany.Error?.Code, tooMany.Error?.Message));
        Assert.Equal((5, 0), (rest.Value?.Removed, rest.Value?.Remaining));
        Assert.Equal((0, 0), (nothing.Value?.Removed, nothing.Value?.Remaining));
        var figures = await FiguresAsync(vendor, lot);
        Assert.Equal((10, 0, 7, 3), (figures.Count, figures.Remaining, figures.Removed, figures.Sold));
        Assert.Equal(ErrorCodes.SoldOut, (await Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(lot, 1), Ct)).Error?.Code);
    }

    [Fact]
    public async Task Removing_exactly_what_is_left_spans_the_buckets()
    {
        var (vendor, ev) = await EventAsync();
        var lot = (await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1_000, null, "GA", 5m), Ct)).Value!;

        var most = await Inventory.RemoveAsync(vendor, lot, 999, Ct);
        var last = await Inventory.RemoveAsync(vendor, lot, 1, Ct);
        var none = await Inventory.RemoveAsync(vendor, lot, 1, Ct);

        Assert.Equal((999, 1), (most.Value?.Removed, most.Value?.Remaining));
        Assert.Equal((1, 0), (last.Value?.Removed, last.Value?.Remaining));
        Assert.Equal("Only 0 tickets are available.", none.Error?.Message);
        await using var db = Database.CreateContext();
        Assert.All(await db.TicketLotStock.Where(s => s.LotId == lot).ToListAsync(Ct), s => Assert.Equal(0, s.Remaining));
    }

    [Fact]
    public async Task A_removal_that_no_single_bucket_can_serve_takes_from_the_lowest_buckets_first()
    {
        var (vendor, ev) = await EventAsync();
        var lot = (await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1_000, null, "GA", 5m), Ct)).Value!;   // 4 x 250

        Assert.Equal(600, (await Inventory.RemoveAsync(vendor, lot, 400, Ct)).Value?.Remaining);

        await using var db = Database.CreateContext();
        Assert.Equal([0, 100, 250, 250], await db.TicketLotStock.Where(s => s.LotId == lot).OrderBy(s => s.Bucket).Select(s => s.Remaining).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_removal_that_one_bucket_can_serve_takes_from_the_first_bucket()
    {
        var (vendor, ev) = await EventAsync();
        var lot = (await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1_000, null, "GA", 5m), Ct)).Value!;

        await Inventory.RemoveAsync(vendor, lot, 100, Ct);

        await using var db = Database.CreateContext();
        Assert.Equal([150, 250, 250, 250], await db.TicketLotStock.Where(s => s.LotId == lot).OrderBy(s => s.Bucket).Select(s => s.Remaining).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_bucket_with_exactly_the_count_left_is_taken_before_the_next_one()
    {
        var (vendor, ev) = await EventAsync();
        var lot = (await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1_000, null, "GA", 5m), Ct)).Value!;   // 4 x 250

        await Inventory.RemoveAsync(vendor, lot, 245, Ct);
        await Inventory.RemoveAsync(vendor, lot, 5, Ct);

        await using var db = Database.CreateContext();
        Assert.Equal([0, 250, 250, 250], await db.TicketLotStock.Where(s => s.LotId == lot).OrderBy(s => s.Bucket).Select(s => s.Remaining).ToListAsync(Ct));
    }

    [Fact]
    public async Task Removals_from_one_lot_leave_every_other_lot_alone()
    {
        var (vendor, ev) = await EventAsync();
        var lot = (await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1_000, null, "A", 5m), Ct)).Value!;
        var other = (await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1_000, null, "B", 5m), Ct)).Value!;

        Assert.Equal(600, (await Inventory.RemoveAsync(vendor, lot, 400, Ct)).Value?.Remaining);
        Assert.Equal((600, 0), ((await Inventory.RemoveAsync(vendor, lot, null, Ct)).Value?.Removed, (await FiguresAsync(vendor, lot)).Remaining));

        await using var db = Database.CreateContext();
        Assert.Equal([250, 250, 250, 250], await db.TicketLotStock.Where(s => s.LotId == other).OrderBy(s => s.Bucket).Select(s => s.Remaining).ToListAsync(Ct));
    }

    [Fact]
    public async Task Only_the_lots_vendor_removes_and_the_request_must_name_a_lot_and_a_positive_count()
    {
        var (vendor, ev) = await EventAsync();
        var lot = (await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 10, null, "GA", 5m), Ct)).Value!;
        var other = await AccountAsync("other", UserType.Vendor);

        Assert.Equal((ErrorCodes.NotOwner, ErrorKind.Forbidden), ((await Inventory.RemoveAsync(other, lot, 1, Ct)).Error?.Code, (await Inventory.RemoveAsync(other, lot, 1, Ct)).Error?.Kind));
        Assert.Equal(ErrorCodes.NotFound, (await Inventory.RemoveAsync(vendor, "nolot", 1, Ct)).Error?.Code);
        Assert.Equal(["ticket-id"], (await Inventory.RemoveAsync(vendor, " ", 1, Ct)).Error?.Fields?.Keys);
        Assert.Equal(["count"], (await Inventory.RemoveAsync(vendor, lot, 0, Ct)).Error?.Fields?.Keys);
        Assert.Equal(10, (await FiguresAsync(vendor, lot)).Remaining);
    }

    [Fact]
    public async Task A_vendor_sees_only_their_own_lots_by_event_date_then_section_and_seat()
    {
        var (vendor, ev) = await EventAsync();
        var venue = await Data.VenueAsync(vendor, "Second Hall");
        var sooner = await Data.EventAsync(vendor, venue, DateTimeOffset.UtcNow.AddDays(5), "Sooner");
        await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1, "B", "2", 1m), Ct);
        await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1, "B", "1", 1m), Ct);
        await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 1, "A", "9", 1m), Ct);
        await Inventory.UploadAsync(vendor, new UploadTicketCommand(sooner, 1, "Z", "1", 1m), Ct);
        var other = await AccountAsync("other", UserType.Vendor);

        Assert.Equal(["Z1", "A9", "B1", "B2"], (await Inventory.VendorLotsAsync(vendor, ct: Ct)).Select(l => l.Section + l.Seat));
        Assert.Equal(["A9", "B1", "B2"], (await Inventory.VendorLotsAsync(vendor, ev, Ct)).Select(l => l.Section + l.Seat));
        Assert.Empty(await Inventory.VendorLotsAsync(other, ct: Ct));
    }

    [Fact]
    public async Task An_event_offers_its_lots_cheapest_first_and_its_active_resale_listings_cheapest_first()
    {
        var (vendor, ev) = await EventAsync();
        var dear = (await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 5, "A", "1", 80m), Ct)).Value!;
        var cheap = (await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 5, "B", "1", 20m), Ct)).Value!;
        var seller = await AccountAsync("seller", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(seller, new BuyCommand(dear, 5), Ct)).IsSuccess);
        var resale = Service<ResaleService>();
        var at70 = (await resale.SellAsync(seller, new SellCommand(dear, 2, 70m), Ct)).Value!.ListingId;
        var at60 = (await resale.SellAsync(seller, new SellCommand(dear, 1, 60m), Ct)).Value!.ListingId;
        var gone = (await resale.SellAsync(seller, new SellCommand(dear, 1, 50m), Ct)).Value!.ListingId;
        await resale.CancelAsync(seller, gone, Ct);

        var listings = (await Inventory.EventListingsAsync(ev, Ct)).Value!;

        Assert.Equal((ev, "EUR"), (listings.EventId, listings.Currency));
        Assert.Equal([(cheap, 5, 20m), (dear, 0, 80m)], listings.Primary.Select(p => (p.TicketId, p.Available, p.Price)));
        Assert.Equal([(at60, 1, 60m), (at70, 2, 70m)], listings.Resale.Select(r => (r.ListingId, r.Count, r.Price)));
    }

    [Fact]
    public async Task Listings_of_an_unknown_or_unnamed_event_are_not_found_or_invalid()
    {
        Assert.Equal(ErrorCodes.NotFound, (await Inventory.EventListingsAsync("noevent", Ct)).Error?.Code);
        Assert.Equal(["event-id"], (await Inventory.EventListingsAsync(" ", Ct)).Error?.Fields?.Keys);
    }

    [Fact]
    public async Task An_offer_is_a_lot_or_one_of_its_active_listings_with_what_it_has_left()
    {
        var (vendor, ev) = await EventAsync();
        var lot = (await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 8, "A", "1", 40m), Ct)).Value!;
        var otherLot = (await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 8, "A", "2", 40m), Ct)).Value!;
        var seller = await AccountAsync("seller", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(seller, new BuyCommand(lot, 3), Ct)).IsSuccess);
        var listing = (await Service<ResaleService>().SellAsync(seller, new SellCommand(lot, 2, 35m), Ct)).Value!.ListingId;

        var primary = (await Inventory.OfferAsync(lot, null, Ct)).Value!;
        var resold = (await Inventory.OfferAsync(lot, listing, Ct)).Value!;

        Assert.Equal((lot, (string?)null, ev, "Show", 5, 40m, "EUR", "Europe/Berlin", "A", "1"),
            (primary.TicketId, primary.ListingId, primary.EventId, primary.EventName, primary.Available, primary.UnitPrice, primary.Currency, primary.TimeZone, primary.Section, primary.Seat));
        Assert.Equal((listing, 2, 35m), (resold.ListingId, resold.Available, resold.UnitPrice));
        Assert.Null((await Inventory.OfferAsync(lot, " ", Ct)).Value?.ListingId);
        Assert.Equal(ErrorCodes.NotFound, (await Inventory.OfferAsync(otherLot, listing, Ct)).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await Inventory.OfferAsync(lot, "bad\u0000id", Ct)).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await Inventory.OfferAsync("nolot", null, Ct)).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await Inventory.OfferAsync(null, null, Ct)).Error?.Code);
    }

    [Fact]
    public async Task A_buyer_is_not_offered_their_own_listings_but_everyone_elses()
    {
        var (vendor, ev) = await EventAsync();
        var lot = (await Inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 8, "A", "1", 40m), Ct)).Value!;
        var seller = await AccountAsync("seller", UserType.Individual);
        var other = await AccountAsync("other", UserType.Individual);
        foreach (var who in new[] { seller, other })
        {
            Assert.True((await Service<PurchaseService>().BuyAsync(who, new BuyCommand(lot, 2), Ct)).IsSuccess);
            Assert.True((await Service<ResaleService>().SellAsync(who, new SellCommand(lot, 1, null), Ct)).IsSuccess);
        }
        var third = await AccountAsync("third", UserType.Individual);

        Assert.Single((await Inventory.EventListingsForBuyerAsync(ev, seller, Ct)).Value!.Resale);
        Assert.Equal(2, (await Inventory.EventListingsForBuyerAsync(ev, third, Ct)).Value!.Resale.Count);
        Assert.Equal(ErrorCodes.NotFound, (await Inventory.EventListingsForBuyerAsync("noevent", third, Ct)).Error?.Code);
    }
}
