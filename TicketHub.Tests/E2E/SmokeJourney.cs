using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.E2E;

public sealed class SmokeJourney(BrowserApp app) : JourneyTest(app)
{
    [Fact]
    public async Task The_storefront_loads_and_a_visitor_can_sign_up()
    {
        await GoToAsync("/");
        await Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("TicketHub"));

        await RegisterAsync("smoker", "individual");

        await Expect(Page.Locator("#logout")).ToBeVisibleAsync();
    }
}
