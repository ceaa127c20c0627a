using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;
using TicketHub.Domain.Tickets;

namespace TicketHub.Bench;

/// <summary>
/// A fresh database at benchmark size: the demo catalogue generator for the browse figures, one flash-sale lot, a
/// probe lot for the raw database limit, and many individual buyers with a bearer token each.
/// </summary>
public static class SeedCommand
{
    public const string BuyerPassword = "bench-password-1";
    // The buyer the browser figures sign in through the login page.
    private const string FirstBuyer = "buyer000001";
    private const int LotsPerEvent = 4;
    private const int BuyerBatch = 1000;
    private const int EventSample = 1000;

    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var provider = DomainHost.ParseProvider(o.Text("provider"));
        var connection = o.Text("connection");
        var (events, venues, cities, performers) = (o.Int("events"), o.Int("venues"), o.Int("cities"), o.Int("performers"));
        var (ticketsTotal, buyers, flashTickets) = (o.Int("tickets-total"), o.Int("buyers"), o.Int("flash-tickets", 20_000));
        var flashRuns = Math.Max(1, o.Int("flash-runs", 1));
        var jwt = Jwt.FromConfiguredKey(o.Text("signing-key"));
        var output = Directory.CreateDirectory(o.Text("out")).FullName;
        if (flashTickets is < 1 or > TicketInventoryService.MaxUploadCount)
            throw new UsageException($"--flash-tickets must be 1–{TicketInventoryService.MaxUploadCount}.");

        var clock = Stopwatch.StartNew();
        await using var services = DomainHost.Build(provider, connection, output);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        Step("migrated", clock);

        var vendor = await sp.GetRequiredService<AccountService>()
            .RegisterAsync(new RegisterCommand("bench-vendor", "Bench", "Vendor", BuyerPassword, "vendor"), ct);
        if (!vendor.IsSuccess) throw new InvalidOperationException($"Could not create the vendor: {vendor.Error.Message}");
        var vendorId = vendor.Value.UserId;

        var ticketsPerLot = Math.Max(1, (int)Math.Round(ticketsTotal / (double)Math.Max(1, events * LotsPerEvent)));
        await sp.GetRequiredService<DemoData>().GenerateCatalogAsync(
            vendorId, new DemoCatalogSize(cities, venues, performers, events, LotsPerEvent, ticketsPerLot), seed: 42, ct);
        Step("catalogue", clock);

        var dbFactory = sp.GetRequiredService<IDbContextFactory<TicketHubDbContext>>();
        List<string> cityNames, eventIds;
        string venueId;
        long catalogueTickets;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            catalogueTickets = await db.TicketLots.SumAsync(l => (long)l.Uploaded, ct);
            cityNames = await db.Venues.Select(v => v.City).Distinct().OrderBy(c => c).ToListAsync(ct);
            var allEvents = await db.Events.OrderBy(e => e.StartUtc).ThenBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
            var stride = Math.Max(1, allEvents.Count / EventSample);
            eventIds = allEvents.Where((_, i) => i % stride == 0).Take(EventSample).ToList();
            venueId = await db.Venues.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(ct);
        }

        // One flash-sale event per run: the cap of 10 is per event, so every run can use all the buyers again.
        var flashLots = new List<(string EventId, string LotId)>();
        for (var run = 1; run <= flashRuns; run++)
            flashLots.Add(await AddLotAsync(sp, vendorId, venueId, $"Flash Sale {run}", flashTickets, ct));
        // A sale before the measured ones, a fifth of their size at their concurrency (at least 200 tickets), so that
        // they measure the app in its steady state: not its first JIT and query compilation, nor a thread pool and
        // connection pool still growing to 200 buyers at a time (a 200-ticket warm-up left the first run ~40 % slower
        // than the second).
        var (_, warmupLotId) = await AddLotAsync(sp, vendorId, venueId, "Flash Warm-up", Math.Max(200, flashTickets / 5), ct);
        var (probeEventId, _) = await AddLotAsync(sp, vendorId, venueId, "Raw Database Probe", 1, ct);
        var probeLotId = await AddProbeLotAsync(dbFactory, vendorId, probeEventId, ct);
        Step("flash-sale lots", clock);

        var tokens = await AddBuyersAsync(dbFactory, jwt, buyers, ct);
        Step($"{buyers} buyers", clock);

        await File.WriteAllLinesAsync(Path.Combine(output, "tokens.txt"), tokens, ct);
        await File.WriteAllLinesAsync(Path.Combine(output, "cities.txt"), cityNames, ct);
        await File.WriteAllLinesAsync(Path.Combine(output, "events.txt"), eventIds, ct);
        await File.WriteAllLinesAsync(Path.Combine(output, "mixed.txt"), MixedBrowse(cityNames), ct);
        await File.WriteAllLinesAsync(Path.Combine(output, "unique.txt"), NeverRepeating(cityNames), ct);
        await File.WriteAllTextAsync(Path.Combine(output, "flash.json"), JsonSerializer.Serialize(new
        {
            lotId = flashLots[0].LotId,
            eventId = flashLots[0].EventId,
            tickets = flashTickets,
            lots = flashLots.Select(l => new { lotId = l.LotId, eventId = l.EventId }),
            warmupLotId,
            probeLotId,
            probeEventId,
        }), ct);
        // The same for bench/run, which reads it with `source` (ids are letters and digits only).
        await File.WriteAllTextAsync(Path.Combine(output, "flash.env"),
            $"FLASH_LOTS=\"{string.Join(' ', flashLots.Select(l => l.LotId))}\"\nFLASH_TICKETS={flashTickets}\nWARMUP_LOT={warmupLotId}\nPROBE_LOT={probeLotId}\n" +
            $"BENCH_BUYER={FirstBuyer}\nBENCH_PASSWORD={BuyerPassword}\nUNIQUE_LINES={UniqueLines}\n", ct);
        await File.WriteAllTextAsync(Path.Combine(output, "seed.json"), JsonSerializer.Serialize(new
        {
            provider = provider.ToString(),
            events, venues, cities = cityNames.Count, performers, lotsPerEvent = LotsPerEvent, ticketsPerLot, tickets = catalogueTickets, buyers, flashTickets, flashRuns,
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        }), ct);
        Console.WriteLine($"Seeded {provider} in {clock.Elapsed.TotalSeconds:F1} s: {events} events, {venues} venues in {cityNames.Count} cities, " +
                          $"{performers} performers, {catalogueTickets:N0} tickets, {buyers} buyers, {flashRuns} flash lot(s) of {flashTickets}.");
        return 0;
    }

    private const int MixedLines = 20_000;
    private const int UniqueLines = 200_000;

    // What browsing buyers ask for: mostly the same popular pages (cities by page, with and without a date window,
    // a text search), so most requests hit the cache, and about one in ten a combination nobody asked for before.
    private static IEnumerable<string> MixedBrowse(IReadOnlyList<string> cities)
    {
        var random = new Random(42);
        var from = DateTime.UtcNow.Date.AddDays(7);
        string Popular()
        {
            var city = Uri.EscapeDataString(cities[random.Next(Math.Min(cities.Count, 20))]);
            return random.Next(4) switch
            {
                0 => $"/api/tickets/view-events?city={city}&page-size=20&page={random.Next(1, 4)}",
                1 => $"/api/tickets/view-events?city={city}&page-size=20&start_time={from:yyyy-MM-dd}T00:00:00Z&end_time={from.AddDays(30):yyyy-MM-dd}T00:00:00Z",
                2 => $"/api/tickets/view-venues?city={city}",
                _ => $"/api/tickets/view-events?country=United%20States&page={random.Next(1, 6)}&page-size=20",
            };
        }
        string Rare(int i)
        {
            var city = Uri.EscapeDataString(cities[random.Next(cities.Count)]);
            return $"/api/tickets/view-events?city={city}&page-size=20&start_time={from.AddMinutes(i):yyyy-MM-ddTHH:mm}:00Z";
        }
        for (var i = 0; i < MixedLines; i++) yield return random.Next(10) == 0 ? Rare(i) : Popular();
    }

    // Keys that never repeat (each start_time one second later), so every request is a cache miss and a new entry:
    // the uncached figure with the cache on, and the test that the in-memory cache stays bounded.
    private static IEnumerable<string> NeverRepeating(IReadOnlyList<string> cities)
    {
        var from = DateTime.UtcNow.Date.AddDays(1);
        for (var i = 0; i < UniqueLines; i++)
            yield return $"/api/tickets/view-events?city={Uri.EscapeDataString(cities[i % cities.Count])}&page-size=50&start_time={from.AddSeconds(i):yyyy-MM-ddTHH:mm:ss}Z";
    }

    private static void Step(string what, Stopwatch clock) => Console.Error.WriteLine($"  seed: {what} at {clock.Elapsed.TotalSeconds:F1} s");

    // Through the services, as a vendor would: the event a month out, one general-admission lot.
    internal static async Task<(string EventId, string LotId)> AddLotAsync(
        IServiceProvider sp, string vendorId, string venueId, string name, int count, CancellationToken ct)
    {
        var start = DateTimeOffset.UtcNow.AddDays(30);
        var ev = await sp.GetRequiredService<EventService>().AddAsync(vendorId,
            new AddEventCommand(venueId, name, $"{name} for the benchmark.", start, start.AddHours(3), "USD", null), ct);
        if (!ev.IsSuccess) throw new InvalidOperationException($"Could not add the event '{name}': {ev.Error.Message}");
        var lot = await sp.GetRequiredService<TicketInventoryService>().UploadAsync(vendorId,
            new UploadTicketCommand(ev.Value, count, "GA", "GA", 50m), ct);
        if (!lot.IsSuccess) throw new InvalidOperationException($"Could not upload the lot for '{name}': {lot.Error.Message}");
        return (ev.Value, lot.Value);
    }

    // The raw database limit needs one hot row that never runs out (one stock bucket: the single-row limit the flash sale
    // is compared with); uploads are capped at 100,000, so insert it directly.
    private static async Task<string> AddProbeLotAsync(
        IDbContextFactory<TicketHubDbContext> dbFactory, string vendorId, string eventId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lot = new TicketLot
        {
            Id = Ids.New(), EventId = eventId, VendorId = vendorId, Section = "PROBE", Seat = "GA",
            // Plenty for pgbench, and small enough that the browse pages' int sums (and five times them) stay in range.
            Uploaded = 400_000_000, PriceCents = 100, CreatedAtUtc = DateTime.UtcNow,
        };
        lot.Stock = [new TicketLotStock { LotId = lot.Id, Bucket = 0, Remaining = 400_000_000 }];
        db.TicketLots.Add(lot);
        await db.SaveChangesAsync(ct);
        return lot.Id;
    }

    // Identity's CreateAsync hashes every password (~100 ms each); one hash shared by all buyers and batched inserts
    // make thousands of accounts in seconds. The rows are what UserManager would write.
    internal static async Task<List<string>> AddBuyersAsync(
        IDbContextFactory<TicketHubDbContext> dbFactory, Jwt jwt, int count, CancellationToken ct, string usernamePrefix = "buyer")
    {
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), BuyerPassword);
        var now = DateTimeOffset.UtcNow;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var tokens = new List<string>(count);
        for (var first = 0; first < count; first += BuyerBatch)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var users = new List<AppUser>();
            for (var i = first; i < Math.Min(count, first + BuyerBatch); i++)
            {
                string id;
                do id = Ids.New(); while (!ids.Add(id));   // Ids.New is unique per millisecond only by chance
                var username = $"{usernamePrefix}{i + 1:D6}";
                var stamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
                users.Add(new AppUser
                {
                    Id = id, UserName = username, NormalizedUserName = username.ToUpperInvariant(), PasswordHash = hash,
                    SecurityStamp = stamp, ConcurrencyStamp = Guid.NewGuid().ToString(),
                    LockoutEnabled = true, FirstName = "Bench", LastName = $"Buyer {i + 1}", CreatedAtUtc = now.UtcDateTime,
                });
                tokens.Add(jwt.Issue(id, username, Roles.Individual, stamp, now, TimeSpan.FromMinutes(60)));
            }
            db.Users.AddRange(users);
            db.UserRoles.AddRange(users.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = RoleIds.Individual }));
            await db.SaveChangesAsync(ct);
        }
        return tokens;
    }
}
