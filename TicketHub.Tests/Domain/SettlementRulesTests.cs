using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Payments;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class SettlementRulesOnSqlite() : SettlementRulesTests(DatabaseProvider.Sqlite);
public sealed class SettlementRulesOnPostgres() : SettlementRulesTests(DatabaseProvider.Postgres);

/// <summary>
/// Settling an order exactly once (<see cref="OrderSettlement"/>) and repairing orders a process left pending between
/// the charge and the settlement (<see cref="PendingOrderReconciliation"/>).
/// </summary>
public abstract class SettlementRulesTests(DatabaseProvider provider) : DomainTest(provider)
{
    protected override void ConfigureServices(IServiceCollection services) => CrashingGateway.Install(services);

    private CrashingGateway Gateway => (CrashingGateway)Service<IPaymentGateway>();

    private async Task<(EventOnSale Sale, string Buyer)> SaleAsync()
    {
        var sale = await Data.EventOnSaleAsync(tickets: 20, price: 25m);
        return (sale, await AccountAsync("fan", UserType.Individual));
    }

    // A purchase whose process went away: after the charge (Gateway.CrashAfterCharging) or before it.
    private async Task<string> PendingAsync(string buyer, BuyCommand cmd)
    {
        var bought = await Service<PurchaseService>().BuyAsync(buyer, cmd, Ct);
        Assert.Equal(ErrorCodes.PaymentUnavailable, bought.Error?.Code);
        await using var db = Database.CreateContext();
        return await db.Orders.Where(o => o.Status == OrderStatus.Pending).OrderByDescending(o => o.CreatedAtUtc).Select(o => o.Id).FirstAsync(Ct);
    }

    private async Task<Order> OrderAsync(string id)
    {
        await using var db = Database.CreateContext();
        return await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id, Ct);
    }

    private async Task<int> LeftAsync(string lot)
    {
        await using var db = Database.CreateContext();
        return await db.TicketLotStock.Where(s => s.LotId == lot).SumAsync(s => s.Remaining, Ct);
    }

    private Task<int> ReconcileAsync(TimeSpan? olderThan = null) =>
        Service<PendingOrderReconciliation>().ReconcileAsync(olderThan ?? TimeSpan.Zero, Ct);

    [Fact]
    public async Task A_pending_order_whose_charge_went_through_is_paid_and_its_tickets_delivered()
    {
        var (sale, buyer) = await SaleAsync();
        Gateway.CrashAfterCharging = true;
        var order = await PendingAsync(buyer, new BuyCommand(sale.LotId, 2));

        Assert.Equal(1, await ReconcileAsync());

        Assert.Contains($"Information: Reconciled order {order}: Paid.", Logs.Messages);
        var paid = await OrderAsync(order);
        Assert.Equal((OrderStatus.Paid, $"test_pi_{order}"), (paid.Status, paid.PaymentReference));
        Assert.Equal(2, Assert.Single(await Service<HoldingService>().HoldingsAsync(buyer, Ct)).Count);
        Assert.Equal(18, await LeftAsync(sale.LotId));
    }

    [Fact]
    public async Task A_pending_order_with_no_charge_fails_and_releases_its_tickets_and_allowance()
    {
        var (sale, buyer) = await SaleAsync();
        Gateway.CrashBeforeCharging = true;
        var order = await PendingAsync(buyer, new BuyCommand(sale.LotId, 3));
        Assert.Equal(17, await LeftAsync(sale.LotId));

        Assert.Equal(1, await ReconcileAsync());

        var failed = await OrderAsync(order);
        Assert.Equal((OrderStatus.Failed, "no_charge"), (failed.Status, failed.FailureCode));
        Assert.Equal(20, await LeftAsync(sale.LotId));
        Assert.Equal(10, await Service<HoldingService>().AllowanceAsync(buyer, sale.EventId, Ct));
    }

    [Fact]
    public async Task Orders_younger_than_the_grace_period_are_left_to_their_purchase()
    {
        var (sale, buyer) = await SaleAsync();
        Gateway.CrashBeforeCharging = true;
        var order = await PendingAsync(buyer, new BuyCommand(sale.LotId, 1));

        Assert.Equal(0, await ReconcileAsync(TimeSpan.FromMinutes(5)));
        Assert.Equal(OrderStatus.Pending, (await OrderAsync(order)).Status);

        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await ReconcileAsync(TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task An_unreachable_gateway_leaves_orders_pending_for_the_next_round()
    {
        var (sale, buyer) = await SaleAsync();
        Gateway.CrashAfterCharging = true;
        var order = await PendingAsync(buyer, new BuyCommand(sale.LotId, 1));
        Gateway.Unreachable = true;

        Assert.Equal(0, await ReconcileAsync());
        Assert.Equal(OrderStatus.Pending, (await OrderAsync(order)).Status);
        Assert.Contains($"Warning: Could not ask the gateway about order {order}; will retry.", Logs.Messages);

        Gateway.Unreachable = false;
        Assert.Equal(1, await ReconcileAsync());
        Assert.Equal(0, await ReconcileAsync());   // settled orders are not settled again
        Assert.Equal(OrderStatus.Paid, (await OrderAsync(order)).Status);
    }

    [Fact]
    public async Task Paid_and_failed_orders_are_never_reconciled()
    {
        var (sale, buyer) = await SaleAsync();
        Assert.True((await Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(sale.LotId, 1), Ct)).IsSuccess);
        Assert.False((await Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(sale.LotId, 1, PaymentMethod: "pm_card_chargeDeclined"), Ct)).IsSuccess);

        Assert.Equal(0, await ReconcileAsync());
    }

    [Fact]
    public async Task A_second_settlement_of_the_same_order_changes_nothing_and_says_it_was_not_its_own()
    {
        var (sale, buyer) = await SaleAsync();
        Gateway.CrashBeforeCharging = true;
        var id = await PendingAsync(buyer, new BuyCommand(sale.LotId, 4));
        var order = await OrderAsync(id);
        var settlement = Service<OrderSettlement>();

        var (first, mine) = await settlement.SettleAsync(order, PaymentOutcome.Decline("card_declined", "ref-1"), Ct);
        var (second, again) = await settlement.SettleAsync(await OrderAsync(id), PaymentOutcome.Decline("card_declined"), Ct);
        var (third, late) = await settlement.SettleAsync(await OrderAsync(id), PaymentOutcome.Success("ref-2"), Ct);

        Assert.True(mine);
        Assert.Equal((OrderStatus.Failed, "card_declined", "ref-1"), (first.Status, first.FailureCode, first.PaymentReference));
        Assert.False(again);
        Assert.False(late);
        Assert.Equal((OrderStatus.Failed, "ref-1"), (second.Status, second.PaymentReference));
        Assert.Equal((OrderStatus.Failed, "ref-1"), (third.Status, third.PaymentReference));
        Assert.Equal(20, await LeftAsync(sale.LotId));   // released once, not twice
        Assert.Empty(await Service<HoldingService>().HoldingsAsync(buyer, Ct));
    }

    [Fact]
    public async Task A_paid_settlement_keeps_no_failure_code_and_records_the_reference()
    {
        var (sale, buyer) = await SaleAsync();
        Gateway.CrashBeforeCharging = true;
        var id = await PendingAsync(buyer, new BuyCommand(sale.LotId, 1));

        var (paid, mine) = await Service<OrderSettlement>().SettleAsync(await OrderAsync(id), PaymentOutcome.Success("pi_123"), Ct);

        Assert.True(mine);
        Assert.Equal((OrderStatus.Paid, "pi_123", (string?)null), (paid.Status, paid.PaymentReference, paid.FailureCode));
        var stored = await OrderAsync(id);
        Assert.Equal((OrderStatus.Paid, "pi_123", (string?)null), (stored.Status, stored.PaymentReference, stored.FailureCode));
        Assert.Equal(paid.UpdatedAtUtc, stored.UpdatedAtUtc, TimeSpan.FromMilliseconds(1));   // PostgreSQL keeps microseconds
    }

    [Fact]
    public async Task Tickets_of_a_failed_resale_purchase_go_back_to_the_seller_when_the_listing_was_cancelled_meanwhile()
    {
        var (sale, seller) = await SaleAsync();
        Assert.True((await Service<PurchaseService>().BuyAsync(seller, new BuyCommand(sale.LotId, 4), Ct)).IsSuccess);
        var listing = (await Service<ResaleService>().SellAsync(seller, new SellCommand(sale.LotId, 3, null), Ct)).Value!.ListingId;
        var buyer = await AccountAsync("buyer", UserType.Individual);
        Gateway.CrashBeforeCharging = true;
        var id = await PendingAsync(buyer, new BuyCommand(sale.LotId, 2, listing));
        var cancelled = await Service<ResaleService>().CancelAsync(seller, listing, Ct);
        Assert.Equal(1, cancelled.Value?.Returned);   // the two reserved are not the seller's to take back yet

        var (failed, _) = await Service<OrderSettlement>().SettleAsync(await OrderAsync(id), PaymentOutcome.Decline("card_declined"), Ct);

        Assert.Equal(OrderStatus.Failed, failed.Status);
        Assert.Equal(4, Assert.Single(await Service<HoldingService>().HoldingsAsync(seller, Ct)).Count);
        await using var db = Database.CreateContext();
        var row = await db.ResaleListings.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((ListingStatus.Cancelled, 0, 0), (row.Status, row.Count, row.Sold));
    }

    [Fact]
    public async Task A_failed_purchase_gives_its_tickets_back_to_the_bucket_they_came_from()
    {
        var sale = await Data.EventOnSaleAsync(tickets: 1_000, price: 10m);   // four buckets of 250
        var buyer = await AccountAsync("fan", UserType.Individual);
        Gateway.CrashBeforeCharging = true;
        var id = await PendingAsync(buyer, new BuyCommand(sale.LotId, 5));
        var order = await OrderAsync(id);
        Assert.NotNull(order.StockBucket);

        await Service<OrderSettlement>().SettleAsync(order, PaymentOutcome.Decline("card_declined"), Ct);

        await using var db = Database.CreateContext();
        Assert.All(await db.TicketLotStock.Where(s => s.LotId == sale.LotId).ToListAsync(Ct), s => Assert.Equal(250, s.Remaining));
    }

    [Fact]
    public async Task A_reservation_takes_from_the_buyers_starting_bucket()
    {
        var sale = await Data.EventOnSaleAsync(tickets: 4_000, price: 10m);   // sixteen buckets of 250
        var buyer = await AccountAsync("fan", UserType.Individual);
        var bought = await Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(sale.LotId, 3), Ct);

        var order = await OrderAsync(bought.Value!.OrderId);
        Assert.Equal(StockBuckets.StartFor(order.Id), order.StockBucket);
        await using var db = Database.CreateContext();
        Assert.Equal(247, await db.TicketLotStock.Where(s => s.LotId == sale.LotId && s.Bucket == order.StockBucket).Select(s => s.Remaining).SingleAsync(Ct));
    }
}
