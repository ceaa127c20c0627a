using System.Linq.Expressions;

namespace TicketHub.Domain.Events;

/// <summary>
/// Dates as people at the venue mean them: "events on 29 March" are those starting on 29 March in their own venue's
/// time zone, whatever the UTC date. Venues in different zones give different UTC windows for the same day, so the
/// filter has one window per group of zones that agree on it; each is an index range on the start time, and a day
/// with a daylight-saving change is 23 or 25 hours long. A zone this machine does not know counts as UTC, as pages do.
/// </summary>
internal static class VenueDays
{
    public static IQueryable<Event> StartingOnVenueDays(this IQueryable<Event> events, IEnumerable<string> zones, DateOnly? fromDay, DateOnly? toDay)
    {
        if (fromDay is null && toDay is null) return events;
        var groups = zones.Distinct()
            .GroupBy(zone => (Start: fromDay is { } f ? StartOfDayUtc(f, zone) : (DateTime?)null,
                              End: toDay is { } t ? StartOfDayUtc(t.AddDays(1), zone) : (DateTime?)null))
            .ToList();
        if (groups.Count == 0) return events.Where(_ => false);
        // The widest window first, as one range the start-time index can serve; the exact per-zone windows then.
        if (groups.Min(g => g.Key.Start) is { } earliest) events = events.Where(e => e.StartUtc >= earliest);
        if (groups.Max(g => g.Key.End) is { } latest) events = events.Where(e => e.StartUtc < latest);
        var windows = groups.Select(g => Window(g.ToList(), g.Key.Start, g.Key.End)).ToList();
        var parameter = windows[0].Parameters[0];
        var body = windows.Skip(1).Aggregate(windows[0].Body,
            (any, next) => Expression.OrElse(any, new Rebind(next.Parameters[0], parameter).Visit(next.Body)));
        return events.Where(Expression.Lambda<Func<Event, bool>>(body, parameter));
    }

    /// <summary>The UTC instant a calendar day begins in the zone: midnight, or the first instant after a gap at midnight.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, string zoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);   // skipped by a change: the day starts after it
        // Midnight twice (a change back at midnight): the day starts at the first of them.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    private static Expression<Func<Event, bool>> Window(List<string> zones, DateTime? start, DateTime? end) => (start, end) switch
    {
        ({ } s, { } e) => ev => zones.Contains(ev.TimeZone) && ev.StartUtc >= s && ev.StartUtc < e,
        ({ } s, null) => ev => zones.Contains(ev.TimeZone) && ev.StartUtc >= s,
        (null, { } e) => ev => zones.Contains(ev.TimeZone) && ev.StartUtc < e,
        _ => ev => zones.Contains(ev.TimeZone),
    };

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
