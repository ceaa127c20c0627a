using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TicketHub.Domain.Tickets;

/// <summary>
/// One share of a lot's unsold stock. A big lot's stock is split over several rows (buckets) so that buyers of a hot
/// lot do not all queue on one row's lock: a purchase takes its tickets from one bucket that has enough, and moves to
/// another when one runs dry. The lot's stock is the sum of its buckets, and a lot that sells out sells out exactly.
/// </summary>
public sealed class TicketLotStock
{
    public string LotId { get; set; } = "";
    public int Bucket { get; set; }
    public int Remaining { get; set; }
}

public static class StockBuckets
{
    public const int MaxBuckets = 16;

    /// <summary>Below this many tickets a bucket's lock is not worth splitting further.</summary>
    public const int TicketsPerBucket = 250;

    public static int CountFor(int tickets) => Math.Clamp(tickets / TicketsPerBucket, 1, MaxBuckets);

    /// <summary>A new lot's stock, spread as evenly as it divides.</summary>
    public static IEnumerable<TicketLotStock> Split(string lotId, int tickets)
    {
        var buckets = CountFor(tickets);
        for (var b = 0; b < buckets; b++)
            yield return new TicketLotStock { LotId = lotId, Bucket = b, Remaining = tickets / buckets + (b < tickets % buckets ? 1 : 0) };
    }

    /// <summary>Where a buyer starts looking, so concurrent buyers spread over the buckets instead of racing for the first.</summary>
    public static int StartFor(string orderId) => (int)((uint)orderId.GetHashCode() % MaxBuckets);
}

internal sealed class TicketLotStockConfiguration : IEntityTypeConfiguration<TicketLotStock>
{
    public void Configure(EntityTypeBuilder<TicketLotStock> b)
    {
        b.ToTable("TicketLotStock", t => t.HasCheckConstraint("CK_TicketLotStock_Remaining", "\"Remaining\" >= 0"));
        b.HasKey(s => new { s.LotId, s.Bucket });
        b.Property(s => s.LotId).HasMaxLength(Common.Ids.MaxLength);
        b.HasOne<TicketLot>().WithMany(l => l.Stock).HasForeignKey(s => s.LotId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The operations on a lot's stock buckets, for the write units that buy, release and remove tickets.</summary>
internal static class LotStock
{
    // {0} count, {1} lot, {2} start, {3} the number of buckets.
    private static readonly Data.FixedStatement TakeFromOne = new("""
        UPDATE "TicketLotStock" SET "Remaining" = "Remaining" - {0}
        WHERE "LotId" = {1} AND "Remaining" >= {0} AND "Bucket" = (
            SELECT "Bucket" FROM "TicketLotStock" WHERE "LotId" = {1} AND "Remaining" >= {0}
            ORDER BY ("Bucket" - {2} + {3}) % {3} LIMIT 1)
        RETURNING "Bucket"
        """, typeof(int), typeof(string), typeof(int), typeof(int));

    /// <summary>How many tickets of the lot are unsold: the sum of its buckets.</summary>
    public static Task<int> LeftAsync(Data.TicketHubDbContext db, string lotId, CancellationToken ct) =>
        db.TicketLotStock.Where(s => s.LotId == lotId).SumAsync(s => s.Remaining, ct);

    /// <summary>
    /// Takes <paramref name="count"/> tickets from one bucket that has them, looking from <paramref name="start"/>
    /// onwards; when none has that many but the lot as a whole does, from several, lowest bucket first (the order
    /// every multi-bucket writer locks in). Returns the bucket taken from (the lowest, for several), or null when the
    /// lot has fewer than <paramref name="count"/> left. Conditional writes: a concurrent change makes the unit run again.
    /// </summary>
    public static async Task<int?> TakeAsync(Data.TicketHubDbContext db, string lotId, int count, int start, CancellationToken ct)
    {
        // The usual case in one statement: the first bucket from start on with enough, taken by a conditional update.
        var taken = await TakeFromOne.ReadAsync(db, r => r.GetInt32(0), ct, count, lotId, start, StockBuckets.MaxBuckets);
        if (taken.Count == 1) return taken[0];

        var buckets = await db.TicketLotStock.Where(s => s.LotId == lotId && s.Remaining > 0)
            .OrderBy(s => s.Bucket).Select(s => new { s.Bucket, s.Remaining }).ToListAsync(ct);
        foreach (var b in buckets.Where(b => b.Remaining >= count).OrderBy(b => (b.Bucket - start + StockBuckets.MaxBuckets) % StockBuckets.MaxBuckets))
        {
            if (await db.TicketLotStock.Where(s => s.LotId == lotId && s.Bucket == b.Bucket && s.Remaining >= count)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Remaining, s => s.Remaining - count), ct) == 1)
                return b.Bucket;
        }
        if (buckets.Sum(b => b.Remaining) < count) return null;

        var wanted = count;
        foreach (var b in buckets)
        {
            var take = Math.Min(wanted, b.Remaining);
            await TakeExactlyAsync(db, lotId, b.Bucket, b.Remaining, take, ct);
            wanted -= take;
            if (wanted == 0) return buckets[0].Bucket;
        }
        throw new Data.ConcurrentChangeException();
    }

    /// <summary>Empties every bucket of the lot; returns how many tickets that took out of sale.</summary>
    public static async Task<int> TakeAllAsync(Data.TicketHubDbContext db, string lotId, CancellationToken ct)
    {
        var buckets = await db.TicketLotStock.Where(s => s.LotId == lotId && s.Remaining > 0)
            .OrderBy(s => s.Bucket).Select(s => new { s.Bucket, s.Remaining }).ToListAsync(ct);
        foreach (var b in buckets) await TakeExactlyAsync(db, lotId, b.Bucket, b.Remaining, b.Remaining, ct);
        return buckets.Sum(b => b.Remaining);
    }

    // Conditional on the figure just read: a purchase that took from this bucket meanwhile makes the unit run again.
    private static async Task TakeExactlyAsync(Data.TicketHubDbContext db, string lotId, int bucket, int seen, int take, CancellationToken ct)
    {
        if (await db.TicketLotStock.Where(s => s.LotId == lotId && s.Bucket == bucket && s.Remaining == seen)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Remaining, s => s.Remaining - take), ct) == 0)
            throw new Data.ConcurrentChangeException();
    }
}
