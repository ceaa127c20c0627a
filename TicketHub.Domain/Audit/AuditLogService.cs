using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Audit;

public sealed record AuditQuery(
    string? Action = null, string? Actor = null, string? Target = null, AuditOutcome? Outcome = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

public sealed record AuditView(
    string Id, DateTime AtUtc, string Action, AuditOutcome Outcome, string? ActorId, string? ActorName, string? ClientAddress,
    string? TargetType, string? TargetId, string? Detail);

/// <summary>The audit log as administrators read it: newest first, narrowed by action, actor, object, outcome and time.</summary>
public sealed class AuditLogService(IDbContextFactory<TicketHubDbContext> dbFactory)
{
    public const int MaxFilterLength = 64;

    /// <summary>Errors: validation_failed (a filter longer than 64 characters).</summary>
    public async Task<Result<Page<AuditView>>> SearchAsync(AuditQuery q, PageRequest page, CancellationToken ct = default)
    {
        var v = new Validator()
            .MaxLength("action", q.Action, MaxFilterLength)
            .MaxLength("actor", q.Actor, MaxFilterLength)
            .MaxLength("target", q.Target, MaxFilterLength);
        if (v.ToError() is { } invalid) return invalid;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Action)) entries = entries.Where(a => a.Action == q.Action.Trim());
        if (q.Outcome is { } outcome) entries = entries.Where(a => a.Outcome == outcome);
        if (!string.IsNullOrWhiteSpace(q.Target)) entries = entries.Where(a => a.TargetId == q.Target.Trim());
        if (q.FromUtc is { } from) entries = entries.Where(a => a.AtUtc >= from);
        if (q.ToUtc is { } to) entries = entries.Where(a => a.AtUtc <= to);
        if (!string.IsNullOrWhiteSpace(q.Actor))
        {
            // An actor is asked for by username or id; entries keep the id, and the name only where it was known.
            var actor = q.Actor.Trim();
            var normalized = actor.ToUpperInvariant();
            var ids = db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id);
            entries = entries.Where(a => a.ActorId == actor || a.ActorName == actor || ids.Contains(a.ActorId!));
        }

        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(a => new AuditView(a.Id, a.AtUtc, a.Action, a.Outcome, a.ActorId,
                a.ActorName ?? db.Users.Where(u => u.Id == a.ActorId).Select(u => u.UserName).FirstOrDefault(),
                a.ClientAddress, a.TargetType, a.TargetId, a.Detail))
            .ToListAsync(ct);
        return new Page<AuditView>(rows, total);
    }
}
