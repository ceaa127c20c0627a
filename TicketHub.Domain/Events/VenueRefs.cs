using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Events;

/// <summary>
/// Venues as events show them, by id. A venue never changes once added and is never removed, so each node keeps every
/// one it has read (as many as there are venues): a page of events then reads no venue rows.
/// </summary>
public sealed class VenueRefs(ReadOnlyDb readDb)
{
    private readonly ConcurrentDictionary<string, VenueRef> _known = new(StringComparer.Ordinal);

    /// <summary>The venue of each id, in order; the ids must be of venues that exist.</summary>
    public async ValueTask<VenueRef[]> OfAsync(IReadOnlyList<string> venueIds, CancellationToken ct)
    {
        List<string>? missing = null;
        foreach (var id in venueIds)
            if (!_known.ContainsKey(id)) (missing ??= []).Add(id);
        if (missing is not null)
        {
            await using var db = await readDb.CreateAsync(ct);
            var ids = missing.Distinct().ToList();
            var venues = await db.Venues.Where(v => EF.Parameter(ids).Contains(v.Id))
                .Select(v => new VenueRef(v.Id, v.Name, v.City, v.State, v.Country, v.PostalCode, v.TimeZone))
                .ToListAsync(ct);
            foreach (var venue in venues) _known.TryAdd(venue.Id, venue);
        }
        var refs = new VenueRef[venueIds.Count];
        for (var i = 0; i < refs.Length; i++) refs[i] = _known[venueIds[i]];
        return refs;
    }
}
