using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;

namespace TicketHub.Bench;

/// <summary>
/// After the flash sale, straight from the tables: the lot sold exactly what was uploaded, paid orders and holdings
/// agree with it, no buyer passed the per-event cap, and no order was left pending.
/// </summary>
public static class AuditCommand
{
    private sealed record Check(string Name, bool Passed, string Detail);

    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var provider = DomainHost.ParseProvider(o.Text("provider"));
        var lotId = o.Text("lot");
        var jsonPath = o.OptionalText("json");
        await using var services = DomainHost.Build(provider, o.Text("connection"), Path.GetTempPath());
        await using var db = await services.GetRequiredService<IDbContextFactory<TicketHubDbContext>>().CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();

        var checks = new List<Check>();
        var lot = await RowAsync(connection, """SELECT "EventId", "Uploaded", "Removed", (SELECT COALESCE(SUM(s."Remaining"), 0) FROM "TicketLotStock" s WHERE s."LotId" = "Id") FROM "TicketLots" WHERE "Id" = @id""", lotId, ct);
        if (lot is null)
        {
            checks.Add(new Check("lot exists", false, $"no lot {lotId}"));
            return await ReportAsync(checks, jsonPath);
        }
        var eventId = (string)lot[0];
        var (uploaded, removed, remaining) = (Convert.ToInt64(lot[1]), Convert.ToInt64(lot[2]), Convert.ToInt64(lot[3]));
        var onSale = uploaded - removed;

        checks.Add(new Check("lot sold out", remaining == 0, $"remaining {remaining} of {onSale}"));

        var paid = await ScalarAsync(connection,
            """SELECT COALESCE(SUM("Count"), 0) FROM "Orders" WHERE "TicketLotId" = @id AND "Status" = 'Paid'""", lotId, ct);
        checks.Add(new Check("paid orders = tickets on sale", paid == onSale, $"paid {paid}, on sale {onSale}"));

        var held = await ScalarAsync(connection,
            """SELECT COALESCE(SUM("Count"), 0) FROM "Holdings" WHERE "TicketLotId" = @id""", lotId, ct);
        checks.Add(new Check("holdings = paid orders", held == paid, $"held {held}, paid {paid}"));

        var overCap = await ScalarAsync(connection, $"""
            SELECT COUNT(*) FROM (
                SELECT "BuyerId" FROM "Orders" WHERE "EventId" = @id AND "Status" <> 'Failed'
                GROUP BY "BuyerId" HAVING SUM("Count") > {PurchaseCounter.MaxPerEvent}) AS over_cap
            """, eventId, ct);
        var maxPerBuyer = await ScalarAsync(connection, """
            SELECT COALESCE(MAX(n), 0) FROM (
                SELECT SUM("Count") AS n FROM "Orders" WHERE "EventId" = @id AND "Status" <> 'Failed' GROUP BY "BuyerId") AS per_buyer
            """, eventId, ct);
        checks.Add(new Check($"no buyer over {PurchaseCounter.MaxPerEvent} for the event", overCap == 0,
            $"{overCap} buyers over the cap; the most one buyer holds is {maxPerBuyer}"));

        var pending = await ScalarAsync(connection,
            """SELECT COUNT(*) FROM "Orders" WHERE "TicketLotId" = @id AND "Status" = 'Pending'""", lotId, ct);
        checks.Add(new Check("no pending orders", pending == 0, $"{pending} pending"));

        return await ReportAsync(checks, jsonPath);
    }

    private static async Task<int> ReportAsync(List<Check> checks, string? jsonPath)
    {
        var passed = checks.All(c => c.Passed);
        foreach (var c in checks) Console.WriteLine($"  audit {(c.Passed ? "ok  " : "FAIL")} {c.Name}: {c.Detail}");
        Console.WriteLine($"audit: {(passed ? "passed" : "FAILED")}");
        if (jsonPath is not null)
        {
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(new
            {
                passed,
                checks = checks.Select(c => new { name = c.Name, passed = c.Passed, detail = c.Detail }),
            }, new JsonSerializerOptions { WriteIndented = true }));
        }
        return passed ? 0 : 1;
    }

    private static DbCommand Command(DbConnection connection, string sql, string id)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        return command;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, string id, CancellationToken ct)
    {
        await using var command = Command(connection, sql, id);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    private static async Task<object[]?> RowAsync(DbConnection connection, string sql, string id, CancellationToken ct)
    {
        await using var command = Command(connection, sql, id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var row = new object[reader.FieldCount];
        reader.GetValues(row);
        return row;
    }
}
