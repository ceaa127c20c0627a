using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;

namespace TicketHub.Domain.ETickets;

/// <summary>The owner's side of e-tickets: the codes of the tickets they hold, and the public key that checks them.</summary>
public sealed class ETicketService(IDbContextFactory<TicketHubDbContext> dbFactory, PlatformKey key)
{
    /// <summary>The user's tickets with their codes, soonest event first. Tickets listed for resale have no code to show.</summary>
    public async Task<IReadOnlyList<ETicketView>> TicketsAsync(string userId, string? eventId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = db.TicketUnits.AsNoTracking().Where(u => u.OwnerId == userId && u.Status == TicketUnitStatus.Active);
        if (eventId is not null) units = units.Where(u => u.EventId == eventId);
        return await ViewsAsync(db, units, ct);
    }

    /// <summary>One of the user's tickets, for the printable page. Errors: not_found (also someone else's, or listed).</summary>
    public async Task<Result<ETicketView>> TicketAsync(string userId, string? unitId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(unitId) || unitId.Length > Ids.MaxLength) return ETicketErrors.NotFound(unitId ?? "");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = db.TicketUnits.AsNoTracking().Where(u => u.Id == unitId && u.OwnerId == userId && u.Status == TicketUnitStatus.Active);
        return (await ViewsAsync(db, units, ct)).FirstOrDefault() is { } view ? view : ETicketErrors.NotFound(unitId);
    }

    /// <summary>The public half of the platform key, which verifies every ticket code offline.</summary>
    public TicketKeyJwk PublicKey() => new("OKP", "Ed25519", Convert.ToBase64String(key.PublicKey).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        key.KeyId, "EdDSA", "sig");

    private async Task<IReadOnlyList<ETicketView>> ViewsAsync(TicketHubDbContext db, IQueryable<TicketUnit> units, CancellationToken ct)
    {
        var rows = await units
            .Join(db.TicketLots, u => u.TicketLotId, t => t.Id, (u, t) => new { u, t.Section, t.Seat })
            .Join(db.Events, x => x.u.EventId, e => e.Id, (x, e) => new { x.u, x.Section, x.Seat, e.Name, e.StartUtc, Venue = e.Venue.Name, e.Venue.TimeZone })
            .ToListAsync(ct);
        return rows.OrderBy(x => x.StartUtc).ThenBy(x => x.u.TicketLotId).ThenBy(x => x.u.Id)
            .Select(x => new ETicketView(x.u.Id, x.u.EventId, x.Name, x.StartUtc, x.Venue, x.TimeZone, x.Section, x.Seat, x.u.Generation,
                new TicketCode(x.u.Id, x.u.EventId, x.u.OwnerId, x.u.Generation).Seal(key), x.u.CheckedInAtUtc))
            .ToList();
    }
}
