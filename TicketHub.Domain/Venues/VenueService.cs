using TicketHub.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Venues;

public sealed class VenueService(
    IDbContextFactory<TicketHubDbContext> dbFactory, ReadOnlyDb readDb, CatalogCache cache, IActionRateLimiter limits, AuditTrail audit, TimeProvider clock)
{
    /// <summary>A vendor adds a venue. Errors: validation_failed, rate_limited (429).</summary>
    public async Task<Result<string>> AddAsync(string vendorId, AddVenueCommand cmd, CancellationToken ct = default)
    {
        if (limits.Refuse(LimitedAction.CatalogWrite, vendorId) is { } limited) return audit.Outcome<string>(AuditActions.VenueAdded, vendorId, "venue", limited, null);
        return audit.Outcome(AuditActions.VenueAdded, vendorId, "venue", await AddCoreAsync(vendorId, cmd, ct), null, id => id, _ => cmd.Name);
    }

    private async Task<Result<string>> AddCoreAsync(string vendorId, AddVenueCommand cmd, CancellationToken ct = default)
    {
        var timeZone = string.IsNullOrWhiteSpace(cmd.TimeZone) ? "UTC" : cmd.TimeZone.Trim();
        var v = new Validator()
            .Required("name", cmd.Name, VenueRules.NameMaxLength)
            .Required("streetAddress", cmd.StreetAddress, VenueRules.NameMaxLength)
            .Required("city", cmd.City, VenueRules.NameMaxLength)
            .Required("country", cmd.Country, VenueRules.NameMaxLength)
            .MaxLength("state", cmd.State, VenueRules.NameMaxLength)
            .MaxLength("postalCode", cmd.PostalCode, VenueRules.PostalCodeMaxLength)
            .MaxLength("addlAddress", cmd.AddlAddress, VenueRules.NameMaxLength)
            .Check(TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _), "timeZone", "timeZone must be an IANA time zone such as Europe/Paris.");
        if (v.ToError() is { } invalid) return invalid;

        var venue = new Venue
        {
            Id = Ids.New(clock),
            Name = cmd.Name!.Trim(),
            StreetAddress = cmd.StreetAddress!.Trim(),
            City = cmd.City!.Trim(),
            State = Blank(cmd.State),
            Country = cmd.Country!.Trim(),
            PostalCode = Blank(cmd.PostalCode),
            AddlAddress = Blank(cmd.AddlAddress),
            TimeZone = timeZone,
            CreatedById = vendorId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Venues.Add(venue);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(CatalogCache.Venues);
        return venue.Id;
    }

    /// <summary>Venues matching every given filter, ordered by name. Errors: validation_failed (a filter too long).</summary>
    public async Task<Result<Page<VenueDto>>> SearchAsync(VenueQuery query, PageRequest page, CancellationToken ct = default)
    {
        if (query.Validate() is { } invalid) return invalid;
        var key = $"venues:{TextKey.From(query.Name)}|{TextKey.From(query.City)}|{TextKey.From(query.State)}|" +
                  $"{TextKey.From(query.Country)}|{TextKey.From(query.PostalCode)}|{page.Page}|{page.PageSize}";
        return await cache.GetOrCreateAsync(key, async token =>
        {
            await using var db = await readDb.CreateAsync(token);
            var venues = Filter(db.Venues, query);
            var total = await venues.CountAsync(token);
            var items = await venues
                .OrderBy(v => v.NameKey).ThenBy(v => v.Id)
                .Skip(page.Skip).Take(page.PageSize)
                .Select(v => new VenueDto(v.Id, v.Name, v.StreetAddress, v.City, v.State, v.Country, v.PostalCode, v.AddlAddress, v.TimeZone))
                .ToListAsync(token);
            return new Page<VenueDto>(items, total);
        }, [CatalogCache.Venues], carriesAvailability: false, ct);
    }

    public Task<VenueDto?> FindAsync(string id, CancellationToken ct = default) =>
        cache.FindAsync($"venue:{id}", id, async token =>
        {
            await using var db = await readDb.CreateAsync(token);
            return await db.Venues.Where(v => v.Id == id)
                .Select(v => new VenueDto(v.Id, v.Name, v.StreetAddress, v.City, v.State, v.Country, v.PostalCode, v.AddlAddress, v.TimeZone))
                .FirstOrDefaultAsync(token);
        }, [CatalogCache.Venues], carriesAvailability: false, ct);

    private static IQueryable<Venue> Filter(IQueryable<Venue> venues, VenueQuery q)
    {
        if (TextKey.From(q.Name) is { } name) venues = venues.Where(v => v.NameKey.Contains(name));
        if (TextKey.From(q.City) is { } city) venues = venues.Where(v => v.CityKey == city);
        if (TextKey.From(q.State) is { } state) venues = venues.Where(v => v.StateKey == state);
        if (TextKey.From(q.Country) is { } country) venues = venues.Where(v => v.CountryKey == country);
        if (TextKey.From(q.PostalCode) is { } postalCode) venues = venues.Where(v => v.PostalCodeKey == postalCode);
        return venues;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
