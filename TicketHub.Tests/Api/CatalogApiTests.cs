using System.Net;
using System.Net.Http.Json;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class CatalogApiOnSqlite() : CatalogApiTests(DatabaseProvider.Sqlite);
public sealed class CatalogApiOnPostgres() : CatalogApiTests(DatabaseProvider.Postgres);

public abstract class CatalogApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    public sealed record VenueBody(string Id, string Name, string StreetAddress, string City, string? State, string Country, string? PostalCode, string? AddlAddress);
    public sealed record RefBody(string Id, string Name);
    public sealed record EventVenueBody(string Id, string Name, string City, string? State, string Country, string? PostalCode);
    public sealed record EventBody(string Id, string Name, string? Description, DateTime StartTime, DateTime EndTime, string Currency,
        EventVenueBody Venue, RefBody[] Performers, decimal? MinPrice, int Available);

    [Fact]
    public async Task A_vendor_adds_a_venue_that_everyone_can_then_find()
    {
        var vendor = await VendorAsync();
        var id = await AddVenueAsync(vendor, name: "Riverside Arena", city: "Austin");
        var buyer = await IndividualAsync();

        var venues = await (await buyer.GetAsync("/api/tickets/view-venues", Ct)).ReadOkAsync<VenueBody[]>();

        var venue = Assert.Single(venues);
        Assert.Equal(new VenueBody(id, "Riverside Arena", "1 Main St", "Austin", "TX", "United States", "78701", null), venue);
    }

    [Fact]
    public async Task Adding_a_venue_without_its_required_fields_names_each_one()
    {
        var vendor = await VendorAsync();

        var response = await vendor.PutAsJsonAsync("/api/tickets/add-venue", new { state = "TX" }, Ct);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", problem.Code);
        Assert.Equal(["city", "country", "name", "streetAddress"], problem.Errors!.Keys.Order());
    }

    [Theory]
    [InlineData("city=austin", new[] { "Riverside Arena" })]
    [InlineData("country=UNITED%20STATES", new[] { "Blue Door Club", "Riverside Arena" })]
    [InlineData("state=ny", new[] { "Blue Door Club" })]
    [InlineData("postal-code=10001", new[] { "Blue Door Club" })]
    [InlineData("name=door", new[] { "Blue Door Club" })]
    [InlineData("name=a&city=Berlin", new[] { "Tempodrom Hall" })]
    [InlineData("city=Aus", new string[0])]
    public async Task View_venues_filters_case_insensitively(string query, string[] expected)
    {
        var vendor = await VendorAsync();
        await AddVenueAsync(vendor, "Riverside Arena", "Austin", "TX", "United States", "78701");
        await AddVenueAsync(vendor, "Blue Door Club", "New York", "NY", "United States", "10001");
        await AddVenueAsync(vendor, "Tempodrom Hall", "Berlin", null, "Germany", "10963");

        var venues = await (await vendor.GetAsync($"/api/tickets/view-venues?{query}", Ct)).ReadOkAsync<VenueBody[]>();

        Assert.Equal(expected, venues.Select(v => v.Name));
    }

    [Fact]
    public async Task View_venues_is_paged_with_the_total_in_a_header()
    {
        var vendor = await VendorAsync();
        foreach (var name in new[] { "A Hall", "B Hall", "C Hall" }) await AddVenueAsync(vendor, name);

        var response = await vendor.GetAsync("/api/tickets/view-venues?page=2&page-size=2", Ct);

        Assert.Equal(["C Hall"], (await response.ReadOkAsync<VenueBody[]>()).Select(v => v.Name));
        Assert.Equal("3", response.Headers.GetValues("X-Total-Count").Single());
    }

    [Theory]
    [InlineData("page-size=201")]
    [InlineData("page=0")]
    [InlineData("page=abc")]
    public async Task Bad_paging_is_a_400(string query)
    {
        var vendor = await VendorAsync();

        var response = await vendor.GetAsync($"/api/tickets/view-venues?{query}", Ct);

        Assert.Equal("validation_failed", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task A_vendor_adds_a_performer()
    {
        var vendor = await VendorAsync();

        var id = await AddPerformerAsync(vendor, "The Night Owls");

        Assert.InRange(id.Length, 1, 15);
    }

    [Fact]
    public async Task A_performer_needs_a_name()
    {
        var vendor = await VendorAsync();

        var response = await vendor.PutAsJsonAsync("/api/tickets/add-performer", new { description = "no name" }, Ct);

        Assert.Contains("name", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Fact]
    public async Task An_event_is_listed_with_its_venue_performers_and_currency()
    {
        var vendor = await VendorAsync();
        var venueId = await AddVenueAsync(vendor);
        var owls = await AddPerformerAsync(vendor, "The Night Owls");
        var larks = await AddPerformerAsync(vendor, "Early Larks");
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(40).AddHours(19), TimeSpan.Zero);
        var eventId = await AddEventAsync(vendor, venueId, start, [owls, larks], currency: "eur");

        var events = await (await vendor.GetAsync("/api/tickets/view-events", Ct)).ReadOkAsync<EventBody[]>();

        var ev = Assert.Single(events);
        Assert.Equal(eventId, ev.Id);
        Assert.Equal(start.UtcDateTime, ev.StartTime);
        Assert.Equal(DateTimeKind.Utc, ev.StartTime.Kind);
        Assert.Equal("EUR", ev.Currency);
        Assert.Equal(new EventVenueBody(venueId, "Riverside Arena", "Austin", "TX", "United States", "78701"), ev.Venue);
        Assert.Equal(["Early Larks", "The Night Owls"], ev.Performers.Select(p => p.Name));
        Assert.Null(ev.MinPrice);
        Assert.Equal(0, ev.Available);
    }

    [Fact]
    public async Task The_currency_defaults_to_USD()
    {
        var vendor = await VendorAsync();
        await AddEventAsync(vendor, await AddVenueAsync(vendor));

        var ev = Assert.Single(await (await vendor.GetAsync("/api/tickets/view-events", Ct)).ReadOkAsync<EventBody[]>());

        Assert.Equal("USD", ev.Currency);
    }

    [Fact]
    public async Task An_event_at_an_unknown_venue_is_not_found()
    {
        var vendor = await VendorAsync();

        var response = await vendor.PutAsJsonAsync("/api/tickets/add-event", new
        {
            venueId = "nope", name = "X", startTime = DateTimeOffset.UtcNow.AddDays(3), endTime = DateTimeOffset.UtcNow.AddDays(3).AddHours(2),
        }, Ct);

        Assert.Equal("not_found", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task An_event_with_an_unknown_performer_is_not_found_and_not_created()
    {
        var vendor = await VendorAsync();
        var venueId = await AddVenueAsync(vendor);

        var response = await vendor.PutAsJsonAsync("/api/tickets/add-event", new
        {
            venueId, name = "X", startTime = DateTimeOffset.UtcNow.AddDays(3), endTime = DateTimeOffset.UtcNow.AddDays(3).AddHours(2),
            performerIds = new[] { "ghost" },
        }, Ct);

        Assert.Equal("not_found", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
        await using var db = App.Database.CreateContext();
        Assert.Empty(db.Events);
    }

    [Theory]
    [InlineData(3, 2, null, "endTime")]
    [InlineData(-2, 2, null, "startTime")]
    [InlineData(3, 5, "XYZ", "currency")]
    [InlineData(3, 5, "BHD", "currency")]
    public async Task Invalid_event_times_or_currency_are_rejected(int startInDays, int hours, string? currency, string field)
    {
        var vendor = await VendorAsync();
        var venueId = await AddVenueAsync(vendor);
        var start = DateTimeOffset.UtcNow.AddDays(startInDays);
        var end = field == "endTime" ? start.AddHours(-hours) : start.AddHours(hours);

        var response = await vendor.PutAsJsonAsync("/api/tickets/add-event",
            new { venueId, name = "X", startTime = start, endTime = end, currency }, Ct);

        Assert.Contains(field, (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Fact]
    public async Task Events_are_found_by_venue_performer_city_country_and_time_window_in_start_order()
    {
        var vendor = await VendorAsync();
        var austin = await AddVenueAsync(vendor, "Riverside Arena", "Austin", "TX", "United States", "78701");
        var berlin = await AddVenueAsync(vendor, "Tempodrom Hall", "Berlin", null, "Germany", "10963");
        var owls = await AddPerformerAsync(vendor, "The Night Owls");
        var day = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(20), TimeSpan.Zero);
        var late = await AddEventAsync(vendor, austin, day.AddDays(10), [owls], "Late Austin");
        var early = await AddEventAsync(vendor, austin, day.AddDays(1), [], "Early Austin");
        var germany = await AddEventAsync(vendor, berlin, day.AddDays(5), [owls], "Berlin Night");

        async Task<string[]> Find(string query) =>
            (await (await vendor.GetAsync($"/api/tickets/view-events?{query}", Ct)).ReadOkAsync<EventBody[]>()).Select(e => e.Id).ToArray();

        Assert.Equal([early, germany, late], await Find(""));
        Assert.Equal([early, late], await Find($"venue-id={austin}"));
        Assert.Equal([germany, late], await Find($"performer-id={owls}"));
        Assert.Equal([early, late], await Find("city=AUSTIN"));
        Assert.Equal([germany], await Find("country=germany"));
        Assert.Equal([early, late], await Find("state=tx&postal-code=78701"));
        var from = Uri.EscapeDataString(day.AddDays(2).ToString("O"));
        var to = Uri.EscapeDataString(day.AddDays(6).ToString("O"));
        Assert.Equal([germany], await Find($"start_time={from}&end_time={to}"));
        Assert.Equal([germany, late], await Find($"start_time={from}"));
        Assert.Equal([late], await Find($"start_time={from}&city=austin&performer-id={owls}"));
    }

    [Fact]
    public async Task View_events_is_paged_with_the_total_in_a_header()
    {
        var vendor = await VendorAsync();
        var venueId = await AddVenueAsync(vendor);
        var ids = new List<string>();
        for (var i = 1; i <= 5; i++) ids.Add(await AddEventAsync(vendor, venueId, DateTimeOffset.UtcNow.AddDays(i)));

        var response = await vendor.GetAsync("/api/tickets/view-events?page=2&page-size=2", Ct);

        Assert.Equal(ids[2..4], (await response.ReadOkAsync<EventBody[]>()).Select(e => e.Id));
        Assert.Equal("5", response.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task A_time_filter_that_is_not_a_time_is_a_400()
    {
        var vendor = await VendorAsync();

        var response = await vendor.GetAsync("/api/tickets/view-events?start_time=tomorrow", Ct);

        Assert.Equal("validation_failed", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task The_creating_vendor_adds_a_performer_to_an_event()
    {
        var vendor = await VendorAsync();
        var eventId = await AddEventAsync(vendor, await AddVenueAsync(vendor));
        var owls = await AddPerformerAsync(vendor, "The Night Owls");

        var response = await vendor.PutAsJsonAsync("/api/tickets/add-performer-to-event", new { performerId = owls, eventId }, Ct);

        await response.EnsureOkAsync();
        Assert.Equal("{}", await response.Content.ReadAsStringAsync(Ct));
        var events = await (await vendor.GetAsync($"/api/tickets/view-events?performer-id={owls}", Ct)).ReadOkAsync<EventBody[]>();
        Assert.Equal(eventId, Assert.Single(events).Id);
    }

    [Fact]
    public async Task Adding_the_same_performer_twice_is_already_exists()
    {
        var vendor = await VendorAsync();
        var owls = await AddPerformerAsync(vendor);
        var eventId = await AddEventAsync(vendor, await AddVenueAsync(vendor), performerIds: [owls]);

        var response = await vendor.PutAsJsonAsync("/api/tickets/add-performer-to-event", new { performerId = owls, eventId }, Ct);

        Assert.Equal("already_exists", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task Another_vendor_cannot_add_performers_to_an_event()
    {
        var owner = await VendorAsync("owner");
        var eventId = await AddEventAsync(owner, await AddVenueAsync(owner));
        var other = await VendorAsync("other");
        var owls = await AddPerformerAsync(other);

        var response = await other.PutAsJsonAsync("/api/tickets/add-performer-to-event", new { performerId = owls, eventId }, Ct);

        Assert.Equal("not_owner", (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Code);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Adding_an_unknown_performer_or_event_is_not_found(bool knownEvent, bool knownPerformer)
    {
        var vendor = await VendorAsync();
        var eventId = knownEvent ? await AddEventAsync(vendor, await AddVenueAsync(vendor)) : "missing";
        var performerId = knownPerformer ? await AddPerformerAsync(vendor) : "missing";

        var response = await vendor.PutAsJsonAsync("/api/tickets/add-performer-to-event", new { performerId, eventId }, Ct);

        Assert.Equal("not_found", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }
}
