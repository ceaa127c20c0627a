using Bunit;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Orders;
using TicketHub.Tests.Support;
using TicketHub.Web.Components.Pages.Orders;

namespace TicketHub.Tests.Components;

/// <summary>The order history page: what each order delivered, and what happens next with one still pending.</summary>
public sealed class MyOrdersTests : ComponentTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_paid_order_links_to_its_tickets_and_a_pending_one_says_what_happens_next()
    {
        var lot = await LotOnSaleAsync(50m);
        var fan = await SignInAsync("fan", UserType.Individual);
        var paid = await Service<PurchaseService>().BuyAsync(fan.UserId, new BuyCommand(lot, 2), Ct);
        var pending = await Service<PurchaseService>().BuyAsync(fan.UserId, new BuyCommand(lot, 1), Ct);
        await using (var db = Database.CreateContext())
            await db.Orders.Where(o => o.Id == pending.Value!.OrderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Pending), Ct);

        var page = Render<MyOrders>();

        var paidCard = page.WaitForElement($"#order-{paid.Value!.OrderId}", Patience);
        Assert.Equal("paid", paidCard.GetAttribute("data-status"));
        Assert.Equal("100.00 USD", page.Find($"#order-{paid.Value.OrderId}-amount").TextContent.Trim());
        Assert.StartsWith("/my/tickets#tickets-", page.Find($"#order-{paid.Value.OrderId}-tickets").GetAttribute("href"));
        Assert.Contains("not charged", page.Find($"#order-{pending.Value!.OrderId}-next").TextContent);
        Assert.Empty(page.FindAll($"#order-{paid.Value.OrderId}-next"));
    }

    [Fact]
    public async Task With_no_orders_the_page_sends_the_buyer_to_browse()
    {
        await SignInAsync("fan", UserType.Individual);

        var page = Render<MyOrders>();

        page.WaitForAssertion(() => Assert.Contains("No orders yet", page.Find("#orders-empty").TextContent), Patience);
        Assert.NotNull(page.Find("#orders-empty a[href='/events']"));
    }
}
