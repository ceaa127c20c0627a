using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class BrowseFiguresMigrationOnSqlite() : BrowseFiguresMigrationTests(DatabaseProvider.Sqlite);
public sealed class BrowseFiguresMigrationOnPostgres() : BrowseFiguresMigrationTests(DatabaseProvider.Postgres);

/// <summary>
/// The migration that gave events their own keys and figures fills them for the events that exist already, and makes
/// the keys of existing venues and performers again by today's rule.
/// </summary>
public abstract class BrowseFiguresMigrationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateEmptyAsync(provider);

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Migrating_fills_the_keys_and_figures_of_existing_events()
    {
        await using (var db = _database.CreateMigratingContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_BrowseFigures", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before, Ct);
            await InsertAsOfTheOldSchemaAsync(db);
            await db.Database.MigrateAsync(Ct);
        }

        await using var after = _database.CreateContext();
        var ev = await after.Events.AsNoTracking().SingleAsync(Ct);
        var venue = await after.Venues.AsNoTracking().SingleAsync(Ct);
        var performer = await after.Performers.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(("CAFÉ MÜLLER", "IZMIR", null, "TÜRKIYE", "35000", "Europe/Istanbul"),
            (ev.NameKey, ev.CityKey, ev.StateKey, ev.CountryKey, ev.PostalCodeKey, ev.TimeZone));
        // Lots: 5 of 10 left (two buckets) at 30.00, none of 4 left (1 removed) at 10.00; one active listing of 2 at 25.00.
        Assert.Equal((5, 3000L, 2, 2500L, 13), (ev.TicketsLeft, ev.CheapestCents, ev.ResaleLeft, ev.ResaleCheapestCents, ev.Capacity));
        Assert.Equal(("THÉÂTRE DE LA MER", "IZMIR", "TÜRKIYE"), (venue.NameKey, venue.CityKey, venue.CountryKey));
        Assert.Equal("IĞDIR ENSEMBLE", performer.NameKey);
    }

    // Rows as the app wrote them before the migration, keys by the old rule (which left İ and ı as they are).
    private static async Task InsertAsOfTheOldSchemaAsync(TicketHubDbContext db)
    {
        var now = DateTime.UtcNow;
        var (no, start) = (false, now.AddDays(30));
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AspNetUsers" ("Id", "AccessFailedCount", "CreatedAtUtc", "EmailConfirmed", "FirstName", "LastName", "LockoutEnabled",
                "PhoneNumberConfirmed", "TwoFactorEnabled", "UserName", "NormalizedUserName")
            VALUES ('user1', 0, {now}, {no}, 'A', 'B', {no}, {no}, {no}, 'user1', 'USER1')
            """, Ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Venues" ("Id", "Name", "StreetAddress", "City", "Country", "PostalCode", "TimeZone", "CreatedById", "CreatedAtUtc",
                "NameKey", "CityKey", "CountryKey", "PostalCodeKey")
            VALUES ('venue1', 'Théâtre de la Mer', '1 Kordon', 'İzmir', 'Türkiye', '35000', 'Europe/Istanbul', 'user1', {now},
                'THÉÂTRE DE LA MER', 'İZMIR', 'TÜRKIYE', '35000')
            """, Ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Performers" ("Id", "Name", "NameKey", "CreatedById", "CreatedAtUtc") VALUES ('performer1', 'Iğdır Ensemble', 'IĞDıR ENSEMBLE', 'user1', {now})
            """, Ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Events" ("Id", "VenueId", "Name", "StartUtc", "EndUtc", "Currency", "VendorId", "CreatedAtUtc")
            VALUES ('event1', 'venue1', 'Café Müller', {start}, {start.AddHours(2)}, 'EUR', 'user1', {now})
            """, Ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "TicketLots" ("Id", "EventId", "VendorId", "Seat", "Uploaded", "Removed", "PriceCents", "CreatedAtUtc")
            VALUES ('lot1', 'event1', 'user1', 'GA', 10, 0, 3000, {now}), ('lot2', 'event1', 'user1', 'VIP', 4, 1, 1000, {now})
            """, Ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "TicketLotStock" ("LotId", "Bucket", "Remaining") VALUES ('lot1', 0, 3), ('lot1', 1, 2), ('lot2', 0, 0)
            """, Ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Holdings" ("Id", "UserId", "TicketLotId", "EventId", "Count", "PricePaidCents", "PurchasedAtUtc")
            VALUES ('holding1', 'user1', 'lot1', 'event1', 1, 3000, {now})
            """, Ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ResaleListings" ("Id", "SellerId", "HoldingId", "TicketLotId", "EventId", "Count", "Sold", "PriceCents", "SellerPaidCents",
                "Status", "CreatedAtUtc")
            VALUES ('listing1', 'user1', 'holding1', 'lot1', 'event1', 2, 0, 2500, 3000, 'Active', {now}),
                   ('listing2', 'user1', 'holding1', 'lot1', 'event1', 3, 0, 1500, 3000, 'Cancelled', {now})
            """, Ct);
    }
}
