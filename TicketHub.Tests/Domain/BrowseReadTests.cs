using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Performers;
using TicketHub.Domain.Tickets;
using TicketHub.Domain.Venues;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class BrowseReadsOnSqlite() : BrowseReadTests(DatabaseProvider.Sqlite);
public sealed class BrowseReadsOnPostgres() : BrowseReadTests(DatabaseProvider.Postgres);

/// <summary>
/// Browsing reads the database once per question: the same read again comes from the cache (whatever time it is, and
/// however many tickets sell meanwhile), and what is on sale follows purchases through the events' figures.
/// </summary>
public abstract class BrowseReadTests(DatabaseProvider provider) : DomainTest(provider)
{
    private readonly DbCommandLog _log = new();
    private readonly ShiftedClock _clock = new();

    // Long enough that no entry can expire between two reads of a spec on a slow machine: these specs are about keys.
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Cache:AvailabilitySeconds"] = "600" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        _log.AddTo(services);
        services.AddSingleton<TimeProvider>(_clock);
    }

    [Theory]
    [InlineData("upcoming events")]
    [InlineData("events in a city")]
    [InlineData("events of a performer")]
    [InlineData("one event")]
    [InlineData("what is on sale for an event")]
    [InlineData("cities with events")]
    [InlineData("popular performers")]
    [InlineData("a venue")]
    [InlineData("a performer")]
    public async Task A_second_identical_browse_read_does_not_reach_the_database(string read)
    {
        var catalogue = await CatalogueAsync();
        var browse = Read(read, catalogue);

        var first = await _log.OfAsync(browse);
        var second = await _log.OfAsync(browse);

        Assert.NotEmpty(first);   // the control: the log sees a read that does reach the database
        Assert.Empty(second);
    }

    [Fact]
    public async Task Upcoming_events_asked_again_later_are_the_same_search()
    {
        await CatalogueAsync();
        var upcoming = () => Service<EventService>().SearchAsync(new EventQuery(Upcoming: true), new PageRequest(1, 8), Ct);
        await upcoming();

        _clock.Advance(TimeSpan.FromSeconds(3));
        var later = await _log.OfAsync(upcoming);

        Assert.Empty(later);
    }

    [Fact]
    public async Task An_event_that_has_started_is_no_longer_upcoming()
    {
        var catalogue = await CatalogueAsync();

        _clock.Advance(TimeSpan.FromDays(20));   // the first event starts in 10 days, the second in 40
        var upcoming = await Service<EventService>().SearchAsync(new EventQuery(Upcoming: true), new PageRequest(1, 8), Ct);

        Assert.Equal([catalogue.LaterEventId], upcoming.Value!.Items.Select(e => e.Id));
        Assert.Equal(1, upcoming.Value.TotalCount);
    }

    [Fact]
    public async Task A_purchase_leaves_cached_searches_alone_and_the_figures_follow_it()
    {
        var catalogue = await CatalogueAsync();
        var inAustin = () => Service<EventService>().SearchAsync(new EventQuery(City: "austin"), new PageRequest(1, 20), Ct);
        var before = Single(await inAustin(), catalogue.EventId);
        var buyer = await AccountAsync("buyer", UserType.Individual);

        Assert.True((await Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(catalogue.LotId, 3), Ct)).IsSuccess);
        Assert.Empty(await _log.OfAsync(inAustin));   // the cached page stays, as old as Cache:AvailabilitySeconds allows

        await Service<EventFigures>().RefreshChangedAsync(Ct);
        var after = Single((await Service<EventService>().SearchAsync(new EventQuery(City: "austin"), new PageRequest(1, 21), Ct)).Value!, catalogue.EventId);
        Assert.Equal((30, 30), (before.Available, before.Capacity));
        Assert.Equal((27, 30), (after.Available, after.Capacity));
    }

    [Fact]
    public async Task Figures_that_differ_from_the_stock_are_healed()
    {
        var catalogue = await CatalogueAsync();
        await using (var db = Database.CreateContext())
        {
            // Stock changed behind the services' back, as by a node that crashed before its refresh.
            await db.TicketLotStock.Where(s => s.LotId == catalogue.LotId).ExecuteDeleteAsync(Ct);
            db.TicketLotStock.Add(new TicketLotStock { LotId = catalogue.LotId, Bucket = 0, Remaining = 5 });
            await db.SaveChangesAsync(Ct);
        }

        var healed = await Service<EventFigures>().RefreshStaleAsync(Ct);

        var ev = await Service<EventService>().FindAsync(catalogue.EventId, Ct);
        Assert.Equal(1, healed);
        Assert.Equal((5, 20m), (ev!.Available, ev.MinPrice));
    }

    private sealed record Catalogue(string VenueId, string PerformerId, string EventId, string LaterEventId, string LotId);

    private async Task<Catalogue> CatalogueAsync()
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);
        var venue = await VenueAsync(vendor, "America/Chicago", "Austin");
        var performer = await Service<PerformerService>().AddAsync(vendor, new AddPerformerCommand("The Night Owls", null), Ct);
        var ev = await Service<EventService>().AddAsync(vendor,
            new AddEventCommand(venue, "Jazz Night", null, _clock.GetUtcNow().AddDays(10), _clock.GetUtcNow().AddDays(10).AddHours(2), "USD", [performer.Value!]), Ct);
        var later = await EventAsync(vendor, venue, _clock.GetUtcNow().AddDays(40), "Rock Evening");
        var lot = await LotAsync(vendor, ev.Value!, 30, 20m);
        return new Catalogue(venue, performer.Value!, ev.Value!, later, lot);
    }

    private Func<Task> Read(string read, Catalogue c) => read switch
    {
        "upcoming events" => () => Service<EventService>().SearchAsync(new EventQuery(Upcoming: true), new PageRequest(1, 8), Ct),
        "events in a city" => () => Service<EventService>().SearchAsync(new EventQuery(City: "Austin", Country: "testland"), new PageRequest(1, 12), Ct),
        "events of a performer" => () => Service<EventService>().SearchAsync(new EventQuery(PerformerId: c.PerformerId, Upcoming: true), new PageRequest(1, 12), Ct),
        "one event" => () => Service<EventService>().FindAsync(c.EventId, Ct),
        "what is on sale for an event" => () => Service<TicketInventoryService>().EventListingsAsync(c.EventId, Ct),
        "cities with events" => () => Service<EventService>().CitiesAsync(16, Ct),
        "popular performers" => () => Service<EventService>().PopularPerformersAsync(12, Ct),
        "a venue" => () => Service<VenueService>().FindAsync(c.VenueId, Ct),
        "a performer" => () => Service<PerformerService>().FindAsync(c.PerformerId, Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(read), read, null),
    };

    private static EventSummary Single(Result<Page<EventSummary>> page, string eventId) => Single(page.Value!, eventId);

    private static EventSummary Single(Page<EventSummary> page, string eventId) => page.Items.Single(e => e.Id == eventId);
}
