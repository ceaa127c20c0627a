using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Events;
using TicketHub.Domain.Orders;
using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.E2E;

/// <summary>
/// Every page, for its audience, under the Content-Security-Policy the app ships: the browser reports no violation and
/// no console error, in the light and the dark theme, and the live circuit works (the theme toggle answers).
/// </summary>
public sealed class ContentSecurityPolicyJourney(BrowserApp app) : JourneyTest(app)
{
    private readonly List<string> _errors = [];

    [Fact]
    public async Task Every_page_works_under_the_content_security_policy()
    {
        await Page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI));
            """);
        Page.Console += (_, message) => { if (message.Type == "error") _errors.Add($"{Page.Url}: {message.Text} ({message.Location})"); };
        Page.PageError += (_, error) => _errors.Add($"{Page.Url}: {error}");

        var (eventId, lot) = await EventOnSaleAsync("csp-vendor", "Cspville", "Policy Night");
        var buyer = await AccountAsync("csp-buyer", UserType.Individual);
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var order = await scope.ServiceProvider.GetRequiredService<PurchaseService>().BuyAsync(buyer.UserId, new BuyCommand(lot, 2), Ct);
        var ev = await scope.ServiceProvider.GetRequiredService<EventService>().FindAsync(eventId, Ct);
        await scope.ServiceProvider.GetRequiredService<AccountAdminService>().EnsureAdministratorAsync("csp-admin", Password, Ct);

        foreach (var path in new[] { "/", "/events?city=Cspville", $"/events/{eventId}", $"/venues/{ev!.Venue.Id}", "/account/login", "/account/register" })
            await VisitAsync(path);
        await VisitAsync("/api-docs/", interactive: false);
        await Expect(Page.Locator("#app")).Not.ToBeEmptyAsync();

        await LoginAsync("csp-buyer");
        foreach (var path in new[] { $"/checkout?ticket={lot}&count=2", $"/orders/{order.Value!.OrderId}", "/my/tickets", "/account/change-password" })
            await VisitAsync(path);
        await VisitAsync("/", dark: true);
        await Page.ClickAsync("#logout");

        await LoginAsync("csp-vendor");
        foreach (var path in new[] { "/vendor", "/vendor/venues", "/vendor/performers", "/vendor/events", $"/vendor/events/{eventId}" })
            await VisitAsync(path);
        await Page.ClickAsync("#logout");

        await LoginAsync("csp-admin");
        foreach (var path in new[] { "/admin/vendors", "/admin/accounts", "/admin/audit" })
            await VisitAsync(path);

        Assert.True(_errors.Count == 0, string.Join("\n", _errors));
    }

    private async Task VisitAsync(string path, bool interactive = true, bool dark = false)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Contains("script-src 'self'", (await response.AllHeadersAsync())["content-security-policy"]);
        if (interactive)
        {
            await Expect(Page.Locator("h1").First).ToBeVisibleAsync();
            if (await Page.Locator("#th-interactive[data-interactive]").CountAsync() > 0 && !path.StartsWith("/account/", StringComparison.Ordinal))
                await WaitInteractiveAsync();
        }
        else
        {
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        if (dark)
        {
            await Page.GetByLabel("Toggle dark mode").ClickAsync();
            await Expect(Page.Locator(".mud-theme-provider, style").First).ToBeAttachedAsync();
        }
        var violations = await Page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.True(violations.Length == 0, $"{path}: {string.Join("; ", violations)}");
    }
}
