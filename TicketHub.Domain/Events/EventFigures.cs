using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Resale;

namespace TicketHub.Domain.Events;

/// <summary>
/// The figures browsing shows for an event (tickets left, cheapest price, capacity), kept as columns of the event so
/// that a page of events reads no lots or listings. They are derived data, never read to decide a sale, and never
/// written inside another write's transaction: a purchase only marks its event changed (<see cref="MarkChanged"/>) and
/// <see cref="EventFiguresRefresher"/> recomputes every marked event a fraction of a second later in one statement, so
/// the event row is written at most once per refresh however many buyers a flash sale brings. Catalogue writes
/// (uploads, removals, resale listings) recompute their event after their commit, before they invalidate the cache,
/// so the entries they drop are rebuilt from the new figures. <see cref="RefreshStaleAsync"/> recomputes whatever
/// differs from the lots and listings: marks a node lost in a crash, and rows written behind the services' back.
/// </summary>
public sealed class EventFigures(IDbContextFactory<TicketHubDbContext> dbFactory, IWriteUnits writes)
{
    // A set, so a flash sale's thousands of purchases of one event make one entry.
    private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);

    // Few enough events per statement that SQLite's write lock is never held long.
    private const int Batch = 200;

    /// <summary>Notes, after its commit, that a write changed what is on sale for the event.</summary>
    public void MarkChanged(string eventId) => _changed.TryAdd(eventId, 0);

    public bool HasChanges => !_changed.IsEmpty;

    /// <summary>Recomputes the figures of every event marked so far; a failed attempt leaves them marked.</summary>
    public async Task RefreshChangedAsync(CancellationToken ct = default)
    {
        // Each mark is taken off before the statement that reads the stock runs, and marks are made after their
        // commits, so a change is either seen by this statement or marked again for the next refresh.
        var ids = new List<string>();
        foreach (var id in _changed.Keys)
            if (_changed.TryRemove(id, out _)) ids.Add(id);
        try
        {
            await RecomputeAsync(ids, ct);
        }
        catch
        {
            foreach (var id in ids) MarkChanged(id);
            throw;
        }
    }

    /// <summary>Recomputes one event's figures now.</summary>
    public Task RefreshAsync(string eventId, CancellationToken ct = default) => RecomputeAsync([eventId], ct);

    /// <summary>Recomputes every event whose stored figures differ from its lots and listings; returns how many.</summary>
    public async Task<int> RefreshStaleAsync(CancellationToken ct = default)
    {
        List<string> stale;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            stale = await db.Events.AsNoTracking().Where(Differs(db)).Select(e => e.Id).ToListAsync(ct);
        await RecomputeAsync(stale, ct);
        return stale.Count;
    }

    private async Task RecomputeAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(Batch))
        {
            var done = await writes.RunAsync<bool>(async db =>
            {
                var (left, cheapest, resaleLeft, resaleCheapest, capacity) = Computed(db);
                await db.Events.Where(e => chunk.Contains(e.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.TicketsLeft, left)
                    .SetProperty(e => e.CheapestCents, cheapest)
                    .SetProperty(e => e.ResaleLeft, resaleLeft)
                    .SetProperty(e => e.ResaleCheapestCents, resaleCheapest)
                    .SetProperty(e => e.Capacity, capacity), ct);
                return true;
            }, ct, Durability.Deferred);   // derived data: a database crash that loses it loses nothing the heal cannot redo
            if (!done.IsSuccess) throw new InvalidOperationException(done.Error.Message);
        }
    }

    // The one place that says how an event's figures derive from its lots and resale listings.
    private static (Expression<Func<Event, int>> Left, Expression<Func<Event, long?>> Cheapest, Expression<Func<Event, int>> ResaleLeft,
        Expression<Func<Event, long?>> ResaleCheapest, Expression<Func<Event, int>> Capacity) Computed(TicketHubDbContext db) =>
    (
        e => db.TicketLots.Where(t => t.EventId == e.Id).SelectMany(t => t.Stock).Sum(s => (int?)s.Remaining) ?? 0,
        e => db.TicketLots.Where(t => t.EventId == e.Id && t.Stock.Any(s => s.Remaining > 0)).Min(t => (long?)t.PriceCents),
        e => db.ResaleListings.Where(l => l.EventId == e.Id && l.Status == ListingStatus.Active).Sum(l => (int?)l.Count) ?? 0,
        e => db.ResaleListings.Where(l => l.EventId == e.Id && l.Status == ListingStatus.Active && l.Count > 0).Min(l => (long?)l.PriceCents),
        e => db.TicketLots.Where(t => t.EventId == e.Id).Sum(t => (int?)(t.Uploaded - t.Removed)) ?? 0
    );

    // Stored figure != computed figure, for any of them (with SQL's NULLs compared as C# compares them).
    private static Expression<Func<Event, bool>> Differs(TicketHubDbContext db)
    {
        var (left, cheapest, resaleLeft, resaleCheapest, capacity) = Computed(db);
        var e = Expression.Parameter(typeof(Event), "e");
        Expression Differ<T>(Expression<Func<Event, T>> stored, Expression<Func<Event, T>> computed) =>
            Expression.NotEqual(new Rebind(stored.Parameters[0], e).Visit(stored.Body), new Rebind(computed.Parameters[0], e).Visit(computed.Body));
        var any = new[]
        {
            Differ(x => x.TicketsLeft, left),
            Differ(x => x.CheapestCents, cheapest),
            Differ(x => x.ResaleLeft, resaleLeft),
            Differ(x => x.ResaleCheapestCents, resaleCheapest),
            Differ(x => x.Capacity, capacity),
        }.Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Event, bool>>(any, e);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
