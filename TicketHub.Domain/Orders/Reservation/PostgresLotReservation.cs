using Microsoft.EntityFrameworkCore;
using Npgsql;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Tickets;

namespace TicketHub.Domain.Orders.Reservation;

/// <summary>
/// PostgreSQL. A purchase of vendor stock reserves in one autocommitted statement: take the tickets from one bucket of
/// the lot that has enough (the buyer's own starting bucket first, so concurrent buyers spread over the buckets),
/// raise the cap counter, insert the Pending order. A bucket's row is locked only inside the server, from its update to
/// the statement's commit, never across a round trip to this process, and a hot lot's buyers queue on several rows, not
/// one. A bucket another buyer's statement holds is skipped, never waited for: a statement that waited could keep the
/// lock of a bucket that ran dry meanwhile and wait for the next one, so two in opposite rotations could deadlock (a
/// bench run near a sale's end had statements fail after about one second, PostgreSQL's deadlock check, and run
/// again). When every bucket with enough is busy, the statement runs again, waiting for the lowest of them. The
/// counter's CHECK (at most 10) aborts the whole statement past the cap. What one statement cannot serve (resale
/// listings; a purchase no single bucket has enough for) goes through <see cref="TransactionalReservation"/>.
/// </summary>
internal sealed class PostgresLotReservation(IDbContextFactory<TicketHubDbContext> dbFactory, TransactionalReservation transactional)
    : IStockReservation
{
    /// <summary>The statement, with its guards: only a bucket with enough left is taken, and only by a relative update.</summary>
    internal const string Statement = """
        WITH pick AS (
            SELECT "Bucket" FROM "TicketLotStock"
            WHERE "LotId" = @lot AND "Remaining" >= @count
            ORDER BY ("Bucket" - @start + 64) % 64
            LIMIT 1
            FOR UPDATE SKIP LOCKED),
        stock AS (
            UPDATE "TicketLotStock" AS s SET "Remaining" = s."Remaining" - @count
            FROM pick WHERE s."LotId" = @lot AND s."Bucket" = pick."Bucket" AND s."Remaining" >= @count
            RETURNING s."Bucket"),
        counter AS (
            INSERT INTO "PurchaseCounters" ("UserId", "EventId", "Bought")
            SELECT @buyer, @event, @count FROM stock
            ON CONFLICT ("UserId", "EventId") DO UPDATE SET "Bought" = "PurchaseCounters"."Bought" + excluded."Bought"
            RETURNING "Bought")
        INSERT INTO "Orders" ("Id", "BuyerId", "EventId", "TicketLotId", "ListingId", "Count", "UnitPriceCents", "AmountCents",
            "Currency", "Status", "PaymentMethod", "IdempotencyKey", "StockBucket", "CreatedAtUtc", "UpdatedAtUtc")
        SELECT @id, @buyer, @event, @lot, NULL, @count, @unit_price, @amount,
            @currency, @status, @method, @key, stock."Bucket", @created, @updated
        FROM counter CROSS JOIN stock
        """;

    /// <summary>
    /// The statement for when every bucket with enough was busy: it waits for the lowest such bucket. Waiting writers
    /// all lock lowest first (a row that lost its race stays locked until the commit), so they never deadlock.
    /// </summary>
    private static readonly string WaitingStatement = Waiting(Statement);

    // Made from the statement itself, so the two cannot drift apart; a statement whose pick no longer reads as below
    // fails at start-up rather than leaving the "waiting" statement skipping like the first.
    private static string Waiting(string statement)
    {
        const string Rotated = "ORDER BY (\"Bucket\" - @start + 64) % 64", Skipping = "FOR UPDATE SKIP LOCKED";
        if (!statement.Contains(Rotated, StringComparison.Ordinal) || !statement.Contains(Skipping, StringComparison.Ordinal))
            throw new InvalidOperationException("The reservation statement's bucket pick changed: update its waiting variant.");
        return statement.Replace(Rotated, "ORDER BY \"Bucket\"", StringComparison.Ordinal).Replace(Skipping, "FOR UPDATE", StringComparison.Ordinal);
    }

    public async Task<Result<bool>> ReserveAsync(Order order, CancellationToken ct)
    {
        if (order.ListingId is not null) return await transactional.ReserveAsync(order, ct);
        var placed = await ReserveInOneStatementAsync(order, Statement, ct);
        // Every bucket with enough was busy this instant: wait for one, in the one order every waiting writer keeps.
        if (placed.IsSuccess && !placed.Value) placed = await ReserveInOneStatementAsync(order, WaitingStatement, ct);
        // No single bucket had enough: the lot as a whole may still have, spread over several.
        return placed.IsSuccess && !placed.Value ? await transactional.ReserveAsync(order, TakeWithBucketsLockedAsync, ct) : placed;
    }

    /// <summary>
    /// The fallback's stock: every bucket of the lot locked first, lowest first, then taken from (one bucket with enough,
    /// else several, lowest first). A conditional update that lost a race keeps the row's lock until its transaction
    /// ends, so a fallback that tried buckets one by one in its own order could hold one bucket while waiting for
    /// another; locked all at once in one order, two fallbacks never deadlock, and the statement above never waits.
    /// </summary>
    private static async Task<int?> TakeWithBucketsLockedAsync(TicketHubDbContext db, Order o, CancellationToken ct)
    {
        var buckets = await db.Database.SqlQuery<BucketStock>($"""
            SELECT "Bucket", "Remaining" FROM "TicketLotStock" WHERE "LotId" = {o.TicketLotId} ORDER BY "Bucket" FOR UPDATE
            """).ToListAsync(ct);
        if (buckets.Sum(b => b.Remaining) < o.Count) return null;
        List<(int Bucket, int Take)> takes = buckets.FirstOrDefault(b => b.Remaining >= o.Count) is { } enough
            ? [(enough.Bucket, o.Count)]
            : Spread(buckets, o.Count);
        foreach (var (bucket, take) in takes)
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "TicketLotStock" SET "Remaining" = "Remaining" - {take} WHERE "LotId" = {o.TicketLotId} AND "Bucket" = {bucket}
                """, ct);
        return takes[0].Bucket;
    }

    private static List<(int Bucket, int Take)> Spread(List<BucketStock> buckets, int count)
    {
        var takes = new List<(int Bucket, int Take)>();
        foreach (var b in buckets.Where(b => b.Remaining > 0))
        {
            var take = Math.Min(count, b.Remaining);
            takes.Add((b.Bucket, take));
            if ((count -= take) == 0) break;
        }
        return takes;
    }

    private sealed class BucketStock
    {
        public int Bucket { get; set; }
        public int Remaining { get; set; }
    }

    /// <summary>Runs <paramref name="statement"/> (the one above, or a variant of it) for the order: true when placed.</summary>
    internal async Task<Result<bool>> ReserveInOneStatementAsync(Order o, string statement, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Transactions.RunStatementAsync<bool>(async () =>
        {
            try
            {
                var placed = await db.Database.ExecuteSqlRawAsync(statement,
                [
                    new NpgsqlParameter("lot", o.TicketLotId), new NpgsqlParameter("count", o.Count),
                    new NpgsqlParameter("start", StockBuckets.StartFor(o.Id)), new NpgsqlParameter("buyer", o.BuyerId),
                    new NpgsqlParameter("event", o.EventId), new NpgsqlParameter("id", o.Id),
                    new NpgsqlParameter("unit_price", o.UnitPriceCents), new NpgsqlParameter("amount", o.AmountCents),
                    new NpgsqlParameter("currency", o.Currency), new NpgsqlParameter("status", o.Status.ToString()),
                    new NpgsqlParameter("method", o.PaymentMethod), new NpgsqlParameter("key", (object?)o.IdempotencyKey ?? DBNull.Value),
                    new NpgsqlParameter("created", o.CreatedAtUtc), new NpgsqlParameter("updated", o.UpdatedAtUtc),
                ], ct);
                return placed == 1;
            }
            catch (PostgresException ex) when (ex is { SqlState: "23514", ConstraintName: "CK_PurchaseCounters_Bought" })
            {
                return PurchaseErrors.LimitExceeded(await TransactionalReservation.BoughtAsync(db, o, ct));
            }
            catch (PostgresException ex) when (o.IdempotencyKey is not null && Transactions.IsUniqueViolation(ex))
            {
                return StockReservations.DuplicateKey;   // the same request is in flight; this statement changed nothing
            }
        }, ct);
    }
}
