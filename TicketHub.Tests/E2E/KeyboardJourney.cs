using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.E2E;

/// <summary>A buyer who uses only the keyboard: skip link, search, event, log in, buy, and a visible focus ring throughout.</summary>
public sealed class KeyboardJourney(BrowserApp app) : JourneyTest(app)
{
    [Fact]
    public async Task A_buyer_finds_and_buys_tickets_with_the_keyboard_alone()
    {
        var (eventId, lot) = await EventOnSaleAsync("vendor-kb", "Keyton", "Keys and Strings");
        await AccountAsync("buyer-kb", TicketHub.Domain.Accounts.UserType.Individual);

        await GoToAsync("/");
        // After a navigation Blazor puts focus on the page's heading; the skip link is the first stop before the app bar.
        await TabToAsync("#skip-to-content", backwards: true);
        await Page.Keyboard.PressAsync("Enter");
        await ExpectFocusedAsync("#main-content");

        await TabToAsync("#home-search");
        await Page.Keyboard.TypeAsync("Keys and");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex("/events\\?q=Keys"));
        await TabToAsync($"[data-event-id='{eventId}'] a");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex($"/events/{eventId}$"));
        await WaitInteractiveAsync();

        await TabToAsync($"#buy-lot-{lot}");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login"));
        await Page.WaitForLoadStateAsync(LoadState.Load);   // a full page load: the sign-in page is not part of the live app
        await TabToAsync("#username");
        await Page.Keyboard.TypeAsync("buyer-kb");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync(Password);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex($"/events/{eventId}$"));
        await WaitInteractiveAsync();

        await TabToAsync($"#buy-lot-{lot}");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex("/checkout\\?"));
        await WaitInteractiveAsync();
        await TabToAsync("#card-number");
        await Page.Keyboard.TypeAsync("4242 4242 4242 4242");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#order-status")).ToHaveAttributeAsync("data-status", "paid");
        await ScreenshotAsync("keyboard-order-paid");
    }

    /// <summary>Presses Tab (or Shift+Tab) until the element has focus, at most 60 times; it must show a focus ring.</summary>
    private async Task TabToAsync(string selector, bool backwards = false)
    {
        await Expect(Page.Locator(selector)).ToBeVisibleAsync();   // pages load their content after the first render
        for (var i = 0; i < 60; i++)
        {
            await Page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await Page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                await ExpectVisibleFocusAsync();
                return;
            }
        }
        Assert.Fail($"Tab never reached {selector}.");
    }

    private async Task ExpectFocusedAsync(string selector)
    {
        await Expect(Page.Locator(selector)).ToBeFocusedAsync();
        if (selector != "#main-content") await ExpectVisibleFocusAsync();
    }

    // A ring on the element itself, or on the field around a focused input (MudBlazor outlines the field).
    private async Task ExpectVisibleFocusAsync()
    {
        var visible = await Page.EvaluateAsync<bool>("""
            () => {
                const el = document.activeElement;
                const ring = e => { const s = getComputedStyle(e); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; };
                return ring(el) || (el.matches('input') && !!el.closest('.mud-input-control, .th-field'));
            }
            """);
        Assert.True(visible, "The focused element shows no focus ring.");
    }
}
