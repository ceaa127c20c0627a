using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Performers;

public sealed class PerformerService(IDbContextFactory<TicketHubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>A vendor adds a performer. Errors: validation_failed.</summary>
    public async Task<Result<string>> AddAsync(string vendorId, AddPerformerCommand cmd, CancellationToken ct = default)
    {
        var v = new Validator().Required("name", cmd.Name, 255).MaxLength("description", cmd.Description, 511);
        if (v.ToError() is { } invalid) return invalid;

        var performer = new Performer
        {
            Id = Ids.New(clock),
            Name = cmd.Name!.Trim(),
            Description = string.IsNullOrWhiteSpace(cmd.Description) ? null : cmd.Description.Trim(),
            NameKey = TextKey.From(cmd.Name)!,
            CreatedById = vendorId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Performers.Add(performer);
        await db.SaveChangesAsync(ct);
        return performer.Id;
    }

    /// <summary>Performers whose name contains <paramref name="name"/> (case-insensitive), ordered by name.</summary>
    public async Task<Page<PerformerDto>> SearchAsync(string? name, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var performers = db.Performers.AsNoTracking();
        if (TextKey.From(name) is { } key) performers = performers.Where(p => p.NameKey.Contains(key));
        var total = await performers.CountAsync(ct);
        var items = await performers.OrderBy(p => p.NameKey).ThenBy(p => p.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(p => new PerformerDto(p.Id, p.Name, p.Description))
            .ToListAsync(ct);
        return new Page<PerformerDto>(items, total);
    }

    public async Task<PerformerDto?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Performers.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PerformerDto(p.Id, p.Name, p.Description)).FirstOrDefaultAsync(ct);
    }
}
