using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Orders;
using TicketHub.Domain.WaitingRooms;
using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.E2E;

/// <summary>
/// What one browser does and another sees without reloading: availability that drops and sells out, a door's count,
/// a place in a waiting room. Every step waits for a condition in the page; none waits for a time.
/// </summary>
public sealed class LiveTicketJourneys(BrowserApp app) : JourneyTest(app)
{
    [Fact]
    public async Task A_second_buyer_sees_availability_drop_and_a_sell_out_without_reloading()
    {
        var (eventId, lot) = await EventOnSaleAsync("vendor-live", "Livetown", "Live Wire", tickets: 3);
        await AccountAsync("buyer-live-a", UserType.Individual);
        await AccountAsync("buyer-live-b", UserType.Individual);
        await using var second = await NewBrowserAsync("buyer-live-b");
        var eventPage = await OpenAsync(second, $"/events/{eventId}");
        var checkout = await OpenAsync(second, $"/checkout?ticket={lot}&count=1");
        var browse = await OpenAsync(second, "/events?city=Livetown");
        var offer = eventPage.Locator($"#offer-lot-{lot}");
        var card = browse.Locator($"[data-event-id='{eventId}']");
        await Expect(offer).ToHaveAttributeAsync("data-available", "3");
        await Expect(checkout.Locator("#checkout-left")).ToHaveAttributeAsync("data-left", "3");
        await Expect(card).ToHaveAttributeAsync("data-available", "3");
        // A reload would clear this mark: it still being there at the end shows the pages changed in place.
        foreach (var page in new[] { eventPage, checkout, browse }) await page.EvaluateAsync("() => window.thNotReloaded = true");

        await LoginAsync("buyer-live-a");
        await BuyAsync(eventId, lot, count: 2);
        await Expect(offer).ToHaveAttributeAsync("data-available", "1");
        await Expect(checkout.Locator("#checkout-left")).ToHaveAttributeAsync("data-left", "1");
        await Expect(card).ToHaveAttributeAsync("data-available", "1");
        await Expect(checkout.Locator("#pay-button")).ToBeEnabledAsync();

        await BuyAsync(eventId, lot, count: 1);
        await Expect(offer.GetByText("Sold out")).ToBeVisibleAsync();
        await Expect(card.GetByText("Sold out")).ToBeVisibleAsync();
        await Expect(checkout.Locator("#checkout-sold-out")).ToContainTextAsync("just sold out");
        await Expect(checkout.Locator("#pay-button")).ToBeDisabledAsync();
        foreach (var page in new[] { eventPage, checkout, browse })
            Assert.True(await page.EvaluateAsync<bool>("() => window.thNotReloaded === true"), $"{page.Url} was reloaded.");
        await checkout.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("checkout-sold-out-live"), FullPage = true });
    }

    [Fact]
    public async Task The_door_admits_a_printed_ticket_once_and_every_door_sees_the_count()
    {
        var (eventId, lot) = await EventOnSaleAsync("vendor-door", "Doorton", "Door Night", tickets: 10);
        var buyer = await AccountAsync("buyer-door", UserType.Individual);
        await using (var scope = App.Factory.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<PurchaseService>().BuyAsync(buyer.UserId, new BuyCommand(lot, 2), Ct)).IsSuccess);

        await using var holder = await NewBrowserAsync("buyer-door");
        var tickets = await OpenAsync(holder, "/my/tickets");
        await Expect(tickets.Locator(".th-eticket img.th-ticket-qr")).ToHaveCountAsync(2);
        await tickets.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("tickets-qr-my-tickets"), FullPage = true });
        await tickets.Locator(".th-eticket a[id^='print-']").First.ClickAsync();
        var qr = tickets.Locator("#printable-ticket img.th-ticket-qr");
        await Expect(qr).ToBeVisibleAsync();
        var code = (await qr.GetAttributeAsync("data-code"))!;
        await tickets.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("tickets-qr-printable"), FullPage = true });
        await tickets.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(tickets.Locator(".mud-appbar")).ToBeHiddenAsync();
        await tickets.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("tickets-qr-printed"), FullPage = true });

        await using var otherDoor = await NewBrowserAsync("vendor-door");
        var entries = await OpenAsync(otherDoor, $"/vendor/events/{eventId}/check-in");
        await Expect(entries.Locator("#entered-count")).ToHaveAttributeAsync("data-entered", "0");
        await LoginAsync("vendor-door");
        await GoToAsync($"/vendor/events/{eventId}/check-in");

        await ScanAsync(code);
        await Expect(Page.Locator("#checkin-verdict")).ToHaveAttributeAsync("data-verdict", CheckInVerdicts.Valid);
        await Expect(entries.Locator("#entered-count")).ToHaveAttributeAsync("data-entered", "1");
        await ScanAsync(code[..^3] + (code[^3] == 'A' ? "B" : "A") + code[^2..]);
        await Expect(Page.Locator("#checkin-verdict")).ToHaveAttributeAsync("data-verdict", CheckInVerdicts.Forged);
        await ScanAsync(code);
        await Expect(Page.Locator("#checkin-verdict")).ToHaveAttributeAsync("data-verdict", CheckInVerdicts.AlreadyUsed);
        await Expect(Page.Locator("#checkin-verdict")).ToContainTextAsync("(Europe/Berlin)");
        await Expect(Page.Locator("#entered-count")).ToHaveAttributeAsync("data-entered", "1");
        await ScreenshotAsync("check-in-after-scans");
    }

    [Fact]
    public async Task A_visitor_in_the_waiting_room_sees_their_place_move_and_buys_with_the_pass_they_are_given()
    {
        var (eventId, lot) = await EventOnSaleAsync("vendor-queue", "Queueton", "Queue Fest", tickets: 50);
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var rooms = scope.ServiceProvider.GetRequiredService<WaitingRoomService>();
            await using var db = App.Factory.Database.CreateContext();
            var vendorId = await db.Events.Where(e => e.Id == eventId).Select(e => e.VendorId).SingleAsync(Ct);
            // Opened already: everyone who comes now queues in the order they come, let in one a second.
            Assert.True((await rooms.ScheduleAsync(vendorId, eventId, DateTimeOffset.UtcNow.AddMinutes(-1), Ct)).IsSuccess);
            for (var i = 0; i < 8; i++)
            {
                var ahead = await AccountAsync($"queue-fan-{i}", UserType.Individual);
                Assert.Equal(QueueStatuses.Waiting, (await rooms.JoinAsync(ahead.UserId, eventId, Ct)).Value!.Status);
            }
        }
        await AccountAsync("queue-buyer", UserType.Individual);
        await LoginAsync("queue-buyer");

        await GoToAsync($"/events/{eventId}");
        await Page.ClickAsync("#join-queue");
        var status = Page.Locator("#queue-status");
        await Expect(status).ToHaveAttributeAsync("data-status", QueueStatuses.Waiting);
        await Expect(Page.Locator("#queue-position")).ToBeVisibleAsync();
        await ScreenshotAsync("waiting-room");
        await Expect(status).ToHaveAttributeAsync("data-status", QueueStatuses.Admitted, new() { Timeout = 60_000 });
        await ScreenshotAsync("waiting-room-admitted");

        await Page.ClickAsync("#queue-choose");
        await WaitInteractiveAsync();
        await Page.ClickAsync($"#buy-lot-{lot}");
        await PayAsync();
        await Expect(Page.Locator("#order-status")).ToHaveAttributeAsync("data-status", "paid");
    }

    private async Task ScanAsync(string code)
    {
        await Page.FillAsync("#checkin-code", code);
        await Page.PressAsync("#checkin-code", "Enter");
        await Expect(Page.Locator("#checkin-code")).ToHaveValueAsync("");
    }

    private async Task BuyAsync(string eventId, string lot, int count)
    {
        await GoToAsync($"/events/{eventId}");
        await Page.FillAsync($"#qty-lot-{lot}", count.ToString());
        await Page.PressAsync($"#qty-lot-{lot}", "Tab");
        await Page.ClickAsync($"#buy-lot-{lot}");
        await PayAsync();
        await Expect(Page.Locator("#order-status")).ToHaveAttributeAsync("data-status", "paid");
    }

    private async Task PayAsync()
    {
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/checkout\\?"));
        await WaitInteractiveAsync();
        await Page.FillAsync("#card-number", "4242 4242 4242 4242");
        await Page.ClickAsync("#pay-button");
    }

    /// <summary>Another browser (its own cookies), signed in as <paramref name="username"/>.</summary>
    private async Task<SecondBrowser> NewBrowserAsync(string username)
    {
        var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, IgnoreHTTPSErrors = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(username);
        return new SecondBrowser(context, page);
    }

    private static async Task<IPage> OpenAsync(SecondBrowser browser, string path)
    {
        var page = browser.Pages.Count == 0 ? browser.First : await browser.Context.NewPageAsync();
        browser.Pages.Add(page);
        await page.GotoAsync(path);
        await Expect(page.Locator("#th-interactive")).ToHaveAttributeAsync("data-interactive", "true");
        return page;
    }

    private sealed class SecondBrowser(IBrowserContext context, IPage first) : IAsyncDisposable
    {
        public IBrowserContext Context { get; } = context;
        public IPage First { get; } = first;
        public List<IPage> Pages { get; } = [];

        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }
}
