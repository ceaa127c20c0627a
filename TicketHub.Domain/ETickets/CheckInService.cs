using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Audit;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;
using TicketHub.Domain.Live;

namespace TicketHub.Domain.ETickets;

/// <summary>The door: scans codes for one event and admits each ticket once, however many doors scan it at the same moment.</summary>
public sealed class CheckInService(
    IDbContextFactory<TicketHubDbContext> dbFactory, PlatformKey key, LiveSignals live, TimeProvider clock)
{
    public const int CodeMaxLength = SignedToken.MaxLength;

    /// <summary>
    /// The vendor of the event checks a code in. Every readable request gets a verdict: valid (admitted now), already_used
    /// (with when), revoked (an earlier owner's code, or a ticket listed for resale), wrong_event, or forged (not signed by
    /// the platform, or altered). Errors: validation_failed, not_found (the event), not_owner (403).
    /// </summary>
    public async Task<Result<CheckInResult>> CheckInAsync(string vendorId, CheckInCommand cmd, CancellationToken ct = default)
    {
        var v = new Validator()
            .Required("eventId", cmd.EventId, Ids.MaxLength)
            .Required("code", cmd.Code, CodeMaxLength);
        if (v.ToError() is { } invalid) return invalid;
        if (await OwnEventAsync(vendorId, cmd.EventId!, ct) is { } refused) return refused;

        var scanned = TicketCode.Open(key.PublicKey, cmd.Code);
        if (scanned is null) return await VerdictAsync(CheckInVerdicts.Forged, cmd.EventId!, null, ct);
        if (scanned.EventId != cmd.EventId) return await VerdictAsync(CheckInVerdicts.WrongEvent, cmd.EventId!, null, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Exactly once: of any number of doors scanning the same code at once, the database lets one update through.
        var admitted = await db.TicketUnits
            .Where(u => u.Id == scanned.UnitId && u.EventId == scanned.EventId && u.OwnerId == scanned.OwnerId
                        && u.Generation == scanned.Generation && u.Status == TicketUnitStatus.Active && u.CheckedInAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CheckedInAtUtc, now), ct);
        var unit = await db.TicketUnits.AsNoTracking().Where(u => u.Id == scanned.UnitId)
            .Join(db.TicketLots, u => u.TicketLotId, t => t.Id, (u, t) => new { u.OwnerId, u.Generation, u.Status, u.CheckedInAtUtc, t.Section, t.Seat })
            .FirstOrDefaultAsync(ct);
        if (admitted == 1) live.Publish(LiveTopics.Entries(scanned.EventId));

        var verdict = admitted == 1 ? CheckInVerdicts.Valid
            // A code the platform signed for a unit it does not know can only be one that was withdrawn.
            : unit is null || unit.Generation != scanned.Generation || unit.OwnerId != scanned.OwnerId || unit.Status != TicketUnitStatus.Active
                ? CheckInVerdicts.Revoked
                : CheckInVerdicts.AlreadyUsed;
        var showUnit = verdict is CheckInVerdicts.Valid or CheckInVerdicts.AlreadyUsed;
        var entered = await EnteredAsync(db, cmd.EventId!, ct);
        return new CheckInResult(verdict, scanned.UnitId, showUnit ? unit?.Section : null, showUnit ? unit?.Seat : null,
            showUnit ? unit?.CheckedInAtUtc : null, entered);
    }

    /// <summary>How many tickets of the event have been admitted, of how many are held or listed. Errors: not_found, not_owner (403).</summary>
    public async Task<Result<EntryCount>> EntriesAsync(string vendorId, string? eventId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(eventId)) return new Validator().Add("event-id", "event-id is required.").ToError()!;
        if (await OwnEventAsync(vendorId, eventId, ct) is { } refused) return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new EntryCount(eventId, await EnteredAsync(db, eventId, ct), await db.TicketUnits.CountAsync(u => u.EventId == eventId, ct));
    }

    /// <summary>
    /// Every code of the event that admits nobody, for scanners that work offline: earlier generations of resold tickets,
    /// and the current code of tickets listed for resale. Errors: validation_failed, not_found, not_owner (403).
    /// </summary>
    public async Task<Result<RevocationList>> RevokedAsync(string vendorId, string? eventId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(eventId)) return new Validator().Add("event-id", "event-id is required.").ToError()!;
        if (await OwnEventAsync(vendorId, eventId, ct) is { } refused) return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var revoked = await db.TicketUnits.AsNoTracking()
            .Where(u => u.EventId == eventId && (u.Generation > 1 || u.Status == TicketUnitStatus.Listed))
            .OrderBy(u => u.Id)
            .Select(u => new RevokedCode(u.Id, u.Status == TicketUnitStatus.Listed ? u.Generation + 1 : u.Generation))
            .ToListAsync(ct);
        return new RevocationList(eventId, clock.GetUtcNow().UtcDateTime, revoked);
    }

    private async Task<Error?> OwnEventAsync(string vendorId, string eventId, CancellationToken ct)
    {
        if (eventId.Length > Ids.MaxLength) return EventErrors.NotFound(eventId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.Events.Where(e => e.Id == eventId).Select(e => e.VendorId).FirstOrDefaultAsync(ct);
        return owner is null ? EventErrors.NotFound(eventId) : owner != vendorId ? EventErrors.NotOwner : null;
    }

    private async Task<Result<CheckInResult>> VerdictAsync(string verdict, string eventId, string? unitId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new CheckInResult(verdict, unitId, null, null, null, await EnteredAsync(db, eventId, ct));
    }

    private static Task<int> EnteredAsync(TicketHubDbContext db, string eventId, CancellationToken ct) =>
        db.TicketUnits.CountAsync(u => u.EventId == eventId && u.CheckedInAtUtc != null, ct);
}
