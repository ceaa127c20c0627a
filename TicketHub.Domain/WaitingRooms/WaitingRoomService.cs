using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Events;
using TicketHub.Domain.Live;
using TicketHub.Domain.Orders;

namespace TicketHub.Domain.WaitingRooms;

/// <summary>
/// Waiting rooms for hot on-sales. Visitors who join before the start are put in a random order when it opens; later
/// ones queue behind in the order they come; a ticker on every node lets them in at <see cref="WaitingRoomOptions.AdmitPerSecond"/>.
/// Being let in earns a short-lived signed pass that buying checks, in the pages and the API alike.
/// </summary>
public sealed class WaitingRoomService(
    IDbContextFactory<TicketHubDbContext> dbFactory, IWriteUnits writes, CatalogCache cache, PlatformKey key, LiveSignals live,
    IOptions<WaitingRoomOptions> options, TimeProvider clock, ILogger<WaitingRoomService> logger)
{
    private static readonly Error AlreadyInQueue = new("already_in_queue", "The visitor joined meanwhile.");

    private static string GateTag(string eventId) => $"waiting-room:{eventId}";

    /// <summary>
    /// The vendor of an event queues its on-sale from <paramref name="opensAt"/>, moves that start while the room has not
    /// opened, or (null) removes the queue. Errors: validation_failed (the start after the event's), not_found,
    /// not_owner (403), invalid_state (the room has opened).
    /// </summary>
    public async Task<Result<QueueProgress?>> ScheduleAsync(string vendorId, string? eventId, DateTimeOffset? opensAt, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(eventId) || eventId.Length > Ids.MaxLength) return EventErrors.NotFound(eventId ?? "");
        var result = await writes.RunAsync<QueueProgress?>(async db =>
        {
            var ev = await db.Events.Where(e => e.Id == eventId).Select(e => new { e.VendorId, e.StartUtc }).FirstOrDefaultAsync(ct);
            if (ev is null) return EventErrors.NotFound(eventId);
            if (ev.VendorId != vendorId) return EventErrors.NotOwner;
            var room = await db.WaitingRooms.FirstOrDefaultAsync(r => r.EventId == eventId, ct);
            if (opensAt is null)
            {
                if (room is not null)
                {
                    await db.QueueEntries.Where(q => q.EventId == eventId).ExecuteDeleteAsync(ct);
                    db.WaitingRooms.Remove(room);
                    await db.SaveChangesAsync(ct);
                }
                return (QueueProgress?)null;
            }
            var start = opensAt.Value.UtcDateTime;
            if (start >= ev.StartUtc) return WaitingRoomErrors.OpensTooLate;
            if (room is null)
            {
                room = new WaitingRoom { EventId = eventId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
                db.WaitingRooms.Add(room);
            }
            else if (room.State == WaitingRoomState.Open)
            {
                return WaitingRoomErrors.AlreadyOpen;
            }
            (room.OpensAtUtc, room.AdmittedAtUtc, room.PassRequired) = (start, start, true);
            await db.SaveChangesAsync(ct);
            return QueueProgress.From(room);
        }, ct);
        if (result.IsSuccess) await ChangedAsync(eventId, gate: true);
        return result;
    }

    /// <summary>The event's waiting room as it stands, or null when its on-sale is not queued.</summary>
    public async Task<QueueProgress?> ProgressAsync(string eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WaitingRooms.AsNoTracking().Where(r => r.EventId == eventId).Select(r => QueueProgress.From(r)).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// <see cref="ProgressAsync"/> for the event's pages: cached like the buy check (at most the availability lifetime,
    /// and dropped on every node when the room is scheduled, opens or its gate moves).
    /// </summary>
    public async Task<QueueProgress?> NoticeAsync(string eventId, CancellationToken ct = default) =>
        await cache.GetOrCreateAsync($"waiting-room-notice:{eventId}", async token => await ProgressAsync(eventId, token),
            [GateTag(eventId)], carriesAvailability: true, ct);

    /// <summary>
    /// An individual joins the event's queue, or asks where they stand (joining again keeps the place). Once let in, the
    /// answer carries the pass; a pass that expired unused sends its holder to the back. Errors: validation_failed,
    /// not_found, not_owner (403, not an individual).
    /// </summary>
    public async Task<Result<QueueStatus>> JoinAsync(string userId, string? eventId, CancellationToken ct = default)
    {
        var visit = await VisitAsync(userId, eventId, ct);
        return visit.IsSuccess ? visit.Value.Status : visit.Error;
    }

    /// <summary>
    /// <see cref="JoinAsync"/> for a page that follows the queue live: the status with the visitor's place number, from
    /// which each pushed <see cref="QueueProgress"/> tells their position without asking again (<see cref="QueueVisit.After"/>).
    /// </summary>
    public async Task<Result<QueueVisit>> VisitAsync(string userId, string? eventId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(eventId)) return new Validator().Add("event-id", "event-id is required.").ToError()!;
        if (eventId.Length > Ids.MaxLength) return EventErrors.NotFound(eventId);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == RoleIds.Individual, ct)) return PurchaseErrors.OnlyIndividuals;
            if (!await db.Events.AnyAsync(e => e.Id == eventId, ct)) return EventErrors.NotFound(eventId);
        }
        for (var attempt = 0; ; attempt++)
        {
            // Each round re-reads after a change it made or lost (an opening, a place taken); a handful always suffice.
            if (attempt == 10) throw new InvalidOperationException($"Could not place {userId} in the waiting room of {eventId}.");
            var now = clock.GetUtcNow().UtcDateTime;
            WaitingRoom? room;
            QueueEntry? entry;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                room = await db.WaitingRooms.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == eventId, ct);
                entry = await db.QueueEntries.AsNoTracking().FirstOrDefaultAsync(q => q.EventId == eventId && q.UserId == userId, ct);
            }
            if (room is null || (entry is null && !room.PassRequired)) return new QueueVisit(NotQueued(eventId, room), null);
            if (room.State == WaitingRoomState.Waiting && room.OpensAtUtc <= now)
            {
                await OpenAsync(eventId, ct);
                continue;
            }
            if (entry is null)
            {
                await EnterAsync(userId, eventId, early: room.OpensAtUtc > now, ct);
                continue;
            }
            if (entry.Position is not { } position || position > room.AdmittedThrough) return new QueueVisit(Waiting(room, entry), entry.Position);

            var admittedAt = entry.AdmittedAtUtc ?? await AdmitAsync(entry, now, ct);
            var expires = admittedAt.AddMinutes(options.Value.PassMinutes);
            if (expires > now)
            {
                var progress = QueueProgress.From(room);
                return new QueueVisit(new QueueStatus(eventId, QueueStatuses.Admitted, 0, progress.Waiting, room.OpensAtUtc,
                    new QueuePass(eventId, userId, expires).Seal(key), expires), position);
            }
            await RequeueAsync(entry, ct);
        }
    }

    /// <summary>
    /// The buy check: null when the user may buy the event's tickets now (no queue, or a valid pass of theirs for it);
    /// otherwise queue_pass_required (403). Whether a pass is needed is cached briefly and dropped on every node when it changes.
    /// </summary>
    public async Task<Error?> RefuseWithoutPassAsync(string buyerId, string eventId, string? pass, CancellationToken ct = default)
    {
        var required = await cache.GetOrCreateAsync($"waiting-room-gate:{eventId}", async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            return await db.WaitingRooms.AnyAsync(r => r.EventId == eventId && r.PassRequired, token);
        }, [GateTag(eventId)], carriesAvailability: true, ct);
        if (!required) return null;
        var opened = QueuePass.Open(key.PublicKey, pass);
        return opened is not null && opened.EventId == eventId && opened.UserId == buyerId && opened.ExpiresAtUtc > clock.GetUtcNow().UtcDateTime
            ? null
            : WaitingRoomErrors.PassRequired;
    }

    /// <summary>
    /// One round of the admissions ticker (every node runs it): opens rooms whose start has come, lets the next visitors
    /// in for the time since the last round, and says whether buying needs a pass. Each change is made by a conditional
    /// update, so when several nodes tick at once exactly one of them makes it. Returns how many rooms changed.
    /// </summary>
    public async Task<int> TickAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<WaitingRoom> rooms;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // The rooms alone first: with none (almost always), a tick reads one small table every second, and never
            // the catalogue that the browse pages count on reading once.
            rooms = await db.WaitingRooms.AsNoTracking().ToListAsync(ct);
            if (rooms.Count == 0) return 0;
            var ids = rooms.Select(r => r.EventId).ToList();
            var running = await db.Events.Where(e => ids.Contains(e.Id) && e.EndUtc > now).Select(e => e.Id).ToListAsync(ct);
            rooms = rooms.Where(r => running.Contains(r.EventId)).ToList();
        }
        var changed = 0;
        foreach (var room in rooms)
        {
            if (room.State == WaitingRoomState.Waiting)
            {
                if (room.OpensAtUtc <= now && await OpenAsync(room.EventId, ct)) changed++;
                continue;
            }
            var moved = await AdmitNextAsync(room, now, ct);
            var gateMoved = await UpdateGateAsync(room, moved ?? room.AdmittedThrough, now, ct);
            if (moved is not null || gateMoved)
            {
                changed++;
                await ChangedAsync(room.EventId, gate: gateMoved);
            }
        }
        return changed;
    }

    // Raises admissions by what the rate allows since the last raise. The WHERE on the last raise's time lets one node
    // through; the others match nothing. Returns the new AdmittedThrough when this call raised it.
    private async Task<int?> AdmitNextAsync(WaitingRoom room, DateTime now, CancellationToken ct)
    {
        var n = (int)Math.Min(int.MaxValue, Math.Floor((now - room.AdmittedAtUtc).TotalSeconds * options.Value.AdmitPerSecond));
        if (n < 1) return null;
        var through = (int)Math.Min(room.LastPosition, (long)room.AdmittedThrough + n);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var raised = await db.WaitingRooms
            .Where(r => r.EventId == room.EventId && r.AdmittedAtUtc == room.AdmittedAtUtc && r.AdmittedThrough == room.AdmittedThrough)
            .ExecuteUpdateAsync(s => s
                // Never past the last place handed out, even one handed out since the read.
                .SetProperty(r => r.AdmittedThrough, r => r.LastPosition < through ? r.LastPosition : through)
                .SetProperty(r => r.AdmittedAtUtc, now), ct);
        return raised == 1 && through > room.AdmittedThrough ? through : null;
    }

    // A pass is needed while anyone waits, and again whenever the event sells faster than the configured rate.
    private async Task<bool> UpdateGateAsync(WaitingRoom room, int admittedThrough, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var required = admittedThrough < room.LastPosition;
        if (!required)
        {
            var since = now.AddSeconds(-10);
            var recent = await db.Orders.CountAsync(o => o.EventId == room.EventId && o.CreatedAtUtc >= since, ct);
            required = recent * 6 > options.Value.QueueAbovePurchasesPerMinute;
        }
        if (required == room.PassRequired) return false;
        return await db.WaitingRooms.Where(r => r.EventId == room.EventId && r.PassRequired == room.PassRequired)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.PassRequired, required), ct) == 1;
    }

    // The start has come: the early arrivals are numbered 1..n in the order of their random draw, in one statement,
    // by whichever caller (ticker or late visitor, on any node) turns the room from Waiting to Open first.
    private async Task<bool> OpenAsync(string eventId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var opened = await writes.RunAsync<bool>(async db =>
        {
            var turned = await db.WaitingRooms
                .Where(r => r.EventId == eventId && r.State == WaitingRoomState.Waiting && r.OpensAtUtc <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, WaitingRoomState.Open), ct);
            if (turned == 0) return false;
            var numbered = await db.Database.ExecuteSqlAsync($"""
                UPDATE "QueueEntries" AS q SET "Position" = drawn.place
                FROM (SELECT "UserId", ROW_NUMBER() OVER (ORDER BY "DrawKey", "UserId") AS place
                      FROM "QueueEntries" WHERE "EventId" = {eventId} AND "Position" IS NULL) AS drawn
                WHERE q."EventId" = {eventId} AND q."UserId" = drawn."UserId"
                """, ct);
            await db.WaitingRooms.Where(r => r.EventId == eventId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastPosition, numbered).SetProperty(r => r.AdmittedAtUtc, now), ct);
            return true;
        }, ct);
        if (opened.Value)
        {
            logger.LogInformation("Waiting room of event {EventId} opened.", eventId);
            await ChangedAsync(eventId, gate: true);   // the event's pages say it is open now
        }
        return opened.Value;
    }

    // Before the start a visitor only counts as an early arrival (the draw orders them later); after it, they take the
    // next place. Both go through the room row, which is what makes them safe against the opening racing them: an early
    // arrival that finds the room opened takes a place instead. The caller reads the outcome back.
    private async Task EnterAsync(string userId, string eventId, bool early, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entered = await writes.RunAsync<bool>(async db =>
        {
            int? position = null;
            var counted = early && await db.WaitingRooms.Where(r => r.EventId == eventId && r.State == WaitingRoomState.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.EarlyArrivals, r => r.EarlyArrivals + 1), ct) == 1;
            if (!counted)
            {
                position = await NextPlaceAsync(db, eventId, ct);
                if (position is null) return false;
            }
            db.QueueEntries.Add(new QueueEntry
            {
                EventId = eventId, UserId = userId, DrawKey = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue,
                Position = position, JoinedAtUtc = now,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (Transactions.IsUniqueViolation(ex))
            {
                return AlreadyInQueue;   // the same visitor joined from another tab meanwhile: theirs stands, this unit is undone
            }
            return true;
        }, ct);
        if (entered.IsSuccess && entered.Value) live.Publish(LiveTopics.Queue(eventId));
    }

    // The next place of an opened room, taken by raising its counter (the row lock orders concurrent visitors).
    private static async Task<int?> NextPlaceAsync(TicketHubDbContext db, string eventId, CancellationToken ct)
    {
        var taken = await db.WaitingRooms.Where(r => r.EventId == eventId && r.State == WaitingRoomState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastPosition, r => r.LastPosition + 1), ct);
        if (taken == 0) return null;
        return await db.WaitingRooms.Where(r => r.EventId == eventId).Select(r => r.LastPosition).FirstAsync(ct);
    }

    // Stamped once: the pass's expiry is fixed by the first admission, whichever node or tab asks.
    private async Task<DateTime> AdmitAsync(QueueEntry entry, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.QueueEntries.Where(q => q.EventId == entry.EventId && q.UserId == entry.UserId && q.AdmittedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.AdmittedAtUtc, now), ct);
        return await db.QueueEntries.Where(q => q.EventId == entry.EventId && q.UserId == entry.UserId).Select(q => q.AdmittedAtUtc!.Value).FirstAsync(ct);
    }

    private async Task RequeueAsync(QueueEntry entry, CancellationToken ct)
    {
        await writes.RunAsync<bool>(async db =>
        {
            if (await NextPlaceAsync(db, entry.EventId, ct) is not { } place) return false;
            var moved = await db.QueueEntries
                .Where(q => q.EventId == entry.EventId && q.UserId == entry.UserId && q.AdmittedAtUtc == entry.AdmittedAtUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Position, place).SetProperty(q => q.AdmittedAtUtc, (DateTime?)null), ct);
            if (moved == 0) throw new ConcurrentChangeException();
            return true;
        }, ct);
        live.Publish(LiveTopics.Queue(entry.EventId));
    }

    private static QueueStatus NotQueued(string eventId, WaitingRoom? room) =>
        new(eventId, QueueStatuses.NotQueued, null, 0, room?.OpensAtUtc, null, null);

    private static QueueStatus Waiting(WaitingRoom room, QueueEntry entry)
    {
        var progress = QueueProgress.From(room);
        return new QueueStatus(room.EventId, QueueStatuses.Waiting, entry.Position - room.AdmittedThrough, progress.Waiting, room.OpensAtUtc, null, null);
    }

    private async Task ChangedAsync(string eventId, bool gate)
    {
        if (gate) await cache.InvalidateAsync(GateTag(eventId));
        live.Publish(LiveTopics.Queue(eventId));
    }
}
