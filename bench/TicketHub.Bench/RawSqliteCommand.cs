using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace TicketHub.Bench;

/// <summary>
/// The most sales per second SQLite itself allows on this machine: the app's stock claim (one conditional UPDATE in a
/// BEGIN IMMEDIATE transaction) on one hot row, by as many connections as the flash sale has workers, with nothing
/// else around it, with the app's connection settings. Run it on a copy of the benchmark database: it rewrites the row.
/// </summary>
public static class RawSqliteCommand
{
    private const string ProbeTable = "BenchProbeLot";

    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var path = o.Text("db");
        var tickets = o.Int("tickets");
        var concurrency = Math.Max(1, o.Int("concurrency", 200));
        var lotId = o.OptionalText("lot");
        var jsonPath = o.OptionalText("json");
        // The app's own connection settings (TicketHub.Domain/Data/SqliteTuning.cs): WAL with synchronous=NORMAL.
        var synchronous = (o.OptionalText("synchronous") ?? "NORMAL").ToUpperInvariant();
        if (synchronous is not ("OFF" or "NORMAL" or "FULL" or "EXTRA"))
            throw new UsageException("--synchronous must be OFF, NORMAL, FULL or EXTRA.");
        if (!File.Exists(path)) throw new UsageException($"No database at {path}.");
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 60 }.ToString();

        string table;
        await using (var setup = new SqliteConnection(cs))
        {
            await setup.OpenAsync(ct);
            if (lotId is null)
            {
                // No real lot named: a one-row table of the same shape stands in for it.
                table = ProbeTable;
                lotId = "probe";
                await ExecAsync(setup, $"""
                    PRAGMA journal_mode=WAL;
                    DROP TABLE IF EXISTS "{ProbeTable}";
                    CREATE TABLE "{ProbeTable}" ("Id" TEXT NOT NULL PRIMARY KEY, "Remaining" INTEGER NOT NULL CHECK ("Remaining" >= 0));
                    INSERT INTO "{ProbeTable}" VALUES ('probe', {tickets});
                    """, ct);
            }
            else
            {
                // The lot's first stock bucket: the one row a purchase of it updates.
                table = "TicketLotStock";
                var command = setup.CreateCommand();
                command.CommandText = """
                    PRAGMA journal_mode=WAL;
                    UPDATE "TicketLots" SET "Uploaded" = MAX("Uploaded", $n), "Removed" = 0 WHERE "Id" = $id;
                    UPDATE "TicketLotStock" SET "Remaining" = $n WHERE "LotId" = $id AND "Bucket" = 0;
                    """;
                command.Parameters.AddWithValue("$n", tickets);
                command.Parameters.AddWithValue("$id", lotId);
                if (await command.ExecuteNonQueryAsync(ct) != 2) throw new UsageException($"No lot {lotId} (with a stock bucket) in {path}.");
            }
        }

        var sold = 0L;
        var latencies = new List<double>[concurrency];
        var start = new Barrier(concurrency + 1);
        var clock = new Stopwatch();
        var threads = Enumerable.Range(0, concurrency).Select(i => new Thread(() =>
        {
            var mine = latencies[i] = new List<double>(tickets / concurrency + 16);
            using var connection = new SqliteConnection(cs);
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=60000;";
                pragma.ExecuteNonQuery();
            }
            using var begin = connection.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            using var update = connection.CreateCommand();
            update.CommandText = table == ProbeTable
                ? $"""UPDATE "{table}" SET "Remaining" = "Remaining" - 1 WHERE "Id" = $id AND "Remaining" >= 1;"""
                : """UPDATE "TicketLotStock" SET "Remaining" = "Remaining" - 1 WHERE "LotId" = $id AND "Bucket" = 0 AND "Remaining" >= 1;""";
            update.Parameters.AddWithValue("$id", lotId);
            using var commit = connection.CreateCommand();
            commit.CommandText = "COMMIT;";
            begin.Prepare();
            update.Prepare();
            commit.Prepare();
            start.SignalAndWait(ct);
            while (!ct.IsCancellationRequested)
            {
                var t0 = Stopwatch.GetTimestamp();
                begin.ExecuteNonQuery();
                var rows = update.ExecuteNonQuery();
                commit.ExecuteNonQuery();
                if (rows == 0) break;
                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                Interlocked.Increment(ref sold);
            }
        }) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        start.SignalAndWait(ct);
        clock.Start();
        threads.ForEach(t => t.Join());
        var seconds = clock.Elapsed.TotalSeconds;

        var sorted = latencies.SelectMany(l => l ?? []).Order().ToArray();
        var result = new
        {
            concurrency,
            tickets,
            updates = sold,
            seconds = Math.Round(seconds, 3),
            updatesPerSecond = Math.Round(sold / seconds, 1),
            p50Ms = FlashSaleCommand.Percentile(sorted, 0.50),
            p99Ms = FlashSaleCommand.Percentile(sorted, 0.99),
            table,
            synchronous,
        };
        Console.WriteLine($"raw sqlite: {sold} single-ticket updates in {seconds:F2} s = {result.updatesPerSecond} updates/s " +
                          $"with {concurrency} connections, synchronous={synchronous} (p50 {result.p50Ms} ms, p99 {result.p99Ms} ms)");
        if (jsonPath is not null)
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }), CancellationToken.None);
        return sold == tickets ? 0 : 1;
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
