using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.E2E;

public sealed class BuyerJourneys(BrowserApp app) : JourneyTest(app)
{
    [Fact]
    public async Task A_new_buyer_browses_by_city_buys_two_and_resells_one_for_less()
    {
        var (_, lot) = await EventOnSaleAsync("vendor-j2", "Rivertown", "River Jam", price: 60m);
        await RegisterAsync("buyer-j2", "individual");

        await GoToAsync("/events");
        await Page.ClickAsync("#filter-country");
        await Page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Testland')");
        await Page.ClickAsync("#filter-city");
        await Page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Rivertown')");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("city=Rivertown"));
        await Page.ClickAsync("a:has-text('River Jam')");
        await WaitInteractiveAsync();
        await Expect(Page.Locator("#allowance")).ToContainTextAsync("10");

        await Page.FillAsync($"#qty-lot-{lot}", "2");
        await Page.PressAsync($"#qty-lot-{lot}", "Tab");
        await Page.ClickAsync($"#buy-lot-{lot}");
        await PayAsync("4242 4242 4242 4242");
        await Expect(Page.Locator("#order-status")).ToHaveAttributeAsync("data-status", "paid");

        await Page.ClickAsync("#my-tickets-link");
        await WaitInteractiveAsync();
        await Page.ClickAsync($"#resell-{lot}");
        await Page.FillAsync("#resell-count", "1");
        await Page.FillAsync("#resell-price", "45");
        await Page.ClickAsync("#resell-submit");

        await Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("Listed 1");
        await Expect(Page.Locator("#listings-heading")).ToBeVisibleAsync();
        await ScreenshotAsync("my-tickets-after-resale");
    }

    [Fact]
    public async Task A_second_buyer_buys_a_resale_listing()
    {
        var (eventId, lot) = await EventOnSaleAsync("vendor-j3", "Lakeside", "Lake Lights", price: 80m);
        var listingId = await ResaleListingAsync("seller-j3", lot, price: 70m);
        await RegisterAsync("buyer-j3", "individual");

        await GoToAsync($"/events/{eventId}");
        await Page.ClickAsync($"#buy-listing-{listingId}");
        await PayAsync("4242424242424242");

        await Expect(Page.Locator("#order-status")).ToHaveAttributeAsync("data-status", "paid");
        await Expect(Page.Locator("#order-total")).ToContainTextAsync("70.00 EUR");
        await ScreenshotAsync("order-confirmation-resale");
    }

    [Fact]
    public async Task A_declined_card_shows_the_message_and_sells_nothing()
    {
        var (eventId, lot) = await EventOnSaleAsync("vendor-j4", "Hillcrest", "Hill Hymns", tickets: 5);
        await RegisterAsync("buyer-j4", "individual");

        await GoToAsync($"/events/{eventId}");
        await Page.ClickAsync($"#buy-lot-{lot}");
        await PayAsync("4000 0000 0000 0002");

        await Expect(Page.Locator("#checkout-error")).ToContainTextAsync("declined");
        await ScreenshotAsync("checkout-declined");
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var listings = await scope.ServiceProvider.GetRequiredService<TicketInventoryService>().EventListingsAsync(eventId, Ct);
        Assert.Equal(5, listings.Value!.Primary.Single().Available);
    }

    private async Task PayAsync(string card)
    {
        // Blazor navigates in the page (history API), so there is no load event to wait for: watch the address.
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/checkout\\?"));
        await WaitInteractiveAsync();
        await Page.FillAsync("#card-number", card);
        await Page.ClickAsync("#pay-button");
    }

    /// <summary>An individual who bought two tickets of the lot and listed one of them.</summary>
    private async Task<string> ResaleListingAsync(string seller, string lot, decimal price)
    {
        var account = await AccountAsync(seller, UserType.Individual);
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var bought = await scope.ServiceProvider.GetRequiredService<PurchaseService>().BuyAsync(account.UserId, new BuyCommand(lot, 2), Ct);
        Assert.True(bought.IsSuccess, bought.Error?.Message);
        var listed = await scope.ServiceProvider.GetRequiredService<ResaleService>().SellAsync(account.UserId, new SellCommand(lot, 1, price), Ct);
        Assert.True(listed.IsSuccess, listed.Error?.Message);
        return listed.Value.ListingId;
    }
}
