using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Data;

namespace TicketHub.Bench;

/// <summary>
/// What the fault tests trade on, added to a running cluster's database: one vendor with several events (two lots
/// each) and one hot lot, and many buyers with a bearer token each (signed with the cluster's key). Every run uses
/// names of its own, so it can run again on the same database.
/// </summary>
public static class FaultSeedCommand
{
    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var connection = o.Text("connection");
        var (events, lotTickets, hotTickets, buyers) = (o.Int("events", 4), o.Int("lot-tickets", 5000), o.Int("hot-tickets", 2000), o.Int("buyers", 400));
        var jwt = Jwt.FromConfiguredKey(o.Text("signing-key"));
        var output = Directory.CreateDirectory(o.Text("out")).FullName;
        var run = Guid.NewGuid().ToString("N")[..4];

        await using var services = DomainHost.Build(DatabaseProvider.Postgres, connection, output);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var vendor = await sp.GetRequiredService<AccountService>()
            .RegisterAsync(new RegisterCommand($"fv{run}", "Fault", "Vendor", SeedCommand.BuyerPassword, "vendor"), ct);
        if (!vendor.IsSuccess) throw new InvalidOperationException($"Could not create the vendor: {vendor.Error.Message}");

        var dbFactory = sp.GetRequiredService<IDbContextFactory<TicketHubDbContext>>();
        string venueId;
        List<string> cities;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            venueId = await db.Venues.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(ct);
            cities = await db.Venues.Select(v => v.City).Distinct().OrderBy(c => c).ToListAsync(ct);
        }

        var lots = new List<(string EventId, string LotId)>();
        for (var e = 1; e <= events; e++)
        {
            var (eventId, lotId) = await SeedCommand.AddLotAsync(sp, vendor.Value.UserId, venueId, $"Fault Night {run}-{e}", lotTickets, ct);
            lots.Add((eventId, lotId));
            var second = await sp.GetRequiredService<TicketHub.Domain.Tickets.TicketInventoryService>().UploadAsync(vendor.Value.UserId,
                new TicketHub.Domain.Tickets.UploadTicketCommand(eventId, lotTickets, "Balcony", "GA", 80m), ct);
            if (!second.IsSuccess) throw new InvalidOperationException(second.Error.Message);
            lots.Add((eventId, second.Value));
        }
        var hot = await SeedCommand.AddLotAsync(sp, vendor.Value.UserId, venueId, $"Fault Flash Sale {run}", hotTickets, ct);
        var tokens = await SeedCommand.AddBuyersAsync(dbFactory, jwt, buyers, ct, usernamePrefix: $"f{run}");

        await File.WriteAllLinesAsync(Path.Combine(output, "tokens.txt"), tokens, ct);
        await File.WriteAllLinesAsync(Path.Combine(output, "cities.txt"), cities, ct);
        await File.WriteAllLinesAsync(Path.Combine(output, "lots.txt"), lots.Select(l => $"{l.EventId} {l.LotId}"), ct);
        await File.WriteAllTextAsync(Path.Combine(output, "hot.txt"), $"{hot.EventId} {hot.LotId}\n", ct);
        Console.WriteLine(JsonSerializer.Serialize(new { run, events, lots = lots.Count, hotLot = hot.LotId, hotTickets, buyers }));
        return 0;
    }
}
