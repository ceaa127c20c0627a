using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Venues;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Security;

public sealed class MemoryBoundsOnSqlite() : MemoryBoundsTests(DatabaseProvider.Sqlite);
public sealed class MemoryBoundsOnPostgres() : MemoryBoundsTests(DatabaseProvider.Postgres);

/// <summary>What a client sends cannot grow the caches without bound.</summary>
public abstract class MemoryBoundsTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?> { ["Cache:NotFoundSeconds"] = "1" };

    [Theory]
    [InlineData("/api/tickets/view-events?city=", 256)]
    [InlineData("/api/tickets/view-events?country=", 256)]
    [InlineData("/api/tickets/view-events?postal-code=", 16)]
    [InlineData("/api/tickets/view-events?venue-id=", 16)]
    [InlineData("/api/tickets/view-venues?name=", 256)]
    [InlineData("/api/tickets/view-venues?state=", 256)]
    public async Task A_filter_longer_than_its_column_is_a_400_not_a_cache_entry(string route, int length)
    {
        var client = await IndividualAsync();

        var response = await client.GetAsync(route + new string('x', length), Ct);

        Assert.Equal("validation_failed", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task An_id_that_finds_nothing_is_remembered_only_briefly()
    {
        await VendorAsync("owner1");
        string ownerId;
        await using (var db = App.Database.CreateContext()) ownerId = db.Users.Single(u => u.UserName == "owner1").Id;
        var venues = App.Services.CreateScope().ServiceProvider.GetRequiredService<VenueService>();
        var id = Ids.New();
        Assert.Null(await venues.FindAsync(id, Ct));

        await using (var db = App.Database.CreateContext())
        {
            var venue = new Venue { Id = id, Name = "Late Hall", StreetAddress = "1 St", City = "Austin", Country = "US", TimeZone = "UTC", CreatedById = ownerId, CreatedAtUtc = DateTime.UtcNow };
            db.Venues.Add(venue);
            await db.SaveChangesAsync(Ct);
        }

        Assert.Null(await venues.FindAsync(id, Ct));   // still remembered as missing on this node
        VenueDto? found = null;
        for (var i = 0; i < 100 && found is null; i++)
        {
            await Task.Delay(100, Ct);
            found = await venues.FindAsync(id, Ct);
        }
        Assert.Equal("Late Hall", found?.Name);   // within seconds, not the 300 s a venue is cached for
    }
}
