using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.E2E;

public sealed class VendorJourney(BrowserApp app) : JourneyTest(app)
{
    [Fact]
    public async Task A_new_vendor_adds_a_venue_a_performer_and_an_event_then_uploads_tickets()
    {
        await RegisterAsync("promoter1", "vendor");

        await GoToAsync("/vendor/venues");
        // The autocomplete first, and wait for its choice to settle before the form is sent.
        await Page.ClickAsync("#venue-timezone");
        await Page.FillAsync("#venue-timezone", "Europe/Lis");
        await Page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Europe/Lisbon')");
        await Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#venue-timezone")).ToHaveValueAsync("Europe/Lisbon");
        await Page.FillAsync("#venue-name", "Harbour Hall");
        await Page.FillAsync("#venue-street", "1 Quay Street");
        await Page.FillAsync("#venue-city", "Journeyville");
        await Page.FillAsync("#venue-country", "Testland");
        await Page.ClickAsync("#venue-submit");
        await Expect(Page.Locator("#venues-table")).ToContainTextAsync("Harbour Hall");

        await GoToAsync("/vendor/performers");
        await Page.FillAsync("#performer-name", "The Gulls");
        await Page.FillAsync("#performer-description", "Sea shanty punk");
        await Page.ClickAsync("#performer-submit");
        await Expect(Page.Locator("#performers-table")).ToContainTextAsync("The Gulls");

        await GoToAsync("/vendor/events");
        await Page.ClickAsync("#event-venue");
        await Page.FillAsync("#event-venue", "Harbour");
        await Page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Harbour Hall')");
        await Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Page.FillAsync("#event-name", "Gulls at the Harbour");
        var day = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd");
        await Page.FillAsync("#event-start-date", day);
        await Page.PressAsync("#event-start-date", "Tab");
        await Page.FillAsync("#event-start-time", "20:00");
        await Page.PressAsync("#event-start-time", "Tab");
        await Page.FillAsync("#event-end-date", day);
        await Page.PressAsync("#event-end-date", "Tab");
        await Page.FillAsync("#event-end-time", "23:00");
        await Page.PressAsync("#event-end-time", "Tab");
        await Page.ClickAsync("#event-performer");
        await Page.FillAsync("#event-performer", "Gulls");
        await Page.ClickAsync(".mud-popover-open .mud-list-item:has-text('The Gulls')");
        await Expect(Page.Locator("#event-performers")).ToContainTextAsync("The Gulls");
        await Page.ClickAsync("#event-submit");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/vendor/events/[0-9a-z]+$"));
        await WaitInteractiveAsync();

        await Page.FillAsync("#upload-section", "Floor");
        await Page.FillAsync("#upload-seat", "GA");
        await Page.FillAsync("#upload-count", "150");
        await Page.FillAsync("#upload-price", "42.50");
        await Page.ClickAsync("#upload-submit");

        await Expect(Page.Locator("#lots-table")).ToContainTextAsync("150");
        await ScreenshotAsync("vendor-event-tickets");
    }
}
