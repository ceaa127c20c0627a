using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Web;

public sealed class BrowsePageReadsOnSqlite() : BrowsePageReadTests(DatabaseProvider.Sqlite);
public sealed class BrowsePageReadsOnPostgres() : BrowsePageReadTests(DatabaseProvider.Postgres);

/// <summary>
/// A browse page or API read asked a second time reads nothing of the catalogue from the database, for anonymous and
/// signed-in visitors alike (signed-in visitors never get the page cache, so this is the domain's cache at work).
/// </summary>
public abstract class BrowsePageReadTests(DatabaseProvider provider) : ApiTest(provider)
{
    private readonly DbCommandLog _log = new();

    // The HTML page cache off, so that anonymous pages are rendered each time too; entries long-lived enough that none
    // expires between two requests of a spec on a slow machine.
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Cache:Pages:Seconds"] = "0",
        ["Cache:AvailabilitySeconds"] = "600",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        _log.AddTo(services);
        // Requests run in the test's async flow, where the log listens.
        services.Configure<TestServerOptions>(o => o.PreserveExecutionContext = true);
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/", true)]
    [InlineData("/events?city=Austin&country=United%20States", false)]
    [InlineData("/events?city=Austin&country=United%20States", true)]
    [InlineData("/events/{event}", false)]
    [InlineData("/events/{event}", true)]
    [InlineData("/venues/{venue}", false)]
    [InlineData("/venues/{venue}", true)]
    [InlineData("/performers/{performer}", false)]
    [InlineData("/performers/{performer}", true)]
    public async Task A_browse_page_shown_twice_reads_the_catalogue_once(string page, bool signedIn)
    {
        // Signing in shows the home page: the catalogue comes after, so that the spec's first read is a first read.
        var browser = signedIn ? await BuyerBrowserAsync() : App.CreateClient();
        var (venueId, performerId, eventId) = await CatalogueAsync();
        var path = page.Replace("{event}", eventId).Replace("{venue}", venueId).Replace("{performer}", performerId);

        var first = await _log.BrowseReadsOfAsync(() => ShowAsync(browser, path));
        var second = await _log.BrowseReadsOfAsync(() => ShowAsync(browser, path));

        Assert.NotEmpty(first);   // the control: the log sees the page's reads
        Assert.Empty(second);
    }

    [Fact]
    public async Task View_events_asked_twice_reads_the_catalogue_once()
    {
        var (vendor, _) = await VendorWithEventAsync("vendor2");
        var read = () => vendor.GetAsync("/api/tickets/view-events?city=Austin&page-size=10", Ct);

        var first = await _log.BrowseReadsOfAsync(async () => await (await read()).EnsureOkAsync());
        var second = await _log.BrowseReadsOfAsync(async () => await (await read()).EnsureOkAsync());

        Assert.NotEmpty(first);
        Assert.Empty(second);
    }

    private static async Task ShowAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Event not found", await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<(string VenueId, string PerformerId, string EventId)> CatalogueAsync()
    {
        var vendor = await VendorAsync();
        var venueId = await AddVenueAsync(vendor);
        var performerId = await AddPerformerAsync(vendor);
        var eventId = await AddEventAsync(vendor, venueId, performerIds: [performerId]);
        await UploadAsync(vendor, eventId, count: 20);
        return (venueId, performerId, eventId);
    }

    private async Task<HttpClient> BuyerBrowserAsync()
    {
        await SignUpAndLoginAsync("buyer1", "individual");
        return await SignInBrowserAsync("buyer1");
    }
}
