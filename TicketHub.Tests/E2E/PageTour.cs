using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Events;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Resale;
using TicketHub.Domain.WaitingRooms;
using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.E2E;

/// <summary>
/// Visits every page as the account it is for and checks that it shows its own heading and its key content (a
/// not-found or access-denied page has a heading too, so any heading is not enough). On every page: axe finds nothing
/// serious or critical in either theme, phones and tablets need no sideways scrolling, and the browser reports no
/// console error and no Content-Security-Policy violation. Leaves a desktop and a phone-width screenshot of each page.
/// </summary>
public sealed class PageTour(BrowserApp app) : JourneyTest(app)
{
    // Playwright adds this before any page script runs, so it sees violations of the page's own policy.
    private const string CspListener = """
        document.addEventListener('securitypolicyviolation', e =>
            console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`));
        """;

    private readonly List<string> _problems = [];

    // A visitor far from the venues (Europe/Berlin), so their own pages add their local time.
    protected override string? BrowserTimeZone => "America/New_York";
    private string _current = "";

    [Fact]
    public async Task Every_page_shows_its_own_content_to_its_audience_in_both_themes_and_on_phones()
    {
        // A day sooner than every other journey's event: the home page lists the 8 soonest, whichever journeys ran first.
        var (eventId, lot) = await EventOnSaleAsync("tour-vendor", "Tourton", "Tour de Force", startsInDays: 20);
        var buyer = await AccountAsync("tour-buyer", UserType.Individual);
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var order = await scope.ServiceProvider.GetRequiredService<PurchaseService>().BuyAsync(buyer.UserId, new BuyCommand(lot, 2), Ct);
        var ev = (await scope.ServiceProvider.GetRequiredService<EventService>().FindAsync(eventId, Ct))!;
        // One of the two listed for resale, so My tickets shows a code and says why the other has none.
        Assert.True((await scope.ServiceProvider.GetRequiredService<ResaleService>().SellAsync(buyer.UserId, new SellCommand(lot, 1, 50m), Ct)).IsSuccess);
        var ticket = (await scope.ServiceProvider.GetRequiredService<ETicketService>().TicketsAsync(buyer.UserId, eventId, Ct)).Single();
        await scope.ServiceProvider.GetRequiredService<AccountAdminService>().EnsureAdministratorAsync("tour-admin", Password, Ct);
        var check = new PageCheck(Page);
        await Page.AddInitScriptAsync(CspListener);
        Page.Console += (_, message) =>
        {
            if (message.Type == "error") _problems.Add($"{_current}: console error: {message.Text}");
        };
        Page.PageError += (_, error) => _problems.Add($"{_current}: script error: {error}");

        await Visit(check, "/account/login", "login", "Log in", "#login-submit", interactive: false);
        await Visit(check, "/account/register", "register", "Create an account", "#register-submit", interactive: false);
        await Visit(check, "/", "home", "Find your next live event", $"[data-event-id='{eventId}']");
        await Visit(check, "/events?city=Tourton", "events", "Events in Tourton", $"#event-results [data-event-id='{eventId}']");
        await Visit(check, $"/events/{eventId}", "event", ev.Name, $"#offer-lot-{lot}");
        await Visit(check, $"/venues/{ev.Venue.Id}", "venue", ev.Venue.Name, $"[data-event-id='{eventId}']");
        // A mistyped address inside the app: the server answers unknown addresses with a bare 404, the router with this page.
        await Visit(check, "/no-such-page", "not-found", "Page not found", "main a[href='/events']", inApp: true);
        await Visit(check, "/my/tickets", "my-tickets-asks-to-log-in", "Log in", "#login-submit", interactive: false);

        await LoginAsync("tour-buyer");
        await Visit(check, $"/checkout?ticket={lot}&count=2", "checkout", "Checkout", "#pay-button");
        await Visit(check, $"/orders/{order.Value!.OrderId}", "order", "You're going!", "#order-status[data-status='paid']");
        await Visit(check, "/my/tickets", "my-tickets", "My tickets", $"#eticket-{ticket.UnitId} img.th-ticket-qr");
        await Expect(Page.Locator($"#listed-note-{eventId}")).ToContainTextAsync("not shown");
        await Visit(check, $"/my/tickets/{ticket.UnitId}", "ticket", ev.Name, "#printable-ticket img.th-ticket-qr");
        // The on-sale queued from tomorrow: the buyer waits for the draw.
        string vendorId;
        await using (var db = App.Factory.Database.CreateContext())
            vendorId = await db.Events.Where(e => e.Id == eventId).Select(e => e.VendorId).SingleAsync(Ct);
        Assert.True((await scope.ServiceProvider.GetRequiredService<WaitingRoomService>().ScheduleAsync(vendorId, eventId, DateTimeOffset.UtcNow.AddDays(1), Ct)).IsSuccess);
        await Visit(check, $"/events/{eventId}/queue", "waiting-room", "Waiting room", "#queue-before-start");
        await Visit(check, "/my/orders", "my-orders", "My orders", $"#order-{order.Value.OrderId}[data-status='paid']");
        await Expect(Page.Locator($"#order-{order.Value.OrderId} .th-your-time")).ToContainTextAsync("(America/New_York) your time");
        await Visit(check, "/account/change-password", "change-password", "Change password", "#current-password", interactive: false);
        await Visit(check, "/vendor", "vendor-forbidden-to-buyers", "Not for this account", ".mud-alert", interactive: false);
        await Page.ClickAsync("#logout");

        await LoginAsync("tour-vendor");
        await Visit(check, "/vendor", "vendor-dashboard", "Vendor dashboard", "#sales-chart svg");
        await Expect(Page.Locator("#total-sold")).ToContainTextAsync("2");
        await Expect(Page.Locator($"#dashboard-events a[href='/vendor/events/{eventId}']")).ToBeVisibleAsync();
        await Visit(check, "/vendor/venues", "vendor-venues", "Venues", "#venues-table >> text=Tourton Hall");
        // Performers are shared by every vendor, and other journeys in this browser app may have added some.
        await Visit(check, "/vendor/performers", "vendor-performers", "Performers", "#performers-table, #performers-empty");
        await Visit(check, "/vendor/events", "vendor-events", "Your events", $"#events-table a[href='/vendor/events/{eventId}']");
        await Visit(check, $"/vendor/events/{eventId}", "vendor-event-tickets", ev.Name, "#lot-chart svg");
        await Expect(Page.Locator("#waiting-room-settings")).ToHaveAttributeAsync("data-state", "scheduled");
        await Visit(check, $"/vendor/events/{eventId}/check-in", "check-in", "Check-in", "#checkin-code");
        await Page.FillAsync("#checkin-code", ticket.Code);
        await Page.PressAsync("#checkin-code", "Enter");
        await Expect(Page.Locator("#checkin-verdict")).ToHaveAttributeAsync("data-verdict", CheckInVerdicts.Valid);
        await Expect(Page.Locator("#entered-count")).ToHaveAttributeAsync("data-entered", "1");
        // The drawer slides back in after the phone widths: let it finish before the picture.
        await Page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)");
        await ScreenshotAsync("page-check-in-after-a-scan");
        await check.AccessibleInBothThemesAsync("check-in-after-a-scan");
        var export = await Page.Context.APIRequest.GetAsync($"/vendor/events/{eventId}/sales.csv");
        Assert.Equal(200, export.Status);
        Assert.Contains(order.Value.OrderId, await export.TextAsync());
        await Visit(check, "/my/tickets", "my-tickets-forbidden-to-vendors", "Not for this account", ".mud-alert", interactive: false);
        await Page.ClickAsync("#logout");

        await LoginAsync("tour-admin");
        await Visit(check, "/admin/vendors", "admin-vendors", "Vendor approvals", "#pending-vendors, #vendors-empty");
        await Visit(check, "/admin/accounts", "admin-accounts", "Accounts", "#accounts-table >> text=tour-buyer");
        await Visit(check, "/admin/audit", "admin-audit", "Audit log", "#audit-table");

        _problems.AddRange(check.Problems);
        Assert.True(_problems.Count == 0, "The tour found:\n" + string.Join("\n", _problems));
    }

    private async Task Visit(PageCheck check, string path, string name, string heading, string keyContent, bool interactive = true,
        bool inApp = false)
    {
        _current = name;
        if (inApp) await Page.EvaluateAsync("path => Blazor.navigateTo(path)", path);
        else await Page.GotoAsync(path);
        await Expect(Page.Locator("h1")).ToHaveTextAsync(new Regex($"^\\s*{Regex.Escape(heading)}\\s*$"));
        await Expect(Page.Locator(keyContent).First).ToBeVisibleAsync();
        if (interactive) await WaitInteractiveAsync();
        await ScreenshotAsync($"page-{name}");
        await check.AccessibleInBothThemesAsync(name);
        await check.FitsPhonesAndTabletsAsync(name, ScreenshotPath($"page-{name}-{PageCheck.PhoneWidth}px"));
    }
}
