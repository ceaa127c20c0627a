using System.Net;
using System.Net.Http.Json;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class InventoryApiOnSqlite() : InventoryApiTests(DatabaseProvider.Sqlite);
public sealed class InventoryApiOnPostgres() : InventoryApiTests(DatabaseProvider.Postgres);

/// <summary>Vendor stock: upload-ticket, remove-ticket, view-tickets (vendor) and view-listings.</summary>
public abstract class InventoryApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    public sealed record VendorLotBody(string TicketId, string EventId, string EventName, string? Section, string Seat, int Count, int Remaining, decimal Price);
    public sealed record PrimaryBody(string TicketId, string? Section, string Seat, int Available, decimal Price);
    public sealed record ResaleBody(string ListingId, string TicketId, string? Section, string Seat, int Count, decimal Price);
    public sealed record ListingsBody(PrimaryBody[] Primary, ResaleBody[] Resale);
    public sealed record RemovedBody(string TicketId, int Remaining);

    [Fact]
    public async Task A_vendor_uploads_tickets_and_sees_them_with_what_remains()
    {
        var (vendor, eventId) = await VendorWithEventAsync();

        var id = await UploadAsync(vendor, eventId, count: 120, price: 49.99m, section: "Balcony", seat: "Row F");

        var lots = await (await vendor.GetAsync("/api/tickets/view-tickets", Ct)).ReadOkAsync<VendorLotBody[]>();
        Assert.Equal(new VendorLotBody(id, eventId, "Summer Night", "Balcony", "Row F", 120, 120, 49.99m), Assert.Single(lots));
    }

    [Fact]
    public async Task Everyone_sees_what_is_on_sale_for_an_event_cheapest_first()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var floor = await UploadAsync(vendor, eventId, count: 5, price: 80m, section: "Floor");
        var balcony = await UploadAsync(vendor, eventId, count: 7, price: 35m, section: "Balcony");
        var buyer = await IndividualAsync();

        var listings = await (await buyer.GetAsync($"/api/tickets/view-listings?event-id={eventId}", Ct)).ReadOkAsync<ListingsBody>();

        Assert.Equal([new PrimaryBody(balcony, "Balcony", "GA", 7, 35m), new PrimaryBody(floor, "Floor", "GA", 5, 80m)], listings.Primary);
        Assert.Empty(listings.Resale);
    }

    [Fact]
    public async Task Listings_of_an_unknown_event_are_not_found()
    {
        var buyer = await IndividualAsync();

        var response = await buyer.GetAsync("/api/tickets/view-listings?event-id=nope", Ct);

        Assert.Equal("not_found", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task A_vendor_cannot_upload_to_another_vendors_event()
    {
        var (_, eventId) = await VendorWithEventAsync("owner");
        var other = await VendorAsync("other");

        var response = await other.PutAsJsonAsync("/api/tickets/upload-ticket", new { eventId, count = 5, seat = "GA", price = 10 }, Ct);

        Assert.Equal("not_owner", (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Code);
    }

    [Theory]
    [InlineData(0, 10, "count")]
    [InlineData(100_001, 10, "count")]
    [InlineData(5, -1, "price")]
    [InlineData(5, 10.001, "price")]
    public async Task Uploads_outside_the_allowed_count_or_price_are_rejected(int count, double price, string field)
    {
        var (vendor, eventId) = await VendorWithEventAsync();

        var response = await vendor.PutAsJsonAsync("/api/tickets/upload-ticket", new { eventId, count, seat = "GA", price = (decimal)price }, Ct);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", problem.Code);
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task Tickets_cannot_be_uploaded_for_an_event_that_has_started()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        await MoveEventIntoThePastAsync(eventId);

        var response = await vendor.PutAsJsonAsync("/api/tickets/upload-ticket", new { eventId, count = 5, seat = "GA", price = 10 }, Ct);

        Assert.Equal("event_in_past", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task Removing_without_a_count_removes_every_unsold_ticket_and_no_sold_one()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10);
        await (await BuyAsync(await IndividualAsync(), lot, 3)).EnsureOkAsync();

        var removed = await (await vendor.DeleteAsync($"/api/tickets/remove-ticket?ticket-id={lot}", Ct)).ReadOkAsync<RemovedBody>();

        Assert.Equal(new RemovedBody(lot, 0), removed);
        var lots = await (await vendor.GetAsync("/api/tickets/view-tickets", Ct)).ReadOkAsync<VendorLotBody[]>();
        Assert.Equal(0, Assert.Single(lots).Remaining);
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task Removing_a_count_leaves_the_rest_on_sale()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10);

        var removed = await (await vendor.DeleteAsync($"/api/tickets/remove-ticket?ticket-id={lot}&count=4", Ct)).ReadOkAsync<RemovedBody>();

        Assert.Equal(new RemovedBody(lot, 6), removed);
    }

    [Fact]
    public async Task Removing_more_than_is_unsold_is_insufficient_quantity_and_removes_nothing()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10);
        await (await BuyAsync(await IndividualAsync(), lot, 8)).EnsureOkAsync();

        var response = await vendor.DeleteAsync($"/api/tickets/remove-ticket?ticket-id={lot}&count=3", Ct);

        Assert.Equal("insufficient_quantity", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
        var lots = await (await vendor.GetAsync("/api/tickets/view-tickets", Ct)).ReadOkAsync<VendorLotBody[]>();
        Assert.Equal(2, Assert.Single(lots).Remaining);
    }

    [Fact]
    public async Task A_vendor_cannot_remove_another_vendors_tickets()
    {
        var (owner, eventId) = await VendorWithEventAsync("owner");
        var lot = await UploadAsync(owner, eventId);
        var other = await VendorAsync("other");

        var response = await other.DeleteAsync($"/api/tickets/remove-ticket?ticket-id={lot}", Ct);

        Assert.Equal("not_owner", (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Code);
    }

    [Fact]
    public async Task Removing_an_unknown_lot_is_not_found()
    {
        var vendor = await VendorAsync();

        var response = await vendor.DeleteAsync("/api/tickets/remove-ticket?ticket-id=missing", Ct);

        Assert.Equal("not_found", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task Individuals_cannot_upload_or_remove()
    {
        var buyer = await IndividualAsync();

        await (await buyer.PutAsJsonAsync("/api/tickets/upload-ticket", new { eventId = "x", count = 1, seat = "GA", price = 1 }, Ct))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.DeleteAsync("/api/tickets/remove-ticket?ticket-id=x", Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}
