using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketHub.Domain.Accounts;
using TicketHub.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.E2E;

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>;

/// <summary>
/// Base of the browser journeys: a fresh page per journey, a screenshot when it fails (artifacts/screenshots), and
/// helpers that set up what a journey does not itself test through the domain services.
/// </summary>
[Collection(nameof(BrowserCollection))]
[Trait("Category", "E2E")]
public abstract class JourneyTest(BrowserApp app) : IAsyncLifetime
{
    protected const string Password = TestData.Password;
    protected BrowserApp App => app;
    protected IPage Page { get; private set; } = null!;
    private IBrowserContext _context = null!;
    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>The time zone the browser reports; null keeps the machine's.</summary>
    protected virtual string? BrowserTimeZone => null;

    /// <summary>True for a journey that tests what the Content-Security-Policy would otherwise hide (stored markup).</summary>
    protected virtual bool BypassContentSecurityPolicy => false;

    public async ValueTask InitializeAsync()
    {
        _context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            IgnoreHTTPSErrors = true,
            TimezoneId = BrowserTimeZone,
            BypassCSP = BypassContentSecurityPolicy,
        });
        _context.SetDefaultTimeout(15_000);
        Page = await _context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        var state = Xunit.TestContext.Current.TestState;
        if (state?.Result == Xunit.TestResult.Failed)
            await ScreenshotAsync($"FAILED-{Xunit.TestContext.Current.Test?.TestDisplayName}");
        await _context.DisposeAsync();
    }

    protected Task ScreenshotAsync(string name) => Page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = ScreenshotPath(name),
        FullPage = true,
    });

    protected static string ScreenshotPath(string name) =>
        Path.Combine(BrowserApp.ScreenshotDirectory, string.Concat(name.Split(Path.GetInvalidFileNameChars())) + ".png");

    /// <summary>Opens a page and waits until the live circuit handles clicks (clicks before that are lost).</summary>
    protected async Task GoToAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitInteractiveAsync();
    }

    protected Task WaitInteractiveAsync() =>
        Expect(Page.Locator("#th-interactive")).ToHaveAttributeAsync("data-interactive", "true");

    protected async Task RegisterAsync(string username, string type)
    {
        await Page.GotoAsync("/account/register");
        await Page.Locator($"#type-{type}").CheckAsync();
        await Page.Locator("#username").FillAsync(username);
        await Page.Locator("#first-name").FillAsync("Pat");
        await Page.Locator("#last-name").FillAsync("Tester");
        await Page.Locator("#password").FillAsync(Password);
        await Page.Locator("#register-submit").ClickAsync();
        await Expect(Page.Locator("#signed-in-as")).ToHaveTextAsync(username);
    }

    protected async Task LoginAsync(string username)
    {
        await Page.GotoAsync("/account/login");
        await Page.Locator("#username").FillAsync(username);
        await Page.Locator("#password").FillAsync(Password);
        await Page.Locator("#login-submit").ClickAsync();
        await Expect(Page.Locator("#signed-in-as")).ToHaveTextAsync(username);
    }

    protected async Task<AccountInfo> AccountAsync(string username, UserType type)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await new TestData(scope.ServiceProvider, Ct).AccountAsync(username, type);
    }

    /// <summary>A vendor's event in a city of its own with one lot on sale; returns the event and lot ids.</summary>
    protected async Task<(string EventId, string LotId)> EventOnSaleAsync(
        string vendorName, string city, string eventName, int tickets = 20, decimal price = 60m, int startsInDays = 21)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var sale = await new TestData(scope.ServiceProvider, Ct).EventOnSaleAsync(vendorName, city, eventName, tickets, price, startsIn: TimeSpan.FromDays(startsInDays));
        return (sale.EventId, sale.LotId);
    }
}
