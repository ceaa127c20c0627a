using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Events;
using TicketHub.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.E2E;

/// <summary>
/// A browse page loads its data once: the live circuit shows what the prerender loaded ([PersistentState]) instead of
/// reading it again. The app runs without its caches, so every load the page makes is a read the database sees.
/// </summary>
[Collection(nameof(UncachedBrowser))]
public sealed class PrerenderHandoverJourney(UncachedBrowserApp app) : JourneyTest(app)
{
    [Theory]
    [InlineData("/events/{event}", "handover-1", false)]
    [InlineData("/", "handover-2", false)]
    [InlineData("/events?city=Handover%20City", "handover-3", false)]
    [InlineData("/venues/{venue}", "handover-4", false)]
    [InlineData("/events/{event}", "handover-5", true)]
    [InlineData("/", "handover-6", true)]
    public async Task The_live_page_reads_nothing_the_prerender_already_read(string page, string vendor, bool signedIn)
    {
        var (eventId, _) = await EventOnSaleAsync(vendor, "Handover City", "Handover Night");
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var ev = (await scope.ServiceProvider.GetRequiredService<EventService>().FindAsync(eventId, Ct))!;
        var path = page.Replace("{event}", eventId).Replace("{venue}", ev.Venue.Id);
        if (signedIn)
        {
            await AccountAsync($"{vendor}-b", UserType.Individual);
            await LoginAsync($"{vendor}-b");
            await WaitInteractiveAsync();
        }

        // The prerender alone: the page fetched as HTML with the browser's cookies, no circuit.
        var before = app.Log.CatalogueReads;
        Assert.True((await Page.Context.APIRequest.GetAsync(path)).Ok);
        var prerender = app.Log.CatalogueReads - before;

        before = app.Log.CatalogueReads;
        await GoToAsync(path);
        await Expect(Page.GetByText("Handover Night").First).ToBeVisibleAsync();
        // One round trip through the live circuit after its first render, so a load it started has reached the database.
        await Page.ClickAsync("[aria-label='Toggle dark mode']");
        await Expect(Page.Locator("[aria-label='Toggle dark mode']")).ToHaveAttributeAsync("aria-pressed", "true");
        var visit = app.Log.CatalogueReads - before;

        Assert.True(prerender > 0, "the control: the prerender reads the catalogue");
        Assert.Equal(prerender, visit);
    }
}

/// <summary>A browser app with no browse or page cache, whose catalogue reads are counted (<see cref="DbCommandLog"/>).</summary>
public sealed class UncachedBrowserApp : BrowserApp
{
    public DbCommandLog Log { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cache:Enabled"] = "false",
        ["Cache:Pages:Seconds"] = "0",
        ["Cache:AvailabilityHealSeconds"] = "86400",   // the refresher's heal reads every event: not during a visit
    };

    protected override void ConfigureServices(IServiceCollection services) => Log.AddTo(services);
}

[CollectionDefinition(nameof(UncachedBrowser))]
public sealed class UncachedBrowser : ICollectionFixture<UncachedBrowserApp>;
