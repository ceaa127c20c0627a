using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.E2E;

public sealed class PageCacheJourney(BrowserApp app) : JourneyTest(app)
{
    [Fact]
    public async Task A_visitor_served_another_visitors_cached_event_page_still_gets_a_live_page()
    {
        var (eventId, _) = await EventOnSaleAsync("vendor-j9", "Cachetown", "Cache Carnival");
        await using var firstVisitor = await App.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, IgnoreHTTPSErrors = true });
        var rendered = await (await firstVisitor.NewPageAsync()).GotoAsync($"/events/{eventId}");

        var cached = await Page.GotoAsync($"/events/{eventId}");

        Assert.Equal("miss", await rendered!.HeaderValueAsync("x-page-cache"));
        Assert.Equal("hit", await cached!.HeaderValueAsync("x-page-cache"));
        await WaitInteractiveAsync();
        await Page.ClickAsync("[aria-label='Toggle dark mode']");   // only the live circuit can answer this click
        await Page.WaitForFunctionAsync(   // the dark palette's primary, #a99bff
            "() => document.querySelector('style.mud-theme-provider')?.textContent.includes('--mud-palette-primary: rgba(169,155,255,1);')");
    }
}
