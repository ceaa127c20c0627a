using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using TicketHub.Domain.Vendors;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class VendorSalesOnSqlite() : VendorSalesTests(DatabaseProvider.Sqlite);
public sealed class VendorSalesOnPostgres() : VendorSalesTests(DatabaseProvider.Postgres);

/// <summary>The figures of the vendor dashboard, the vendor's event page and the sales export.</summary>
public abstract class VendorSalesTests(DatabaseProvider provider) : DomainTest(provider)
{
    private string _vendor = "";

    private async Task<(string EventId, string Lot)> EventWithLotAsync(string zone = "Europe/Berlin", string currency = "EUR", string name = "Show")
    {
        if (_vendor == "") _vendor = await AccountAsync("vendor", UserType.Vendor);
        var ev = await EventAsync(_vendor, await VenueAsync(_vendor, zone), DateTimeOffset.UtcNow.AddDays(20), name, currency);
        return (ev, await LotAsync(_vendor, ev, 20, 25m));
    }

    private async Task<string> BuyAsync(string buyer, string lot, int count, string card = "pm_card_visa", string? listing = null) =>
        (await Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(lot, count, listing, card), Ct)).Value?.OrderId ?? "";

    private async Task SetAsync(string orderId, OrderStatus status, DateTime? createdAt = null)
    {
        await using var db = Database.CreateContext();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId, Ct);
        order.Status = status;
        order.CreatedAtUtc = createdAt ?? order.CreatedAtUtc;
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task The_dashboard_counts_paid_tickets_as_sold_and_reservations_being_paid_apart()
    {
        var (_, lot) = await EventWithLotAsync();
        var fan = await AccountAsync("fan", UserType.Individual);
        await BuyAsync(fan, lot, 2);
        await SetAsync(await BuyAsync(fan, lot, 3), OrderStatus.Pending);
        await BuyAsync(fan, lot, 4, "pm_card_chargeDeclined");

        var dashboard = await Service<VendorDashboardService>().DashboardAsync(_vendor, Ct);

        var stats = Assert.Single(dashboard.Events);
        Assert.Equal((2, 3, 15), (stats.Sold, stats.Pending, stats.Remaining));
        Assert.Equal((2, 3, 50m), (dashboard.Sold, dashboard.Pending, stats.Revenue));
    }

    [Fact]
    public async Task Daily_sales_count_paid_tickets_per_day_with_revenue_per_currency()
    {
        var (_, euroLot) = await EventWithLotAsync(currency: "EUR");
        var (_, dollarLot) = await EventWithLotAsync("America/Chicago", "USD");
        var fan = await AccountAsync("fan", UserType.Individual);
        await BuyAsync(fan, euroLot, 2);
        await BuyAsync(fan, dollarLot, 1);
        await SetAsync(await BuyAsync(fan, euroLot, 1), OrderStatus.Paid, DateTime.UtcNow.AddDays(-45));   // before the window
        await SetAsync(await BuyAsync(fan, dollarLot, 2), OrderStatus.Pending);                            // not sold yet

        var sales = await Service<VendorSalesService>().DailySalesAsync(_vendor, ct: Ct);

        Assert.Equal(30, sales.Days.Count);
        Assert.Equal(3, sales.Tickets.Sum());
        Assert.Equal(["EUR", "USD"], sales.Revenue.Select(r => r.Currency));
        Assert.Equal((50m, 25m), (sales.Revenue[0].Total, sales.Revenue[1].Total));
        Assert.All(sales.Revenue, r => Assert.Equal(30, r.Amounts.Count));
    }

    [Fact]
    public async Task A_sale_counts_on_its_day_at_the_venue()
    {
        var (_, lot) = await EventWithLotAsync("Pacific/Auckland");
        var fan = await AccountAsync("fan", UserType.Individual);
        var auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, auckland));
        // Ten past midnight today in Auckland is still the day before in UTC.
        var justAfterMidnight = TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(new TimeOnly(0, 10)), auckland);
        await SetAsync(await BuyAsync(fan, lot, 2), OrderStatus.Paid, justAfterMidnight);

        var sales = await Service<VendorSalesService>().DailySalesAsync(_vendor, ct: Ct);

        Assert.Equal(today, sales.Days[^1]);
        Assert.Equal(2, sales.Tickets[^1]);
    }

    [Fact]
    public async Task An_events_lots_show_sold_pending_removed_remaining_and_resale_activity()
    {
        var (eventId, lot) = await EventWithLotAsync();
        var fan = await AccountAsync("fan", UserType.Individual);
        var other = await AccountAsync("other", UserType.Individual);
        await BuyAsync(fan, lot, 4);
        await SetAsync(await BuyAsync(other, lot, 1), OrderStatus.Pending);
        await Service<TicketInventoryService>().RemoveAsync(_vendor, lot, 5, Ct);
        var listing = await Service<ResaleService>().SellAsync(fan, new SellCommand(lot, 3, 20m), Ct);
        await BuyAsync(other, lot, 1, listing: listing.Value!.ListingId);

        var sales = await Service<VendorSalesService>().EventSalesAsync(_vendor, eventId, Ct);

        var row = Assert.Single(sales.Value!.Lots);
        Assert.Equal((20, 4, 1, 5, 10), (row.Uploaded, row.Sold, row.Pending, row.Removed, row.Remaining));
        Assert.Equal((2, 1), (row.OnResale, row.Resold));
    }

    [Fact]
    public async Task The_export_lists_paid_and_pending_orders_of_both_channels_and_no_failed_ones()
    {
        var (eventId, lot) = await EventWithLotAsync();
        var fan = await AccountAsync("fan", UserType.Individual);
        var other = await AccountAsync("other", UserType.Individual);
        var paid = await BuyAsync(fan, lot, 2);
        var pending = await BuyAsync(other, lot, 1);
        await SetAsync(pending, OrderStatus.Pending);
        await BuyAsync(other, lot, 1, "pm_card_chargeDeclined");
        var listing = await Service<ResaleService>().SellAsync(fan, new SellCommand(lot, 1, 20m), Ct);
        var resale = await BuyAsync(other, lot, 1, listing: listing.Value!.ListingId);

        var rows = (await Service<VendorSalesService>().SalesExportAsync(_vendor, eventId, Ct)).Value!;

        Assert.Equal([(paid, "paid", "primary", 50m), (pending, "pending", "primary", 25m), (resale, "paid", "resale", 20m)],
            rows.Select(r => (r.OrderId, r.Status, r.Channel, r.Amount)));
        Assert.All(rows, r => Assert.Equal(("Europe/Berlin", "EUR", "GA"), (r.TimeZone, r.Currency, r.Seat)));
    }

    [Fact]
    public async Task Another_vendors_event_has_no_sales_to_show()
    {
        var (eventId, _) = await EventWithLotAsync();
        var rival = await AccountAsync("rival", UserType.Vendor);

        var sales = await Service<VendorSalesService>().EventSalesAsync(rival, eventId, Ct);
        var export = await Service<VendorSalesService>().SalesExportAsync(rival, eventId, Ct);

        Assert.Equal(ErrorCodes.NotOwner, sales.Error?.Code);
        Assert.Equal(ErrorCodes.NotOwner, export.Error?.Code);
    }
}
