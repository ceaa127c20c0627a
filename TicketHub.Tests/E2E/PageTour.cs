using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Events;
using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.E2E;

/// <summary>Visits every page as the account it is for, checks it renders its heading, and keeps a screenshot of each.</summary>
public sealed class PageTour(BrowserApp app) : JourneyTest(app)
{
    [Fact]
    public async Task Every_page_renders_for_its_audience()
    {
        var (eventId, lot) = await EventOnSaleAsync("tour-vendor", "Tourton", "Tour de Force");
        var buyer = await AccountAsync("tour-buyer", UserType.Individual);
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var order = await scope.ServiceProvider.GetRequiredService<PurchaseService>().BuyAsync(buyer.UserId, new BuyCommand(lot, 2), Ct);
        var ev = await scope.ServiceProvider.GetRequiredService<EventService>().FindAsync(eventId, Ct);

        await Visit("/account/login", "login");
        await Visit("/account/register", "register");
        await Visit("/", "home");
        await Visit("/events?city=Tourton", "events");
        await Visit($"/events/{eventId}", "event");
        await Visit($"/venues/{ev!.Venue.Id}", "venue");

        await LoginAsync("tour-buyer");
        await Visit($"/checkout?ticket={lot}&count=2", "checkout");
        await Visit($"/orders/{order.Value!.OrderId}", "order");
        await Visit("/my/tickets", "my-tickets");
        await Visit("/vendor", "vendor-forbidden-to-buyers");
        await Page.ClickAsync("#logout");

        await LoginAsync("tour-vendor");
        await Visit("/vendor", "vendor-dashboard");
        await Visit("/vendor/venues", "vendor-venues");
        await Visit("/vendor/performers", "vendor-performers");
        await Visit("/vendor/events", "vendor-events");
        await Visit($"/vendor/events/{eventId}", "vendor-event-tickets");
    }

    private async Task Visit(string path, string name)
    {
        await Page.GotoAsync(path);
        await Expect(Page.Locator("h1").First).ToBeVisibleAsync();
        await ScreenshotAsync($"page-{name}");
    }
}
