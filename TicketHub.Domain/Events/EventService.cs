using System.Text.Json;
using TicketHub.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Resale;

namespace TicketHub.Domain.Events;

public sealed class EventService(
    IDbContextFactory<TicketHubDbContext> dbFactory, IWriteUnits writes, ReadOnlyDb readDb, CatalogCache cache, VenueRefs venueRefs, IActionRateLimiter limits, AuditTrail audit,
    TimeProvider clock)
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
        var venue = await db.Venues.AsNoTracking().FirstOrDefaultAsync(x => x.Id == cmd.VenueId, ct);
        if (venue is null) return EventErrors.VenueNotFound(cmd.VenueId!);
        var performers = await db.Performers.AsNoTracking().Where(p => performerIds.Contains(p.Id)).ToListAsync(ct);
        if (performerIds.FirstOrDefault(id => performers.All(p => p.Id != id)) is { } missing) return EventErrors.PerformerNotFound(missing);

        var ev = new Event
        {
            Id = Ids.New(clock),
            Name = cmd.Name!.Trim(),
            Description = string.IsNullOrWhiteSpace(cmd.Description) ? null : cmd.Description.Trim(),
            StartUtc = cmd.StartTime!.Value.UtcDateTime,
            EndUtc = cmd.EndTime!.Value.UtcDateTime,
            Currency = currency,
            VendorId = vendorId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        ev.PlaceAt(venue);
        ev.Book(performers);
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

        var added = await writes.RunAsync<bool>(async tx =>
        {
            // The event's row first: two performers added at once then rewrite its lineup one after the other.
            await tx.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Lineup, e => e.Lineup), ct);
            tx.Performances.Add(new Performance { EventId = eventId!, PerformerId = performerId! });
            try
            {
                await tx.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (Transactions.IsUniqueViolation(ex))
            {
                // The same pair raced in from another request; the composite key let only one of them in.
                return EventErrors.PerformerAlreadyAdded(performerId!, eventId!);
            }
            var lineup = await tx.Performances.Where(p => p.EventId == eventId).Select(p => new PerformerRef(p.PerformerId, p.Performer.Name)).ToListAsync(ct);
            await tx.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Lineup, EventLineup.Of(lineup)), ct);
            return true;
        }, ct);
        if (!added.IsSuccess) return added.Error;
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
        var key = FilterKey(query);
        return await cache.GetOrCreateAsync($"events:{key}|{page.Page}|{page.PageSize}", async token =>
        {
            var (rows, total) = await PageRowsAsync(query, key, page, token);
            return new Page<EventSummary>(await SummariesAsync(rows, token), total);
        }, [CatalogCache.Events], carriesAvailability: true, ct);
    }

    /// <summary>
    /// The same search as <see cref="SearchAsync"/>, its events written as the JSON array that serialising their
    /// summaries with <paramref name="json"/> gives (what view-events sends), cached apart from the summaries.
    /// Errors: validation_failed (a filter too long).
    /// </summary>
    public async Task<Result<JsonPage>> SearchJsonAsync(EventQuery query, PageRequest page, JsonSerializerOptions json, CancellationToken ct = default)
    {
        if (query.Validate() is { } invalid) return invalid;
        var key = FilterKey(query);
        return await cache.GetOrCreateAsync($"events-json:{key}|{page.Page}|{page.PageSize}", async token =>
        {
            var (rows, total) = await PageRowsAsync(query, key, page, token);
            return new JsonPage(EventJson.Write(rows, await venueRefs.OfAsync(rows.ConvertAll(r => r.VenueId), token), json), total);
        }, [CatalogCache.Events], carriesAvailability: true, ct);
    }

    private async Task<(List<EventRow> Rows, int Total)> PageRowsAsync(EventQuery query, string key, PageRequest page, CancellationToken ct)
    {
        var filter = SearchFilter.Of(query, clock.GetUtcNow().UtcDateTime);
        List<EventRow> rows;
        await using (var db = await readDb.CreateAsync(ct))
            rows = await EventSearch.PageAsync(db, filter, page, VenueZonesAsync, ct);
        // A page that is neither full nor past the end tells the total itself; otherwise every page of the filter
        // shares one count.
        var total = rows.Count < page.PageSize && (rows.Count > 0 || page.Page == 1)
            ? page.Skip + rows.Count
            : await CountAsync(filter, key, query.Upcoming, ct);
        return (rows, total);
    }

    // Its own context: a cache entry's factory may outlive the request that began it.
    private Task<int> CountAsync(SearchFilter filter, string key, bool upcoming, CancellationToken ct) =>
        cache.GetOrCreateAsync($"events-count:{key}", async token =>
        {
            await using var db = await readDb.CreateAsync(token);
            return await EventSearch.CountAsync(db, filter, VenueZonesAsync, token);
        }, [CatalogCache.Events], carriesAvailability: upcoming, ct).AsTask();   // "upcoming" shrinks as time passes

    private async Task<IReadOnlyList<EventSummary>> SummariesAsync(List<EventRow> rows, CancellationToken ct)
    {
        var refs = await venueRefs.OfAsync(rows.ConvertAll(r => r.VenueId), ct);
        var summaries = new EventSummary[rows.Count];
        for (var i = 0; i < summaries.Length; i++) summaries[i] = rows[i].ToSummary(refs[i]);
        return summaries;
    }

    // Every filter, normalised as the query compares it, so equal searches share cache entries.
    private static string FilterKey(EventQuery q) =>
        $"{q.VenueId}|{q.PerformerId}|{(q.Upcoming ? "upcoming" : "")}|{q.From?.UtcTicks}|{q.To?.UtcTicks}|{TextKey.From(q.City)}|" +
        $"{TextKey.From(q.State)}|{TextKey.From(q.Country)}|{TextKey.From(q.PostalCode)}|{TextKey.From(q.Text)}|{q.FromDay:O}|{q.ToDay:O}";

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
            EventRow? row;
            await using (var db = await readDb.CreateAsync(token))
                row = await EventSearch.FindAsync(db, id, token);
            return row is null ? null : (await SummariesAsync([row], token))[0];
        }, [CatalogCache.Events, CatalogCache.Event(id)], carriesAvailability: true, ct);

    /// <summary>Cities with upcoming events, busiest first.</summary>
    public Task<IReadOnlyList<CityCount>> CitiesAsync(int max = 24, CancellationToken ct = default) =>
        cache.GetOrCreateAsync($"cities:{max}", token => CitiesUncachedAsync(max, token), [CatalogCache.Events], carriesAvailability: false, ct).AsTask();

    private async ValueTask<IReadOnlyList<CityCount>> CitiesUncachedAsync(int max, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await readDb.CreateAsync(ct);
        var rows = await db.Events.Where(e => e.StartUtc > now)
            .GroupBy(e => new { e.CityKey, e.CountryKey })
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

    // The time zones venues are in, for the day filters.
    private Task<IReadOnlyList<string>> VenueZonesAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync<IReadOnlyList<string>>("venue-zones", async token =>
        {
            await using var db = await readDb.CreateAsync(token);
            return await db.Venues.Select(v => v.TimeZone).Distinct().ToArrayAsync(token);
        }, [CatalogCache.Venues], carriesAvailability: false, ct).AsTask();
}
