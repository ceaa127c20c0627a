using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace TicketHub.Bench;

/// <summary>
/// One fault under a steady mixed load through the load balancer, then an audit of the database. The load is
/// bounded in time and requests: <c>--workers</c> workers pace themselves to <c>--rate</c> requests per second for
/// <c>--seconds</c>, 10 reads to 1 buy by default (view-events and view-venues by city, event pages; buys of 1–2
/// tickets from several events' lots and one hot lot, by many buyers). At <c>--inject-at</c> seconds it runs the
/// <c>--inject</c> command (e.g. kill -9 a node), at <c>--restore-at</c> the <c>--restore</c> command. After the load
/// it waits until the reconciler has settled every Pending order, audits, prints one row and writes it as JSON.
/// Exit code 0 only when nothing was oversold, lost or left inconsistent and both reads and writes recovered.
/// </summary>
public static class FaultCommand
{
    private enum Kind { Read, Write }

    private sealed record Sample(double At, Kind Kind, int Status, bool Ok, string? OrderId, string? Code = null, double Ms = 0, bool RetryAfter = false)
    {
        /// <summary>What a client must never get: a 500, a 503 without Retry-After, or no answer at all (a hang: the 10 s timeout).</summary>
        public bool IsBad => Status == 500 || (Status == 503 && !RetryAfter) || (Status == 0 && Ms >= 9_500);
    }

    private static readonly HashSet<string> BusinessAnswers = new(StringComparer.Ordinal)
    {
        "sold_out", "insufficient_quantity", "purchase_limit_exceeded",
    };

    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var name = o.Text("name");
        var baseUrl = new Uri(o.Text("url").TrimEnd('/') + "/");
        var connection = o.Text("connection");
        var seed = o.Text("seed");
        var seconds = o.Int("seconds", 30);
        var workers = Math.Max(1, o.Int("workers", 24));
        var rate = Math.Max(1, o.Int("rate", 150));
        var readsPerBuy = o.Int("reads-per-buy", 10);
        var maxRequests = o.Int("max-requests", seconds * rate * 2);
        var injectAt = o.Int("inject-at", 5);
        var inject = o.OptionalText("inject");
        var restoreAt = o.Int("restore-at", seconds);
        var restore = o.OptionalText("restore");
        var settleSeconds = o.Int("settle-seconds", 120);
        var windowSeconds = o.Int("reconcile-window-seconds", 30);
        var recoveryBound = o.Int("recovery-bound-seconds", 60);
        var jsonPath = o.OptionalText("json");

        var tokens = (await File.ReadAllLinesAsync(Path.Combine(seed, "tokens.txt"), ct)).Where(t => t.Length > 0).ToArray();
        var cities = (await File.ReadAllLinesAsync(Path.Combine(seed, "cities.txt"), ct)).Where(t => t.Length > 0).ToArray();
        var lots = (await File.ReadAllLinesAsync(Path.Combine(seed, "lots.txt"), ct)).Where(t => t.Length > 0).Select(l => l.Split(' ')).ToArray();
        var hot = (await File.ReadAllTextAsync(Path.Combine(seed, "hot.txt"), ct)).Trim().Split(' ');
        var eventIds = lots.Select(l => l[0]).Append(hot[0]).Distinct().ToArray();

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = workers * 2,
            PooledConnectionLifetime = TimeSpan.FromSeconds(5),
            UseCookies = false,
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },   // the cluster's self-signed certificate
        };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };

        var samples = new ConcurrentBag<Sample>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(workers / (double)rate);
        var load = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w * 7919 + Environment.TickCount);
            for (var i = 0; clock.Elapsed.TotalSeconds < seconds && Interlocked.Increment(ref sent) <= maxRequests; i++)
            {
                var started = clock.Elapsed;
                var buy = random.Next(readsPerBuy + 1) == 0;
                samples.Add(buy
                    ? await BuyAsync(http, clock, tokens[random.Next(tokens.Length)],
                        random.Next(2) == 0 ? hot[1] : lots[random.Next(lots.Length)][1], random.Next(1, 3), ct)
                    : await ReadAsync(http, clock, random, tokens, cities, eventIds, ct));
                var wait = interval - (clock.Elapsed - started);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            }
        }, ct)).ToList();

        double? injectedAt = null, restoredAt = null;
        string? injectOutput = null, restoreOutput = null;
        var faults = Task.Run(async () =>
        {
            if (inject is not null)
            {
                await DelayUntil(clock, injectAt, ct);
                injectedAt = clock.Elapsed.TotalSeconds;
                injectOutput = await ShellAsync(inject, ct);
            }
            if (restore is not null)
            {
                await DelayUntil(clock, restoreAt, ct);
                restoredAt = clock.Elapsed.TotalSeconds;
                restoreOutput = await ShellAsync(restore, ct);
            }
        }, ct);
        await Task.WhenAll(load);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        await faults;

        var all = samples.OrderBy(s => s.At).ToList();
        var paidIds = all.Where(s => s.OrderId is not null).Select(s => s.OrderId!).ToArray();
        var from = injectedAt ?? 0;
        var writes = Recovery(all, Kind.Write, from);
        var reads = Recovery(all, Kind.Read, from);

        await using var db = new NpgsqlDataSourceBuilder(connection).Build();
        var settleClock = Stopwatch.StartNew();
        while (await CountAsync(db, """SELECT COUNT(*) FROM "Orders" WHERE "Status" = 'Pending'""", null, ct) > 0
               && settleClock.Elapsed.TotalSeconds < settleSeconds)
            await Task.Delay(1000, ct);
        var audit = await AuditAsync(db, paidIds, windowSeconds, ct);
        // Orders the buyers were told are paid whose settlement did not survive (a failover lost a settlement that
        // committed without waiting for the standby): the reconciler settled them again, from the gateway's record,
        // at least its window after the order was placed, where the request itself settles within a second.
        var unsettledAtEnd = await CountAsync(db, """
            SELECT COUNT(*) FROM "Orders" WHERE "Id" = ANY(@ids) AND "Status" = 'Paid' AND "UpdatedAtUtc" - "CreatedAtUtc" > interval '10 seconds'
            """, paidIds, ct);

        var failures = all.Where(s => !s.Ok).GroupBy(s => s.Status == 0 ? "transport" : $"{s.Status}{(s.Code is null ? "" : " " + s.Code)}")
            .OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        var bad = all.Count(s => s.IsBad);
        var recovered = writes is not null && reads is not null && writes <= recoveryBound && reads <= recoveryBound;
        var passed = audit.Oversold == 0 && audit.Lost == 0 && audit.Inconsistent == 0 && recovered && bad == 0;
        var row = new
        {
            fault = name,
            sent = all.Count,
            succeeded = all.Count(s => s.Ok),
            failures,
            oversold = audit.Oversold,
            lost = audit.Lost,
            inconsistent = audit.Inconsistent,
            writesRecoveredSeconds = writes,
            readsRecoveredSeconds = reads,
            paidOrders = paidIds.Length,
            badAnswers = bad,
            slowestFailureMs = Math.Round(all.Where(s => !s.Ok).Select(s => s.Ms).DefaultIfEmpty(0).Max()),
            settlementsRedoneByReconciler = unsettledAtEnd,
            reconcilerSeconds = Math.Round(settleClock.Elapsed.TotalSeconds, 1),
            loadSeconds = Math.Round(loadSeconds, 1),
            injectedAt = injectedAt is null ? (double?)null : Math.Round(injectedAt.Value, 1),
            restoredAt = restoredAt is null ? (double?)null : Math.Round(restoredAt.Value, 1),
            auditDetail = audit.Detail,
            passed,
        };
        Console.WriteLine($"| {name} | {row.sent} | {row.succeeded} | {(failures.Count == 0 ? "none" : string.Join(", ", failures.Select(f => $"{f.Key}: {f.Value}")))} " +
                          $"| {row.oversold} | {row.lost} / {row.inconsistent} | {Seconds(writes)} | {Seconds(reads)} | {(passed ? "pass" : "FAIL")} |");
        Console.Error.WriteLine($"  {name}: {paidIds.Length} paid, {unsettledAtEnd} settled again by the reconciler; {bad} answers that were 500, " +
                                $"503 without Retry-After or hung; slowest failure {row.slowestFailureMs} ms; audit: {audit.Detail}");
        if (injectOutput is { Length: > 0 }) Console.Error.WriteLine($"  inject: {injectOutput.Trim()}");
        if (restoreOutput is { Length: > 0 }) Console.Error.WriteLine($"  restore: {restoreOutput.Trim()}");
        if (jsonPath is not null)
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(row, new JsonSerializerOptions { WriteIndented = true }), CancellationToken.None);
        return passed ? 0 : 1;
    }

    private static string Seconds(double? s) => s is null ? "not recovered" : s.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Seconds from the fault until requests of this kind answered again: the first success after the last failure.
    /// 0 when nothing failed after the fault; null when the last requests still failed.
    /// </summary>
    private static double? Recovery(List<Sample> all, Kind kind, double from)
    {
        var after = all.Where(s => s.Kind == kind && s.At >= from).ToList();
        var lastFailure = after.LastOrDefault(s => !s.Ok);
        if (lastFailure is null) return 0;
        var next = after.FirstOrDefault(s => s.Ok && s.At > lastFailure.At);
        return next is null ? null : Math.Round(next.At - from, 1);
    }

    private static async Task<Sample> ReadAsync(HttpClient http, Stopwatch clock, Random random, string[] tokens, string[] cities,
        string[] eventIds, CancellationToken ct)
    {
        var city = Uri.EscapeDataString(cities[random.Next(cities.Length)]);
        var (path, token) = random.Next(3) switch
        {
            0 => ($"api/tickets/view-events?city={city}&page-size=20", tokens[random.Next(tokens.Length)]),
            1 => ($"api/tickets/view-venues?city={city}", tokens[random.Next(tokens.Length)]),
            _ => ($"events/{eventIds[random.Next(eventIds.Length)]}", null),
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var (status, body, ms, retryAfter) = await SendAsync(http, request, ct);
        return new Sample(clock.Elapsed.TotalSeconds, Kind.Read, status, status == 200, null, Property(body, "code"), ms, retryAfter);
    }

    private static async Task<Sample> BuyAsync(HttpClient http, Stopwatch clock, string token, string lotId, int count, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tickets/buy-ticket") { Content = JsonContent.Create(new { ticketId = lotId, count }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var (status, body, ms, retryAfter) = await SendAsync(http, request, ct);
        var at = clock.Elapsed.TotalSeconds;
        if (status == 200) return new Sample(at, Kind.Write, status, true, Property(body, "orderId"), null, ms);
        var code = Property(body, "code");
        var answered = status == 400 && code is not null && BusinessAnswers.Contains(code);
        return new Sample(at, Kind.Write, status, answered, null, code, ms, retryAfter);
    }

    private static async Task<(int Status, string Body, double Ms, bool RetryAfter)> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return ((int)response.StatusCode, body, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.Headers.RetryAfter is not null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (0, "", Stopwatch.GetElapsedTime(started).TotalMilliseconds, false);
        }
    }

    private static string? Property(string body, string name)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task DelayUntil(Stopwatch clock, int second, CancellationToken ct)
    {
        var wait = TimeSpan.FromSeconds(second) - clock.Elapsed;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
    }

    private static async Task<string> ShellAsync(string command, CancellationToken ct)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/bash", ["-c", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return $"{await output}{await error}{(process.ExitCode == 0 ? "" : $" (exit {process.ExitCode})")}";
    }

    private sealed record Audit(int Oversold, int Lost, int Inconsistent, string Detail);

    /// <summary>Straight from the tables, over every lot and order: the invariants the fault must not break.</summary>
    private static async Task<Audit> AuditAsync(NpgsqlDataSource db, string[] paidIds, int windowSeconds, CancellationToken ct)
    {
        var oversold = await CountAsync(db, """
            SELECT COUNT(*) FROM "TicketLots" l
            WHERE EXISTS (SELECT 1 FROM "TicketLotStock" s WHERE s."LotId" = l."Id" AND s."Remaining" < 0)
               OR (SELECT COALESCE(SUM(o."Count"), 0) FROM "Orders" o WHERE o."TicketLotId" = l."Id" AND o."Status" <> 'Failed') > l."Uploaded" - l."Removed"
            """, null, ct);
        var lost = await CountAsync(db, """SELECT COUNT(*) FROM "Orders" WHERE "Id" = ANY(@ids) AND "Status" <> 'Paid'""", paidIds, ct)
                   + paidIds.Length - await CountAsync(db, """SELECT COUNT(*) FROM "Orders" WHERE "Id" = ANY(@ids)""", paidIds, ct);
        var unaccounted = await CountAsync(db, """
            SELECT COUNT(*) FROM "TicketLots" l
            WHERE (SELECT COALESCE(SUM(s."Remaining"), 0) FROM "TicketLotStock" s WHERE s."LotId" = l."Id")
                + (SELECT COALESCE(SUM(h."Count"), 0) FROM "Holdings" h WHERE h."TicketLotId" = l."Id")
                + (SELECT COALESCE(SUM(r."Count"), 0) FROM "ResaleListings" r WHERE r."TicketLotId" = l."Id")
                + (SELECT COALESCE(SUM(o."Count"), 0) FROM "Orders" o WHERE o."TicketLotId" = l."Id" AND o."Status" = 'Pending')
                <> l."Uploaded" - l."Removed"
            """, null, ct);
        var overCap = await CountAsync(db, """
            SELECT COUNT(*) FROM (SELECT 1 FROM "Orders" WHERE "Status" <> 'Failed' GROUP BY "BuyerId", "EventId" HAVING SUM("Count") > 10) x
            """, null, ct);
        var counters = await CountAsync(db, """
            SELECT COUNT(*) FROM "PurchaseCounters" c
            WHERE c."Bought" <> (SELECT COALESCE(SUM(o."Count"), 0) FROM "Orders" o
                                 WHERE o."BuyerId" = c."UserId" AND o."EventId" = c."EventId" AND o."Status" <> 'Failed')
            """, null, ct);
        // Paid tickets and holdings per buyer and lot (the fault load does not resell, so they must match exactly).
        var paidWithoutTickets = await CountAsync(db, """
            SELECT COUNT(*) FROM (
                SELECT o."BuyerId", o."TicketLotId", SUM(o."Count") AS paid FROM "Orders" o WHERE o."Status" = 'Paid' AND o."ListingId" IS NULL
                GROUP BY o."BuyerId", o."TicketLotId") p
            WHERE p.paid > (SELECT COALESCE(SUM(h."Count"), 0) FROM "Holdings" h WHERE h."UserId" = p."BuyerId" AND h."TicketLotId" = p."TicketLotId")
            """, null, ct);
        var ticketsWithoutPaid = await CountAsync(db, """
            SELECT COUNT(*) FROM "Holdings" h
            WHERE NOT EXISTS (SELECT 1 FROM "Orders" o WHERE o."BuyerId" = h."UserId" AND o."TicketLotId" = h."TicketLotId" AND o."Status" = 'Paid')
            """, null, ct);
        var stalePending = await CountAsync(db,
            $"""SELECT COUNT(*) FROM "Orders" WHERE "Status" = 'Pending' AND "CreatedAtUtc" < now() - interval '{windowSeconds} seconds'""", null, ct);
        var inconsistent = unaccounted + overCap + counters + paidWithoutTickets + ticketsWithoutPaid + stalePending;
        var detail = $"oversold lots {oversold}, paid orders lost {lost}, lots not accounted {unaccounted}, buyers over the cap {overCap}, " +
                     $"counters off {counters}, paid without tickets {paidWithoutTickets}, tickets without a paid order {ticketsWithoutPaid}, " +
                     $"pending older than {windowSeconds} s {stalePending}";
        return new Audit(oversold, lost, inconsistent, detail);
    }

    private static async Task<int> CountAsync(NpgsqlDataSource db, string sql, string[]? ids, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = db.CreateCommand(sql);
                if (ids is not null) command.Parameters.AddWithValue("ids", ids);
                return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
            }
            catch (NpgsqlException) when (attempt < 30)
            {
                await Task.Delay(1000, ct);   // the primary may still be failing over
            }
        }
    }
}
