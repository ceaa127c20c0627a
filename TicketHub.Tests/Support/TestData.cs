using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Events;
using TicketHub.Domain.Tickets;
using TicketHub.Domain.Venues;

namespace TicketHub.Tests.Support;

/// <summary>
/// The one builder of test data for specs that seed through the domain services (as the vendor pages and the API do,
/// so the data obeys every rule): accounts, venues, events and lots, each with defaults a spec overrides only where
/// its behaviour depends on the value. Every step asserts it succeeded, so a spec never runs on half-made data.
/// </summary>
public sealed class TestData(IServiceProvider services, CancellationToken ct)
{
    public const string Password = "correct-horse-1";

    public async Task<AccountInfo> AccountAsync(string username, UserType type, string firstName = "Pat", string lastName = "Tester")
    {
        var account = await Use<AccountService>().RegisterAsync(new RegisterCommand(username, firstName, lastName, Password, Roles.ApiName(type)), ct);
        Assert.True(account.IsSuccess, account.Error?.Message);
        return account.Value;
    }

    public async Task<string> VenueAsync(string vendorId, string? name = null, string city = "Testville", string country = "Testland",
        string timeZone = "Europe/Berlin", string? region = null, string? postalCode = "1000")
    {
        var venue = await Use<VenueService>().AddAsync(vendorId,
            new AddVenueCommand(name ?? $"{city} Hall", "1 Main St", city, region, country, postalCode, null, timeZone), ct);
        Assert.True(venue.IsSuccess, venue.Error?.Message);
        return venue.Value;
    }

    public async Task<string> EventAsync(string vendorId, string venueId, DateTimeOffset start, string name = "Show", string currency = "EUR",
        string? description = null, params string[] performerIds)
    {
        var ev = await Use<EventService>().AddAsync(vendorId,
            new AddEventCommand(venueId, name, description, start, start.AddHours(3), currency, performerIds), ct);
        Assert.True(ev.IsSuccess, ev.Error?.Message);
        return ev.Value;
    }

    public async Task<string> LotAsync(string vendorId, string eventId, int count = 20, decimal price = 50m, string? section = "Floor", string seat = "GA")
    {
        var lot = await Use<TicketInventoryService>().UploadAsync(vendorId, new UploadTicketCommand(eventId, count, section, seat, price), ct);
        Assert.True(lot.IsSuccess, lot.Error?.Message);
        return lot.Value;
    }

    /// <summary>A new vendor's upcoming event in a city of its own with one lot on sale.</summary>
    public async Task<EventOnSale> EventOnSaleAsync(string vendorName = "vendor", string city = "Testville", string eventName = "Spring Tour",
        int tickets = 20, decimal price = 50m, string currency = "EUR", string timeZone = "Europe/Berlin", string? section = "Floor",
        string seat = "GA", TimeSpan? startsIn = null)
    {
        var vendor = await AccountAsync(vendorName, UserType.Vendor);
        var venue = await VenueAsync(vendor.UserId, city: city, timeZone: timeZone);
        var start = DateTimeOffset.UtcNow.Add(startsIn ?? TimeSpan.FromDays(30));
        var eventId = await EventAsync(vendor.UserId, venue, start, eventName, currency, "A night to remember");
        var lotId = await LotAsync(vendor.UserId, eventId, tickets, price, section, seat);
        return new EventOnSale(vendor.UserId, venue, eventId, lotId);
    }

    private T Use<T>() where T : notnull => services.GetRequiredService<T>();
}

public sealed record EventOnSale(string VendorId, string VenueId, string EventId, string LotId);
