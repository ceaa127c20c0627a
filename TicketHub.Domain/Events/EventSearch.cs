using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Events;

/// <summary>A search's filters as the database compares them: keys upper-cased, times in UTC, "upcoming" as a start after now.</summary>
internal sealed record SearchFilter(
    string? VenueId, string? PerformerId, DateTime? After, DateTime? From, DateTime? To,
    string? CityKey, string? StateKey, string? CountryKey, string? PostalCodeKey, string? TextKey, DateOnly? FromDay, DateOnly? ToDay)
{
    public static SearchFilter Of(EventQuery q, DateTime nowUtc) => new(
        string.IsNullOrWhiteSpace(q.VenueId) ? null : q.VenueId, string.IsNullOrWhiteSpace(q.PerformerId) ? null : q.PerformerId,
        q.Upcoming ? nowUtc : null, q.From?.UtcDateTime, q.To?.UtcDateTime,
        Common.TextKey.From(q.City), Common.TextKey.From(q.State), Common.TextKey.From(q.Country), Common.TextKey.From(q.PostalCode),
        Common.TextKey.From(q.Text), q.FromDay, q.ToDay);

    /// <summary>No text search and no day window: what the compiled queries answer (the API's filters, and most pages').</summary>
    public bool IsPlain => TextKey is null && FromDay is null && ToDay is null;
}

/// <summary>An event as a search reads it: its own columns only (figures, lineup and venue id included).</summary>
internal sealed record EventRow(
    string Id, string Name, string? Description, DateTime StartUtc, DateTime EndUtc, string Currency, string VenueId, string Lineup,
    long? CheapestCents, int TicketsLeft, int Capacity, long? ResaleCheapestCents, int ResaleLeft)
{
    /// <summary>The cheapest ticket on sale, vendor stock or resale (see <see cref="EventSummary.MinPrice"/>).</summary>
    public decimal? MinPrice
    {
        get
        {
            long? min = (CheapestCents, ResaleCheapestCents) switch
            {
                (null, null) => null,
                ({ } a, null) => a,
                (null, { } b) => b,
                ({ } a, { } b) => Math.Min(a, b),
            };
            return min is null ? null : Money.ToDecimal(min.Value, Currency);
        }
    }

    public int Available => TicketsLeft + ResaleLeft;

    public EventSummary ToSummary(VenueRef venue) => new(
        Id, Name, Description, StartUtc, EndUtc, Currency, venue, EventLineup.Read(Lineup), MinPrice, Available, Capacity);
}

/// <summary>
/// The queries of view-events and the event pages. Each reads the events table alone: the figures (EventFigures) and
/// the lineup are the event's own columns, and venues come from <see cref="VenueRefs"/>. The common searches' pages
/// and counts are SQL commands built once (<see cref="EventPageCommand"/>) and single events run compiled: a profile
/// of uncached view-events showed EF spending more time building and looking up the LINQ query than SQLite spent
/// reading the page.
/// </summary>
internal static class EventSearch
{
    private static readonly Expression<Func<Event, EventRow>> Row = e => new EventRow(
        e.Id, e.Name, e.Description, e.StartUtc, e.EndUtc, e.Currency, e.VenueId, e.Lineup,
        e.CheapestCents, e.TicketsLeft, e.Capacity, e.ResaleCheapestCents, e.ResaleLeft);

    // Every filter but text and days. An absent filter is a null parameter, which EF leaves out of the SQL it makes for
    // that combination, so each combination still reads its own index.
    private static readonly Expression<Func<TicketHubDbContext, string?, string?, DateTime?, DateTime?, DateTime?, string?, string?, string?, string?, IQueryable<Event>>>
        Matching = (db, venueId, performerId, after, from, to, city, state, country, postalCode) => db.Events.Where(e =>
            (venueId == null || e.VenueId == venueId)
            // Driven from the performer's index (an IN list), not by probing every event in start order.
            && (performerId == null || db.Performances.Where(p => p.PerformerId == performerId).Select(p => p.EventId).Contains(e.Id))
            && (after == null || e.StartUtc > after) && (from == null || e.StartUtc >= from) && (to == null || e.StartUtc <= to)
            && (city == null || e.CityKey == city) && (state == null || e.StateKey == state)
            && (country == null || e.CountryKey == country) && (postalCode == null || e.PostalCodeKey == postalCode));

    private static readonly Func<TicketHubDbContext, string?, string?, DateTime?, DateTime?, DateTime?, string?, string?, string?, string?, IQueryable<Event>>
        MatchingQuery = Matching.Compile();

    private static Compiled For(TicketHubDbContext db) => PerModel<Compiled>.For(db);

    private sealed class Compiled
    {
        public readonly Func<TicketHubDbContext, string, IAsyncEnumerable<EventRow>> ById =
            EF.CompileAsyncQuery((TicketHubDbContext db, string id) => db.Events.Where(e => e.Id == id).Select(Row));
    }

    public static async Task<List<EventRow>> PageAsync(
        TicketHubDbContext db, SearchFilter f, PageRequest page, Func<CancellationToken, Task<IReadOnlyList<string>>> venueZones, CancellationToken ct)
    {
        if (f.IsPlain) return await EventPageCommand.ReadAsync(db, f, page, ct);
        var events = await FilteredAsync(db, f, venueZones, ct);
        return await events.OrderBy(e => e.StartUtc).ThenBy(e => e.Id).Skip(page.Skip).Take(page.PageSize).Select(Row).ToListAsync(ct);
    }

    public static async Task<int> CountAsync(
        TicketHubDbContext db, SearchFilter f, Func<CancellationToken, Task<IReadOnlyList<string>>> venueZones, CancellationToken ct) =>
        f.IsPlain
            ? await EventPageCommand.CountAsync(db, f, ct)
            : await (await FilteredAsync(db, f, venueZones, ct)).CountAsync(ct);

    public static async Task<EventRow?> FindAsync(TicketHubDbContext db, string id, CancellationToken ct)
    {
        await foreach (var row in For(db).ById(db, id).WithCancellation(ct)) return row;
        return null;
    }

    // The rarer searches (the storefront's text box, days at the venue) are built as LINQ each time.
    private static async Task<IQueryable<Event>> FilteredAsync(
        TicketHubDbContext db, SearchFilter f, Func<CancellationToken, Task<IReadOnlyList<string>>> venueZones, CancellationToken ct)
    {
        var events = MatchingQuery(db, f.VenueId, f.PerformerId, f.After, f.From, f.To, f.CityKey, f.StateKey, f.CountryKey, f.PostalCodeKey);
        if (f.TextKey is { } text)
        {
            events = events.Where(e => e.NameKey.Contains(text) || e.Venue.NameKey.Contains(text)
                                       || e.Performances.Any(p => p.Performer.NameKey.Contains(text)));
        }
        if (f.FromDay is not null || f.ToDay is not null) events = events.StartingOnVenueDays(await venueZones(ct), f.FromDay, f.ToDay);
        return events;
    }
}
