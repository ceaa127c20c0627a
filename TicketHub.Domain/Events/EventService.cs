using TicketHub.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Resale;

namespace TicketHub.Domain.Events;

public sealed class EventService(
    IDbContextFactory<TicketHubDbContext> dbFactory, ReadOnlyDb readDb, CatalogCache cache, IActionRateLimiter limits, AuditTrail audit, TimeProvider clock)
{
    public const int NameMaxLength = 255;
    public const int DescriptionMaxLength = 2000;
    public const int MaxPerformers = 50;

    /// <summary>
    /// A vendor creates an event at a venue with optional performers. Errors: validation_failed (times, currency,
    /// lengths), not_found (venue or a performer). Also rate_limited (429) past the
    /// per-user limit.
    /// </summary>
    public async Task<Result<string>> AddAsync(string vendorId, AddEventCommand cmd, CancellationToken ct = default)
    {
        if (limits.Refuse(LimitedAction.CatalogWrite, vendorId) is { } limited) return audit.Outcome<string>(AuditActions.EventAdded, vendorId, "event", limited, null);
        return audit.Outcome(AuditActions.EventAdded, vendorId, "event", await AddCoreAsync(vendorId, cmd, ct), cmd.VenueId, id => id, _ => cmd.Name);
    }

    private async Task<Result<string>> AddCoreAsync(string vendorId, AddEventCommand cmd, CancellationToken ct = default)
    {
        var currency = string.IsNullOrWhiteSpace(cmd.Currency) ? Money.DefaultCurrency : cmd.Currency.Trim().ToUpperInvariant();
        var performerIds = (cmd.PerformerIds ?? []).Distinct().ToList();
        var v = new Validator()
            .Required("venueId", cmd.VenueId, Ids.MaxLength)
            .Required("name", cmd.Name, NameMaxLength)
            .MaxLength("description", cmd.Description, DescriptionMaxLength)
            .Check(cmd.StartTime is not null, "startTime", "startTime is required.")
            .Check(cmd.EndTime is not null, "endTime", "endTime is required.")
            .Check(cmd.StartTime is null || cmd.EndTime is null || cmd.EndTime > cmd.StartTime, "endTime", "endTime must be after startTime.")
            .Check(cmd.StartTime is null || cmd.StartTime > clock.GetUtcNow(), "startTime", "startTime must be in the future.")
            .Check(Money.IsSupported(currency), "currency", "currency must be an ISO 4217 code with at most 2 decimals, such as USD or EUR.")
            .Check(performerIds.Count <= MaxPerformers, "performerIds", $"An event has at most {MaxPerformers} performers.")
            .Check(performerIds.All(Ids.CanBe), "performerIds", "performerIds must each be the id of a performer.");
        if (v.ToError() is { } invalid) return invalid;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Venues.AnyAsync(x => x.Id == cmd.VenueId, ct)) return EventErrors.VenueNotFound(cmd.VenueId!);
        var known = await db.Performers.Where(p => performerIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (performerIds.FirstOrDefault(id => !known.Contains(id)) is { } missing) return EventErrors.PerformerNotFound(missing);

        var ev = new Event
        {
            Id = Ids.New(clock),
            VenueId = cmd.VenueId!,
            Name = cmd.Name!.Trim(),
            Description = string.IsNullOrWhiteSpace(cmd.Description) ? null : cmd.Description.Trim(),
            StartUtc = cmd.StartTime!.Value.UtcDateTime,
            EndUtc = cmd.EndTime!.Value.UtcDateTime,
            Currency = currency,
            VendorId = vendorId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        ev.Performances = performerIds.Select(id => new Performance { EventId = ev.Id, PerformerId = id }).ToList();
        db.Events.Add(ev);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(CatalogCache.Events);
        return ev.Id;
    }

    /// <summary>
    /// The vendor that created an event adds a performer to it. Errors: not_found, not_owner (403), already_exists. Also rate_limited (429) past the
    /// per-user limit.
    /// </summary>
    public async Task<Result<bool>> AddPerformerAsync(string vendorId, string? eventId, string? performerId, CancellationToken ct = default)
    {
        if (limits.Refuse(LimitedAction.CatalogWrite, vendorId) is { } limited)
            return audit.Outcome<bool>(AuditActions.PerformerAddedToEvent, vendorId, "event", limited, eventId);
        return audit.Outcome(AuditActions.PerformerAddedToEvent, vendorId, "event",
            await AddPerformerCoreAsync(vendorId, eventId, performerId, ct), eventId, detail: _ => $"performer {performerId}");
    }

    private async Task<Result<bool>> AddPerformerCoreAsync(string vendorId, string? eventId, string? performerId, CancellationToken ct = default)
    {
        var v = new Validator().Required("eventId", eventId, Ids.MaxLength).Required("performerId", performerId, Ids.MaxLength);
        if (v.ToError() is { } invalid) return invalid;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.Events.Where(e => e.Id == eventId).Select(e => e.VendorId).FirstOrDefaultAsync(ct);
        if (owner is null) return EventErrors.NotFound(eventId!);
        if (owner != vendorId) return EventErrors.NotOwner;
        if (!await db.Performers.AnyAsync(p => p.Id == performerId, ct)) return EventErrors.PerformerNotFound(performerId!);
        if (await db.Performances.AnyAsync(p => p.EventId == eventId && p.PerformerId == performerId, ct))
            return EventErrors.PerformerAlreadyAdded(performerId!, eventId!);

        db.Performances.Add(new Performance { EventId = eventId!, PerformerId = performerId! });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (Transactions.IsUniqueViolation(ex))
        {
            // The same pair raced in from another request; the composite key let only one of them in.
            return EventErrors.PerformerAlreadyAdded(performerId!, eventId!);
        }
        await cache.InvalidateAsync(CatalogCache.Events, CatalogCache.Event(eventId!));
        return true;
    }

    /// <summary>
    /// Events matching every given filter, ordered by start time, with venue, performers and what is on sale.
    /// Errors: validation_failed (a filter too long).
    /// </summary>
    public async Task<Result<Page<EventSummary>>> SearchAsync(EventQuery query, PageRequest page, CancellationToken ct = default)
    {
        if (query.Validate() is { } invalid) return invalid;
        var key = $"events:{query.VenueId}|{query.PerformerId}|{query.From?.UtcTicks}|{query.To?.UtcTicks}|{TextKey.From(query.City)}|" +
                  $"{TextKey.From(query.State)}|{TextKey.From(query.Country)}|{TextKey.From(query.PostalCode)}|{TextKey.From(query.Text)}|" +
                  $"{query.FromDay:O}|{query.ToDay:O}|{page.Page}|{page.PageSize}";
        return await cache.GetOrCreateAsync(key, async token =>
        {
            await using var db = await readDb.CreateAsync(token);
            var events = Filter(db, db.Events, query);
            if (query.FromDay is not null || query.ToDay is not null)
            {
                var zones = await db.Venues.Select(v => v.TimeZone).Distinct().ToListAsync(token);
                events = events.StartingOnVenueDays(zones, query.FromDay, query.ToDay);
            }
            var total = await events.CountAsync(token);
            var pageOfEvents = events.OrderBy(e => e.StartUtc).ThenBy(e => e.Id).Skip(page.Skip).Take(page.PageSize);
            var rows = await Project(db, pageOfEvents).ToListAsync(token);
            return new Page<EventSummary>(await WithPerformersAsync(db, rows, token), total);
        }, [CatalogCache.Events], carriesAvailability: true, ct);
    }

    /// <summary>One of the vendor's own events, for the vendor admin. Errors: not_found, not_owner (403).</summary>
    public async Task<Result<EventSummary>> FindForVendorAsync(string vendorId, string eventId, CancellationToken ct = default)
    {
        if (!Ids.CanBe(eventId)) return EventErrors.NotFound(eventId);
        await using (var db = await readDb.CreateAsync(ct))
        {
            var owner = await db.Events.Where(e => e.Id == eventId).Select(e => e.VendorId).FirstOrDefaultAsync(ct);
            if (owner is null) return EventErrors.NotFound(eventId);
            if (owner != vendorId) return EventErrors.NotOwner;
        }
        return (await FindAsync(eventId, ct))!;
    }

    public Task<EventSummary?> FindAsync(string id, CancellationToken ct = default) =>
        cache.FindAsync($"event:{id}", id, async token =>
        {
            await using var db = await readDb.CreateAsync(token);
            var rows = await Project(db, db.Events.Where(e => e.Id == id)).ToListAsync(token);
            return (await WithPerformersAsync(db, rows, token)).FirstOrDefault();
        }, [CatalogCache.Events, CatalogCache.Event(id)], carriesAvailability: true, ct);

    /// <summary>Cities with upcoming events, busiest first.</summary>
    public Task<IReadOnlyList<CityCount>> CitiesAsync(int max = 24, CancellationToken ct = default) =>
        cache.GetOrCreateAsync($"cities:{max}", token => CitiesUncachedAsync(max, token), [CatalogCache.Events], carriesAvailability: false, ct).AsTask();

    private async ValueTask<IReadOnlyList<CityCount>> CitiesUncachedAsync(int max, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await readDb.CreateAsync(ct);
        var rows = await db.Events.Where(e => e.StartUtc > now)
            .GroupBy(e => new { e.Venue.CityKey, e.Venue.CountryKey })
            .Select(g => new { g.Key.CityKey, g.Key.CountryKey, Count = g.Count(), City = g.Max(e => e.Venue.City), State = g.Max(e => e.Venue.State), Country = g.Max(e => e.Venue.Country) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.CityKey).Take(max)
            .ToListAsync(ct);
        return rows.Select(r => new CityCount(r.City!, r.State, r.Country!, r.Count)).ToList();
    }

    /// <summary>Performers with the most upcoming events.</summary>
    public Task<IReadOnlyList<PerformerPopularity>> PopularPerformersAsync(int max = 12, CancellationToken ct = default) =>
        cache.GetOrCreateAsync($"popular-performers:{max}", token => PopularPerformersUncachedAsync(max, token),
            [CatalogCache.Events, CatalogCache.Performers], carriesAvailability: false, ct).AsTask();

    private async ValueTask<IReadOnlyList<PerformerPopularity>> PopularPerformersUncachedAsync(int max, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await readDb.CreateAsync(ct);
        var top = await db.Performances.Where(p => p.Event.StartUtc > now)
            .GroupBy(p => p.PerformerId)
            .Select(g => new { PerformerId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.PerformerId).Take(max)
            .ToListAsync(ct);
        var ids = top.Select(t => t.PerformerId).ToList();
        var names = await db.Performers.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return top.Select(t => new PerformerPopularity(t.PerformerId, names[t.PerformerId], t.Count)).ToList();
    }

    /// <summary>The countries that have venues, for the location filter.</summary>
    public Task<IReadOnlyList<string>> CountriesAsync(CancellationToken ct = default) =>
        cache.GetOrCreateAsync<IReadOnlyList<string>>("countries", async token =>
        {
            await using var db = await readDb.CreateAsync(token);
            var rows = await db.Venues.GroupBy(v => v.CountryKey).Select(g => g.Max(v => v.Country)).ToListAsync(token);
            return rows.OfType<string>().Order().ToArray();
        }, [CatalogCache.Venues], carriesAvailability: false, ct).AsTask();

    /// <summary>The cities of one country (or all) that have venues, for the location filter.</summary>
    public Task<IReadOnlyList<string>> CitiesInAsync(string? country, CancellationToken ct = default) =>
        cache.GetOrCreateAsync<IReadOnlyList<string>>($"cities-in:{TextKey.From(country)}", async token =>
        {
            await using var db = await readDb.CreateAsync(token);
            var venues = db.Venues.AsQueryable();
            if (TextKey.From(country) is { } key) venues = venues.Where(v => v.CountryKey == key);
            var rows = await venues.GroupBy(v => v.CityKey).Select(g => g.Max(v => v.City)).ToListAsync(token);
            return rows.OfType<string>().Order().ToArray();
        }, [CatalogCache.Venues], carriesAvailability: false, ct).AsTask();

    private static IQueryable<Event> Filter(TicketHubDbContext db, IQueryable<Event> events, EventQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.VenueId)) events = events.Where(e => e.VenueId == q.VenueId);
        if (!string.IsNullOrWhiteSpace(q.PerformerId))
        {
            // Driven from the performer's index (an IN list), not by probing every event in start order.
            var ofPerformer = db.Performances.Where(p => p.PerformerId == q.PerformerId).Select(p => p.EventId);
            events = events.Where(e => ofPerformer.Contains(e.Id));
        }
        if (q.From is { } from)
        {
            var fromUtc = from.UtcDateTime;
            events = events.Where(e => e.StartUtc >= fromUtc);
        }
        if (q.To is { } to)
        {
            var toUtc = to.UtcDateTime;
            events = events.Where(e => e.StartUtc <= toUtc);
        }
        if (TextKey.From(q.City) is { } city) events = events.Where(e => e.Venue.CityKey == city);
        if (TextKey.From(q.State) is { } state) events = events.Where(e => e.Venue.StateKey == state);
        if (TextKey.From(q.Country) is { } country) events = events.Where(e => e.Venue.CountryKey == country);
        if (TextKey.From(q.PostalCode) is { } postalCode) events = events.Where(e => e.Venue.PostalCodeKey == postalCode);
        if (TextKey.From(q.Text) is { } text)
        {
            var upper = text;
            events = events.Where(e => e.Name.ToUpper().Contains(upper) || e.Venue.NameKey.Contains(upper)
                                       || e.Performances.Any(p => p.Performer.NameKey.Contains(upper)));
        }
        return events;
    }

    // The page in one query (venue by join, stock figures as correlated aggregates over indexed columns); the
    // performers of just those events in a second. A joined collection made SQLite materialise every performance.
    private static IQueryable<EventRow> Project(TicketHubDbContext db, IQueryable<Event> events) =>
        events.Select(e => new EventRow(
            e.Id, e.Name, e.Description, e.StartUtc, e.EndUtc, e.Currency,
            new VenueRef(e.Venue.Id, e.Venue.Name, e.Venue.City, e.Venue.State, e.Venue.Country, e.Venue.PostalCode, e.Venue.TimeZone),
            db.TicketLots.Where(t => t.EventId == e.Id && t.Stock.Any(s => s.Remaining > 0)).Min(t => (long?)t.PriceCents),
            db.TicketLots.Where(t => t.EventId == e.Id).SelectMany(t => t.Stock).Sum(s => (int?)s.Remaining) ?? 0,
            db.TicketLots.Where(t => t.EventId == e.Id).Sum(t => (int?)(t.Uploaded - t.Removed)) ?? 0,
            db.ResaleListings.Where(l => l.EventId == e.Id && l.Status == ListingStatus.Active && l.Count > 0).Min(l => (long?)l.PriceCents),
            db.ResaleListings.Where(l => l.EventId == e.Id && l.Status == ListingStatus.Active).Sum(l => (int?)l.Count) ?? 0));

    private static async Task<IReadOnlyList<EventSummary>> WithPerformersAsync(TicketHubDbContext db, List<EventRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var performers = ids.Count == 0
            ? []
            : await db.Performances.Where(p => ids.Contains(p.EventId))
                .OrderBy(p => p.Performer.NameKey)
                .Select(p => new { p.EventId, p.PerformerId, p.Performer.Name })
                .ToListAsync(ct);
        var byEvent = performers.ToLookup(p => p.EventId, p => new PerformerRef(p.PerformerId, p.Name));
        return rows.Select(r => r.ToSummary(byEvent[r.Id].ToList())).ToList();
    }

    private sealed record EventRow(
        string Id, string Name, string? Description, DateTime StartUtc, DateTime EndUtc, string Currency, VenueRef Venue,
        long? MinPrimaryCents, int PrimaryAvailable, int Capacity, long? MinResaleCents, int ResaleAvailable)
    {
        public EventSummary ToSummary(IReadOnlyList<PerformerRef> performers)
        {
            long? min = (MinPrimaryCents, MinResaleCents) switch
            {
                (null, null) => null,
                ({ } a, null) => a,
                (null, { } b) => b,
                ({ } a, { } b) => Math.Min(a, b),
            };
            return new EventSummary(
                Id, Name, Description, StartUtc, EndUtc, Currency, Venue, performers,
                min is null ? null : Money.ToDecimal(min.Value, Currency), PrimaryAvailable + ResaleAvailable, Capacity);
        }
    }
}
