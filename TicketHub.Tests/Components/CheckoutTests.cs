using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Orders;
using TicketHub.Tests.Support;
using TicketHub.Web.Components.Pages.Orders;
using OrderPage = TicketHub.Web.Components.Pages.Orders.OrderDetails;

namespace TicketHub.Tests.Components;

/// <summary>Checkout: the card field maps to the test gateway, and the domain's answer decides what is shown.</summary>
public sealed class CheckoutTests : ComponentTest
{
    // Each wait spans real domain calls over SQLite; a busy machine can need more than bUnit's default second.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private async Task<(AccountInfo Fan, IRenderedComponent<Checkout> Page)> CheckoutAsync(int count = 2)
    {
        var lot = await LotOnSaleAsync(50m);
        var fan = await SignInAsync("fan", UserType.Individual);
        Service<NavigationManager>().NavigateTo($"/checkout?ticket={lot}&count={count}");
        var page = Render<Checkout>();
        page.WaitForElement("#card-number", Patience);
        return (fan, page);
    }

    private async Task<int> OrdersAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Orders.CountAsync(Ct);
    }

    [Fact]
    public async Task The_summary_shows_the_event_seats_and_total()
    {
        var (_, page) = await CheckoutAsync(count: 2);

        Assert.Contains("Spring Tour", page.Find("#checkout-event").TextContent);
        Assert.Contains("Section A, seat 12", page.Markup);
        Assert.Contains("(America/Chicago)", page.Markup);
        Assert.Equal("100.00 USD", page.Find("#checkout-total").TextContent.Trim());
    }

    [Fact]
    public async Task A_declined_card_shows_why_and_sells_nothing()
    {
        var (fan, page) = await CheckoutAsync();

        page.Find("#card-number").Input("4000 0000 0000 0002");
        page.Find("#pay-button").Click();

        page.WaitForAssertion(() => Assert.Contains("Your card was declined", page.Find("#checkout-error").TextContent), Patience);
        Assert.Empty(await Service<HoldingService>().HoldingsAsync(fan.UserId, Ct));
        Assert.DoesNotContain("/orders/", Service<NavigationManager>().Uri);
    }

    [Fact]
    public async Task An_unknown_card_number_is_a_field_error_and_nothing_is_attempted()
    {
        var (_, page) = await CheckoutAsync();

        page.Find("#card-number").Input("1234 5678");
        page.Find("#pay-button").Click();

        page.WaitForAssertion(() => Assert.Contains("Unknown card number", page.Markup), Patience);
        Assert.Empty(page.FindAll("#checkout-error"));
        Assert.Equal(0, await OrdersAsync());
    }

    [Fact]
    public async Task A_good_card_buys_and_opens_the_order_confirmation()
    {
        var (fan, page) = await CheckoutAsync(count: 2);

        page.Find("#card-number").Input("4242 4242 4242 4242");
        page.Find("#pay-button").Click();

        var nav = Service<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("/orders/", nav.Uri), Patience);
        var holding = Assert.Single(await Service<HoldingService>().HoldingsAsync(fan.UserId, Ct));
        Assert.Equal(2, holding.Count);
        Assert.NotNull(await Service<HoldingService>().OrderAsync(fan.UserId, nav.Uri[(nav.Uri.LastIndexOf('/') + 1)..], Ct));
    }

    [Fact]
    public async Task Paying_twice_in_a_row_buys_once()
    {
        var (fan, page) = await CheckoutAsync(count: 2);

        page.Find("#card-number").Input("4242 4242 4242 4242");
        var first = page.Find("#checkout-form").SubmitAsync();
        var second = page.Find("#checkout-form").SubmitAsync();
        await Task.WhenAll(first, second);

        page.WaitForAssertion(() => Assert.Contains("/orders/", Service<NavigationManager>().Uri), Patience);
        Assert.Equal(1, await OrdersAsync());
        Assert.Equal(2, Assert.Single(await Service<HoldingService>().HoldingsAsync(fan.UserId, Ct)).Count);
    }

    [Fact]
    public async Task After_a_decline_another_card_can_still_buy()
    {
        var (fan, page) = await CheckoutAsync(count: 1);

        page.Find("#card-number").Input("4000 0000 0000 0002");
        page.Find("#pay-button").Click();
        page.WaitForElement("#checkout-error", Patience);
        page.Find("#card-number").Input("4242 4242 4242 4242");
        page.Find("#pay-button").Click();

        page.WaitForAssertion(() => Assert.Contains("/orders/", Service<NavigationManager>().Uri), Patience);
        Assert.Equal(1, Assert.Single(await Service<HoldingService>().HoldingsAsync(fan.UserId, Ct)).Count);
    }

    [Fact]
    public async Task Someone_elses_order_is_not_found()
    {
        var (_, page) = await CheckoutAsync(count: 1);
        page.Find("#card-number").Input("4242 4242 4242 4242");
        page.Find("#pay-button").Click();
        var nav = Service<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("/orders/", nav.Uri), Patience);
        var orderId = nav.Uri[(nav.Uri.LastIndexOf('/') + 1)..];

        await SignInAsync("stranger", UserType.Individual);
        var order = Render<OrderPage>(p => p.Add(x => x.Id, orderId));

        order.WaitForAssertion(() => Assert.NotNull(order.Find("#order-not-found")), Patience);
        Assert.DoesNotContain("Spring Tour", order.Markup);
    }

    [Fact]
    public async Task The_buyer_sees_the_paid_order_with_its_total()
    {
        var (_, page) = await CheckoutAsync(count: 3);
        page.Find("#card-number").Input("4242 4242 4242 4242");
        page.Find("#pay-button").Click();
        var nav = Service<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("/orders/", nav.Uri), Patience);

        var order = Render<OrderPage>(p => p.Add(x => x.Id, nav.Uri[(nav.Uri.LastIndexOf('/') + 1)..]));

        order.WaitForAssertion(() => Assert.Equal("paid", order.Find("#order-status").GetAttribute("data-status")), Patience);
        Assert.Equal("150.00 USD", order.Find("#order-total").TextContent.Trim());
        Assert.Equal("/my/tickets", order.Find("#my-tickets-link").GetAttribute("href"));
    }
}
