using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class OrderHistoryOnSqlite() : OrderHistoryTests(DatabaseProvider.Sqlite);
public sealed class OrderHistoryOnPostgres() : OrderHistoryTests(DatabaseProvider.Postgres);

/// <summary>The buyer's order history: every order they placed, in every status, newest first.</summary>
public abstract class OrderHistoryTests(DatabaseProvider provider) : DomainTest(provider)
{
    private async Task<(string Buyer, string Lot)> BuyerAndLotAsync()
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);
        var venue = await VenueAsync(vendor, "Europe/Lisbon");
        var ev = await EventAsync(vendor, venue, DateTimeOffset.UtcNow.AddDays(12), "Fado Night", currency: "EUR");
        return (await AccountAsync("fan", UserType.Individual), await LotAsync(vendor, ev, 20, 35m));
    }

    private Task<Result<OrderSummary>> BuyAsync(string buyer, string lot, int count, string card = "pm_card_visa") =>
        Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(lot, count, PaymentMethod: card), Ct);

    [Fact]
    public async Task Every_order_is_listed_newest_first_with_its_status_and_amount()
    {
        var (buyer, lot) = await BuyerAndLotAsync();
        var paid = await BuyAsync(buyer, lot, 2);
        var declined = await BuyAsync(buyer, lot, 1, "pm_card_chargeDeclined");
        Assert.False(declined.IsSuccess);

        var history = await Service<OrderHistoryService>().OrdersAsync(buyer, new PageRequest(), Ct);

        Assert.Equal(2, history.TotalCount);
        Assert.Equal([OrderStatus.Failed, OrderStatus.Paid], history.Items.Select(o => o.Status));
        var first = history.Items[1];
        Assert.Equal((paid.Value!.OrderId, 2, 70m, "EUR", "Fado Night"),
            (first.OrderId, first.Count, first.Amount, first.Currency, first.EventName));
    }

    [Fact]
    public async Task A_pending_order_is_listed_as_pending()
    {
        var (buyer, lot) = await BuyerAndLotAsync();
        var order = await BuyAsync(buyer, lot, 1);
        await using (var db = Database.CreateContext())
            await db.Orders.Where(o => o.Id == order.Value!.OrderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Pending), Ct);

        var history = await Service<OrderHistoryService>().OrdersAsync(buyer, new PageRequest(), Ct);

        Assert.Equal(OrderStatus.Pending, Assert.Single(history.Items).Status);
    }

    [Fact]
    public async Task Someone_elses_orders_are_not_listed()
    {
        var (buyer, lot) = await BuyerAndLotAsync();
        await BuyAsync(buyer, lot, 1);
        var other = await AccountAsync("other-fan", UserType.Individual);

        var history = await Service<OrderHistoryService>().OrdersAsync(other, new PageRequest(), Ct);

        Assert.Equal(0, history.TotalCount);
        Assert.Empty(history.Items);
    }
}
