using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace TicketHub.Tests.Support;

/// <summary>
/// Every row of every table of the model, as text, so a spec can prove a request changed nothing. Only AuditEntries is
/// left out: it records refused requests by design (the audit specs cover it).
/// </summary>
public sealed class DatabaseSnapshot
{
    public const string AuditTable = "AuditEntries";

    private readonly IReadOnlyDictionary<string, string[]> _rows;

    private DatabaseSnapshot(IReadOnlyDictionary<string, string[]> rows) => _rows = rows;

    /// <summary>How many rows the snapshot holds: a spec can check it saw the data it meant to protect.</summary>
    public int RowCount => _rows.Values.Sum(r => r.Length);

    public static async Task<DatabaseSnapshot> TakeAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>()
            .Where(t => t != AuditTable).Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        // Every table in one command (a result set each): one round trip, which is most of the cost on PostgreSQL.
        await using var command = connection.CreateCommand();
        command.CommandText = string.Join(";\n", tables.Select(t => $"SELECT * FROM \"{t}\""));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            rows[table] = await ReadAsync(reader);
            await reader.NextResultAsync();
        }
        return new DatabaseSnapshot(rows);
    }

    /// <summary>The rows that differ, table by table; empty when both snapshots hold the same rows.</summary>
    public IReadOnlyList<string> Differences(DatabaseSnapshot later)
    {
        var differences = new List<string>();
        foreach (var (table, before) in _rows)
        {
            var after = later._rows[table];
            differences.AddRange(before.Except(after).Select(r => $"{table} lost or changed: {r}"));
            differences.AddRange(after.Except(before).Select(r => $"{table} gained or changed: {r}"));
        }
        return differences;
    }

    private static async Task<string[]> ReadAsync(DbDataReader reader)
    {
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var columns = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
                columns[i] = $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : Text(reader.GetValue(i)))}";
            rows.Add(string.Join(", ", columns));
        }
        rows.Sort(StringComparer.Ordinal);
        return [.. rows];
    }

    // Times to the tick: a write within the same second must still show.
    private static string Text(object value) => value switch
    {
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
