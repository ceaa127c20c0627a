using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Payments;
using TicketHub.Domain.Resale;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class PurchaseRulesOnSqlite() : PurchaseRulesTests(DatabaseProvider.Sqlite);
public sealed class PurchaseRulesOnPostgres() : PurchaseRulesTests(DatabaseProvider.Postgres);

/// <summary>
/// Buying, rule by rule, through <see cref="PurchaseService"/>: what a request must carry, who may buy, the cap of 10 per
/// buyer and event, stock, resale listings, idempotency keys, and what a declined or unanswered payment leaves behind.
/// </summary>
public abstract class PurchaseRulesTests(DatabaseProvider provider) : DomainTest(provider)
{
    protected override void ConfigureServices(IServiceCollection services) => CrashingGateway.Install(services);

    private CrashingGateway Gateway => (CrashingGateway)Service<IPaymentGateway>();

    private Task<Result<OrderSummary>> BuyAsync(string buyer, BuyCommand cmd) => Service<PurchaseService>().BuyAsync(buyer, cmd, Ct);

    private async Task<(EventOnSale Sale, string Buyer)> SaleAsync(int tickets = 20, decimal price = 45.5m, string currency = "EUR")
    {
        var sale = await Data.EventOnSaleAsync(tickets: tickets, price: price, currency: currency);
        return (sale, await AccountAsync("fan", UserType.Individual));
    }

    private async Task<int> LeftAsync(string lot)
    {
        await using var db = Database.CreateContext();
        return await db.TicketLotStock.Where(s => s.LotId == lot).SumAsync(s => s.Remaining, Ct);
    }

    private async Task<int> CountedAsync(string buyer, string eventId)
    {
        await using var db = Database.CreateContext();
        return await db.PurchaseCounters.Where(c => c.UserId == buyer && c.EventId == eventId).Select(c => c.Bought).FirstOrDefaultAsync(Ct);
    }

    private async Task<Order> OrderAsync(string id)
    {
        await using var db = Database.CreateContext();
        return await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id, Ct);
    }

    [Fact]
    public async Task A_paid_purchase_answers_with_the_order_and_delivers_the_tickets()
    {
        var (sale, buyer) = await SaleAsync(price: 45.5m);

        var bought = await BuyAsync(buyer, new BuyCommand(sale.LotId, 3));

        Assert.True(bought.IsSuccess, bought.Error?.Message);
        var summary = bought.Value;
        Assert.Equal((sale.LotId, (string?)null, 3, 136.5m, "EUR", OrderStatus.Paid),
            (summary.TicketId, summary.ListingId, summary.Count, summary.Amount, summary.Currency, summary.Status));
        var order = await OrderAsync(summary.OrderId);
        Assert.Equal((OrderStatus.Paid, 4550L, 13650L, "pm_card_visa", $"test_pi_{order.Id}", (string?)null),
            (order.Status, order.UnitPriceCents, order.AmountCents, order.PaymentMethod, order.PaymentReference, order.FailureCode));
        var holding = Assert.Single(await Service<HoldingService>().HoldingsAsync(buyer, Ct));
        Assert.Equal((sale.LotId, 3, 45.5m), (holding.TicketId, holding.Count, holding.PurchasePrice));
        Assert.Equal(17, await LeftAsync(sale.LotId));
        Assert.Equal(3, await CountedAsync(buyer, sale.EventId));
    }

    [Fact]
    public async Task Two_purchases_of_the_same_lot_at_the_same_price_add_up_in_one_holding()
    {
        var (sale, buyer) = await SaleAsync();

        Assert.True((await BuyAsync(buyer, new BuyCommand(sale.LotId, 2))).IsSuccess);
        Assert.True((await BuyAsync(buyer, new BuyCommand(sale.LotId, 1))).IsSuccess);

        Assert.Equal(3, Assert.Single(await Service<HoldingService>().HoldingsAsync(buyer, Ct)).Count);
    }

    [Theory]
    [InlineData(null, 1, "ticketId")]
    [InlineData("", 1, "ticketId")]
    [InlineData("lot", 0, "count")]
    [InlineData("lot", -1, "count")]
    [InlineData("lot", null, "count")]
    public async Task A_request_without_a_ticket_or_a_count_of_at_least_one_is_invalid(string? ticket, int? count, string field)
    {
        var buyer = await AccountAsync("fan", UserType.Individual);

        var bought = await BuyAsync(buyer, new BuyCommand(ticket, count));

        Assert.Equal(ErrorCodes.ValidationFailed, bought.Error?.Code);
        Assert.Equal([field], bought.Error!.Fields!.Keys);
    }

    [Fact]
    public async Task Fields_past_their_length_are_invalid_and_nothing_is_reserved()
    {
        var (sale, buyer) = await SaleAsync();

        var bought = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, new string('l', Ids.MaxLength + 1),
            new string('p', 65), new string('k', PurchaseService.IdempotencyKeyMaxLength + 1)));

        Assert.Equal(ErrorCodes.ValidationFailed, bought.Error?.Code);
        Assert.Equal(["Idempotency-Key", "listingId", "paymentMethod"], bought.Error!.Fields!.Keys.Order());
        Assert.Equal(20, await LeftAsync(sale.LotId));
    }

    [Fact]
    public async Task Fields_at_their_length_pass_validation()
    {
        var (sale, buyer) = await SaleAsync();

        var bought = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, null, new string('p', 64),
            new string('k', PurchaseService.IdempotencyKeyMaxLength)));
        var listing = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, new string('l', Ids.MaxLength)));

        Assert.Equal(ErrorCodes.PaymentDeclined, bought.Error?.Code);   // no such card, but a valid request
        Assert.Equal(ErrorCodes.NotFound, listing.Error?.Code);
    }

    [Fact]
    public async Task Only_individuals_may_buy()
    {
        var (sale, _) = await SaleAsync();
        var vendor = await AccountAsync("vendor2", UserType.Vendor);

        var bought = await BuyAsync(vendor, new BuyCommand(sale.LotId, 1));

        Assert.Equal((ErrorCodes.NotOwner, ErrorKind.Forbidden), (bought.Error?.Code, bought.Error?.Kind));
        Assert.Equal(20, await LeftAsync(sale.LotId));
    }

    [Fact]
    public async Task An_unknown_lot_is_not_found()
    {
        var buyer = await AccountAsync("fan", UserType.Individual);

        var bought = await BuyAsync(buyer, new BuyCommand("nolot", 1));

        Assert.Equal((ErrorCodes.NotFound, "Ticket 'nolot' was not found."), (bought.Error?.Code, bought.Error?.Message));
    }

    [Fact]
    public async Task Nothing_is_sold_once_the_event_has_started()
    {
        var (sale, buyer) = await SaleAsync();
        Clock.Advance(TimeSpan.FromDays(31));

        var bought = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1));

        Assert.Equal(ErrorCodes.EventInPast, bought.Error?.Code);
        Assert.Equal(20, await LeftAsync(sale.LotId));
    }

    [Fact]
    public async Task More_than_ten_in_one_request_is_refused_and_says_how_many_the_buyer_may_still_buy()
    {
        var (sale, buyer) = await SaleAsync();
        Assert.True((await BuyAsync(buyer, new BuyCommand(sale.LotId, 3))).IsSuccess);

        var bought = await BuyAsync(buyer, new BuyCommand(sale.LotId, 11));

        Assert.Equal(ErrorCodes.PurchaseLimitExceeded, bought.Error?.Code);
        Assert.EndsWith("you can buy 7 more.", bought.Error!.Message);
        Assert.Equal(17, await LeftAsync(sale.LotId));
        Assert.Equal(3, await CountedAsync(buyer, sale.EventId));
    }

    [Fact]
    public async Task A_first_request_for_eleven_says_ten_more()
    {
        var (sale, buyer) = await SaleAsync();

        var bought = await BuyAsync(buyer, new BuyCommand(sale.LotId, 11));

        Assert.EndsWith("you can buy 10 more.", bought.Error!.Message);
    }

    [Fact]
    public async Task The_cap_counts_every_purchase_of_the_event_and_refuses_what_would_pass_it()
    {
        var (sale, buyer) = await SaleAsync();
        Assert.True((await BuyAsync(buyer, new BuyCommand(sale.LotId, 8))).IsSuccess);

        var over = await BuyAsync(buyer, new BuyCommand(sale.LotId, 3));
        var exactly = await BuyAsync(buyer, new BuyCommand(sale.LotId, 2));

        Assert.Equal(ErrorCodes.PurchaseLimitExceeded, over.Error?.Code);
        Assert.EndsWith("you can buy 2 more.", over.Error!.Message);
        Assert.True(exactly.IsSuccess, exactly.Error?.Message);
        Assert.Equal(10, await CountedAsync(buyer, sale.EventId));
        Assert.Equal(10, await LeftAsync(sale.LotId));
    }

    [Fact]
    public async Task Ten_in_one_request_is_within_the_cap()
    {
        var (sale, buyer) = await SaleAsync();

        Assert.True((await BuyAsync(buyer, new BuyCommand(sale.LotId, 10))).IsSuccess);
    }

    [Fact]
    public async Task A_lot_with_too_few_left_says_how_many_and_a_sold_out_lot_says_so()
    {
        var (sale, buyer) = await SaleAsync(tickets: 3);
        var other = await AccountAsync("other", UserType.Individual);

        var tooMany = await BuyAsync(buyer, new BuyCommand(sale.LotId, 4));
        Assert.True((await BuyAsync(buyer, new BuyCommand(sale.LotId, 2))).IsSuccess);
        var one = await BuyAsync(other, new BuyCommand(sale.LotId, 2));
        Assert.True((await BuyAsync(other, new BuyCommand(sale.LotId, 1))).IsSuccess);
        var none = await BuyAsync(other, new BuyCommand(sale.LotId, 1));

        Assert.Equal((ErrorCodes.InsufficientQuantity, "Only 3 tickets are available."), (tooMany.Error?.Code, tooMany.Error?.Message));
        Assert.Equal((ErrorCodes.InsufficientQuantity, "Only 1 ticket is available."), (one.Error?.Code, one.Error?.Message));
        Assert.Equal(ErrorCodes.SoldOut, none.Error?.Code);
        Assert.Equal(1, await CountedAsync(other, sale.EventId));   // refusals count nothing towards the cap
    }

    [Fact]
    public async Task A_declined_payment_fails_the_order_and_gives_back_the_tickets_and_the_allowance()
    {
        var (sale, buyer) = await SaleAsync();

        var declined = await BuyAsync(buyer, new BuyCommand(sale.LotId, 4, PaymentMethod: "pm_card_chargeDeclinedInsufficientFunds"));

        Assert.Equal(ErrorCodes.PaymentDeclined, declined.Error?.Code);
        Assert.Contains("(insufficient_funds)", declined.Error!.Message);
        await using var db = Database.CreateContext();
        var order = await db.Orders.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((OrderStatus.Failed, "insufficient_funds"), (order.Status, order.FailureCode));
        Assert.Equal(20, await LeftAsync(sale.LotId));
        Assert.Equal(0, await CountedAsync(buyer, sale.EventId));
        Assert.Empty(await Service<HoldingService>().HoldingsAsync(buyer, Ct));
        Assert.True((await BuyAsync(buyer, new BuyCommand(sale.LotId, 10))).IsSuccess);
    }

    [Fact]
    public async Task An_unknown_payment_method_is_declined_and_a_blank_one_pays_with_the_default_card()
    {
        var (sale, buyer) = await SaleAsync();

        var unknown = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, PaymentMethod: "pm_nonsense"));
        var blank = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, PaymentMethod: "  "));
        var padded = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, PaymentMethod: " pm_card_mastercard "));

        Assert.Equal("The payment was declined (invalid_payment_method). Nothing was charged and no tickets were sold.", unknown.Error?.Message);
        Assert.Equal(PurchaseService.DefaultPaymentMethod, (await OrderAsync(blank.Value!.OrderId)).PaymentMethod);
        Assert.Equal("pm_card_mastercard", (await OrderAsync(padded.Value!.OrderId)).PaymentMethod);
    }

    [Fact]
    public async Task An_unanswered_payment_leaves_the_order_pending_and_the_tickets_reserved()
    {
        var (sale, buyer) = await SaleAsync();
        Gateway.CrashBeforeCharging = true;

        var bought = await BuyAsync(buyer, new BuyCommand(sale.LotId, 2));

        Assert.Equal((ErrorCodes.PaymentUnavailable, ErrorKind.Unavailable), (bought.Error?.Code, bought.Error?.Kind));
        await using var db = Database.CreateContext();
        Assert.Equal(OrderStatus.Pending, (await db.Orders.AsNoTracking().SingleAsync(Ct)).Status);
        Assert.Equal(18, await LeftAsync(sale.LotId));
        Assert.Equal(2, await CountedAsync(buyer, sale.EventId));
    }

    [Fact]
    public async Task A_repeated_idempotency_key_answers_with_the_first_order_and_charges_once()
    {
        var (sale, buyer) = await SaleAsync();

        var first = await BuyAsync(buyer, new BuyCommand(sale.LotId, 2, IdempotencyKey: "key-1"));
        var again = await BuyAsync(buyer, new BuyCommand(sale.LotId, 2, IdempotencyKey: " key-1 "));

        Assert.True(again.IsSuccess, again.Error?.Message);
        Assert.Equal(first.Value, again.Value);
        Assert.Equal(1, await Gateway.Inner.CountSucceededChargesAsync(Ct));
        Assert.Equal(18, await LeftAsync(sale.LotId));
        Assert.Equal("key-1", (await OrderAsync(first.Value!.OrderId)).IdempotencyKey);
    }

    [Fact]
    public async Task A_key_is_the_buyers_own_and_a_blank_key_is_no_key()
    {
        var (sale, buyer) = await SaleAsync();
        var other = await AccountAsync("other", UserType.Individual);

        var mine = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, IdempotencyKey: "same"));
        var theirs = await BuyAsync(other, new BuyCommand(sale.LotId, 1, IdempotencyKey: "same"));
        var blank1 = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, IdempotencyKey: " "));
        var blank2 = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, IdempotencyKey: " "));

        Assert.NotEqual(mine.Value!.OrderId, theirs.Value!.OrderId);
        Assert.NotEqual(blank1.Value!.OrderId, blank2.Value!.OrderId);
        Assert.Null((await OrderAsync(blank1.Value.OrderId)).IdempotencyKey);
        Assert.Equal(16, await LeftAsync(sale.LotId));
    }

    [Theory]
    [InlineData(3, null)]
    [InlineData(2, "listing")]
    public async Task A_key_used_for_another_purchase_is_refused(int count, string? listing)
    {
        var (sale, buyer) = await SaleAsync();
        Assert.True((await BuyAsync(buyer, new BuyCommand(sale.LotId, 2, IdempotencyKey: "key-1"))).IsSuccess);

        var reused = await BuyAsync(buyer, new BuyCommand(sale.LotId, count, listing, IdempotencyKey: "key-1"));

        Assert.Equal(PurchaseErrors.KeyReused, reused.Error);
        Assert.Equal(18, await LeftAsync(sale.LotId));
    }

    [Fact]
    public async Task A_key_used_for_another_lot_is_refused()
    {
        var (sale, buyer) = await SaleAsync();
        var otherLot = await Data.LotAsync(sale.VendorId, sale.EventId, 5, 10m, seat: "B1");
        Assert.True((await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, IdempotencyKey: "key-1"))).IsSuccess);

        Assert.Equal(PurchaseErrors.KeyReused, (await BuyAsync(buyer, new BuyCommand(otherLot, 1, IdempotencyKey: "key-1"))).Error);
    }

    [Fact]
    public async Task Replaying_the_key_of_a_declined_purchase_is_declined_again_without_a_new_charge()
    {
        var (sale, buyer) = await SaleAsync();
        await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, PaymentMethod: "pm_card_chargeDeclined", IdempotencyKey: "k"));

        var again = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, PaymentMethod: "pm_card_chargeDeclined", IdempotencyKey: "k"));

        Assert.Equal(ErrorCodes.PaymentDeclined, again.Error?.Code);
        Assert.Contains("(card_declined)", again.Error!.Message);
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task Replaying_the_key_of_a_pending_purchase_answers_pending()
    {
        var (sale, buyer) = await SaleAsync();
        Gateway.CrashBeforeCharging = true;
        await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, IdempotencyKey: "k"));

        var again = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, IdempotencyKey: "k"));

        Assert.Equal(OrderStatus.Pending, again.Value?.Status);
    }

    private async Task<(EventOnSale Sale, string Seller, string Buyer, string Listing)> ListingAsync(int listed = 3, decimal price = 30m)
    {
        var (sale, seller) = await SaleAsync(price: 50m);
        Assert.True((await BuyAsync(seller, new BuyCommand(sale.LotId, 5))).IsSuccess);
        var listing = await Service<ResaleService>().SellAsync(seller, new SellCommand(sale.LotId, listed, price), Ct);
        Assert.True(listing.IsSuccess, listing.Error?.Message);
        return (sale, seller, await AccountAsync("reseller-buyer", UserType.Individual), listing.Value.ListingId);
    }

    [Fact]
    public async Task A_resale_purchase_pays_the_listing_price_and_owes_the_seller_a_payout()
    {
        var (sale, seller, buyer, listing) = await ListingAsync(price: 30m);

        var bought = await BuyAsync(buyer, new BuyCommand(sale.LotId, 2, listing));

        Assert.True(bought.IsSuccess, bought.Error?.Message);
        Assert.Equal((listing, 60m, OrderStatus.Paid), (bought.Value.ListingId, bought.Value.Amount, bought.Value.Status));
        await using var db = Database.CreateContext();
        var row = await db.ResaleListings.AsNoTracking().SingleAsync(l => l.Id == listing, Ct);
        Assert.Equal((1, 2), (row.Count, row.Sold));
        var payout = await db.Payouts.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((seller, listing, bought.Value.OrderId, 2, 6000L, "EUR"),
            (payout.SellerId, payout.ListingId, payout.OrderId, payout.Count, payout.AmountCents, payout.Currency));
        Assert.Equal((2, 30m), (await Service<HoldingService>().HoldingsAsync(buyer, Ct)).Select(h => (h.Count, h.PurchasePrice)).Single());
        Assert.Equal(15, await LeftAsync(sale.LotId));   // the vendor's stock is untouched
    }

    [Fact]
    public async Task A_seller_cannot_buy_their_own_listing()
    {
        var (sale, seller, _, listing) = await ListingAsync();

        Assert.Equal(PurchaseErrors.OwnListing, (await BuyAsync(seller, new BuyCommand(sale.LotId, 1, listing))).Error);
    }

    [Fact]
    public async Task A_listing_of_another_lot_or_a_cancelled_one_is_not_found()
    {
        var (sale, seller, buyer, listing) = await ListingAsync();
        var otherLot = await Data.LotAsync(sale.VendorId, sale.EventId, 5, 10m, seat: "B1");

        var wrongLot = await BuyAsync(buyer, new BuyCommand(otherLot, 1, listing));
        Assert.True((await Service<ResaleService>().CancelAsync(seller, listing, Ct)).IsSuccess);
        var cancelled = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, listing));

        Assert.Equal((ErrorCodes.NotFound, $"Listing '{listing}' was not found."), (wrongLot.Error?.Code, wrongLot.Error?.Message));
        Assert.Equal(ErrorCodes.NotFound, cancelled.Error?.Code);
    }

    [Fact]
    public async Task A_listing_with_too_few_left_says_how_many_and_a_sold_out_one_says_so()
    {
        var (sale, _, buyer, listing) = await ListingAsync(listed: 2);

        var tooMany = await BuyAsync(buyer, new BuyCommand(sale.LotId, 3, listing));
        Assert.True((await BuyAsync(buyer, new BuyCommand(sale.LotId, 2, listing))).IsSuccess);
        var none = await BuyAsync(buyer, new BuyCommand(sale.LotId, 1, listing));

        Assert.Equal((ErrorCodes.InsufficientQuantity, "Only 2 tickets are available."), (tooMany.Error?.Code, tooMany.Error?.Message));
        Assert.Equal((ErrorCodes.SoldOut, $"Ticket '{listing}' is sold out."), (none.Error?.Code, none.Error?.Message));
        Assert.Equal(2, await CountedAsync(buyer, sale.EventId));
    }

    [Fact]
    public async Task A_declined_resale_purchase_puts_the_tickets_back_on_the_listing()
    {
        var (sale, _, buyer, listing) = await ListingAsync(listed: 3);

        var declined = await BuyAsync(buyer, new BuyCommand(sale.LotId, 2, listing, "pm_card_chargeDeclined"));

        Assert.Equal(ErrorCodes.PaymentDeclined, declined.Error?.Code);
        await using var db = Database.CreateContext();
        var row = await db.ResaleListings.AsNoTracking().SingleAsync(l => l.Id == listing, Ct);
        Assert.Equal((3, 0), (row.Count, row.Sold));
        Assert.Empty(await db.Payouts.ToListAsync(Ct));
        Assert.Equal(15, await LeftAsync(sale.LotId));
    }
}
