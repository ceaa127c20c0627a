using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class EventPageJsonOnSqlite() : EventPageJsonTests(DatabaseProvider.Sqlite);
public sealed class EventPageJsonOnPostgres() : EventPageJsonTests(DatabaseProvider.Postgres);

/// <summary>
/// view-events writes its JSON straight from the database rows; it must be the very text that serialising the event
/// summaries (what the pages show) with the API's options gives, for every kind of value.
/// </summary>
public abstract class EventPageJsonTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Fact]
    public async Task View_events_sends_the_same_json_as_serialising_the_summaries()
    {
        var vendor = await VendorAsync();
        var venue = await AddVenueAsync(vendor, name: "Café \"Le Petit\" <Salle> & Co — Zoë's 🎸", city: "İstanbul", state: null, country: "Türkiye", postalCode: null);
        var plain = await AddVenueAsync(vendor, name: "Riverside Arena");
        var performers = new[]
        {
            await AddPerformerAsync(vendor, "Beyoncé \"Queen B\" \\ Knowles"),
            await AddPerformerAsync(vendor, "The <Night> Owls & Co"),
            await AddPerformerAsync(vendor, "Zoë 🎸 \u2028 Line"),
        };
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(20).AddHours(19).AddMilliseconds(123.4567), TimeSpan.Zero);
        var yen = await AddEventAsync(vendor, venue, start, performers, name: "Night in Tōkyō — \"Live\"", currency: "JPY");
        var sellingFast = await AddEventAsync(vendor, plain, start.AddDays(1), [performers[1]], name: "Selling fast");
        var soldOut = await AddEventAsync(vendor, plain, start.AddDays(2), name: "Sold out");
        await AddEventAsync(vendor, plain, start.AddDays(3), name: "Nothing on sale yet");
        var noDescription = await vendor.PutAsJsonAsync("/api/tickets/add-event", new
        {
            venueId = venue, name = "No description", startTime = start.AddDays(4), endTime = start.AddDays(4).AddHours(2), performerIds = Array.Empty<string>(),
        }, Ct);
        await noDescription.ReadIdAsync();
        await UploadAsync(vendor, yen, count: 5, price: 5000m);
        var fastLot = await UploadAsync(vendor, sellingFast, count: 10, price: 50.5m);
        var soldOutLot = await UploadAsync(vendor, soldOut, count: 2, price: 19.99m);
        var buyer = await IndividualAsync();
        (await BuyAsync(buyer, fastLot, 9)).EnsureSuccessStatusCode();
        (await BuyAsync(buyer, soldOutLot, 2)).EnsureSuccessStatusCode();
        await App.Services.GetRequiredService<EventFigures>().RefreshChangedAsync(Ct);

        var sent = await buyer.GetStringAsync("/api/tickets/view-events?page-size=200", Ct);

        await using var scope = App.Services.CreateAsyncScope();
        var summaries = await scope.ServiceProvider.GetRequiredService<EventService>().SearchAsync(new EventQuery(), new PageRequest(1, 200), Ct);
        var options = App.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        Assert.Equal(5, summaries.Value!.Items.Count);   // the control: every kind of event above is on the page
        Assert.Contains(summaries.Value.Items, e => e.SoldOut);
        Assert.Contains(summaries.Value.Items, e => e.SellingFast);
        Assert.Equal(JsonSerializer.Serialize(summaries.Value.Items, options), sent);
    }
}
