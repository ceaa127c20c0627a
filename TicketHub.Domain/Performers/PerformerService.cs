using TicketHub.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Performers;

public sealed class PerformerService(
    IDbContextFactory<TicketHubDbContext> dbFactory, ReadOnlyDb readDb, CatalogCache cache, IActionRateLimiter limits, AuditTrail audit, TimeProvider clock)
{
    public const int NameMaxLength = 255;

    /// <summary>A vendor adds a performer. Errors: validation_failed, rate_limited (429).</summary>
    public async Task<Result<string>> AddAsync(string vendorId, AddPerformerCommand cmd, CancellationToken ct = default)
    {
        if (limits.Refuse(LimitedAction.CatalogWrite, vendorId) is { } limited) return audit.Outcome<string>(AuditActions.PerformerAdded, vendorId, "performer", limited, null);
        return audit.Outcome(AuditActions.PerformerAdded, vendorId, "performer", await AddCoreAsync(vendorId, cmd, ct), null, id => id, _ => cmd.Name);
    }

    private async Task<Result<string>> AddCoreAsync(string vendorId, AddPerformerCommand cmd, CancellationToken ct = default)
    {
        var v = new Validator().Required("name", cmd.Name, NameMaxLength).MaxLength("description", cmd.Description, 511);
        if (v.ToError() is { } invalid) return invalid;

        var performer = new Performer
        {
            Id = Ids.New(clock),
            Name = cmd.Name!.Trim(),
            Description = string.IsNullOrWhiteSpace(cmd.Description) ? null : cmd.Description.Trim(),
            CreatedById = vendorId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Performers.Add(performer);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(CatalogCache.Performers);
        return performer.Id;
    }

    /// <summary>
    /// Performers whose name contains <paramref name="name"/> (case-insensitive), ordered by name. A name longer than
    /// any performer's matches nothing and is not cached.
    /// </summary>
    public Task<Page<PerformerDto>> SearchAsync(string? name, PageRequest page, CancellationToken ct = default) =>
        name?.Trim().Length > NameMaxLength ? Task.FromResult(new Page<PerformerDto>([], 0)) : cache.GetOrCreateAsync($"performers:{TextKey.From(name)}|{page.Page}|{page.PageSize}", async token =>
        {
            await using var db = await readDb.CreateAsync(token);
            var performers = db.Performers.AsQueryable();
            if (TextKey.From(name) is { } key) performers = performers.Where(p => p.NameKey.Contains(key));
            var total = await performers.CountAsync(token);
            var items = await performers.OrderBy(p => p.NameKey).ThenBy(p => p.Id)
                .Skip(page.Skip).Take(page.PageSize)
                .Select(p => new PerformerDto(p.Id, p.Name, p.Description))
                .ToListAsync(token);
            return new Page<PerformerDto>(items, total);
        }, [CatalogCache.Performers], carriesAvailability: false, ct).AsTask();

    public Task<PerformerDto?> FindAsync(string id, CancellationToken ct = default) =>
        cache.FindAsync($"performer:{id}", id, async token =>
        {
            await using var db = await readDb.CreateAsync(token);
            return await db.Performers.Where(p => p.Id == id)
                .Select(p => new PerformerDto(p.Id, p.Name, p.Description)).FirstOrDefaultAsync(token);
        }, [CatalogCache.Performers], carriesAvailability: false, ct);
}
