using TicketHub.Domain.Common;
using TicketHub.Domain.Performers;
using TicketHub.Domain.Venues;

namespace TicketHub.Domain.Events;

public sealed class Event
{
    private string _name = "";

    public string Id { get; set; } = "";
    public string VenueId { get; private set; } = "";
    public Venue Venue { get; set; } = null!;
    /// <summary>Setting the name sets <see cref="NameKey"/>, its upper-cased key for the text search (see TextKey).</summary>
    public string Name { get => _name; set => (_name, NameKey) = (value, TextKey.From(value) ?? ""); }
    public string NameKey { get; private set; } = "";
    public string? Description { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public string Currency { get; set; } = "USD";
    /// <summary>The vendor that created the event; only they may change it or upload its tickets.</summary>
    public string VendorId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public List<Performance> Performances { get; set; } = [];
    /// <summary>The performers as browsing shows them (see <see cref="EventLineup"/>), beside the event's own columns.</summary>
    public string Lineup { get; private set; } = EventLineup.Empty;

    // The venue's location keys and time zone, copied when the event is placed (venues never change), so the browse
    // filters read the events' own indexes without a join.
    public string CityKey { get; private set; } = "";
    public string? StateKey { get; private set; }
    public string CountryKey { get; private set; } = "";
    public string? PostalCodeKey { get; private set; }
    public string TimeZone { get; private set; } = "UTC";

    // What is on sale, as of the last refresh by EventFigures (never read to decide a sale): vendor tickets left and
    // the cheapest lot that has any, resale tickets left and the cheapest active listing that has any, and the capacity
    // (uploaded less removed).
    public int TicketsLeft { get; private set; }
    public long? CheapestCents { get; private set; }
    public int ResaleLeft { get; private set; }
    public long? ResaleCheapestCents { get; private set; }
    public int Capacity { get; private set; }

    /// <summary>The performers of a new event: its performances, and its lineup with them.</summary>
    public void Book(IReadOnlyCollection<Performer> performers)
    {
        Performances = performers.Select(p => new Performance { EventId = Id, PerformerId = p.Id }).ToList();
        Lineup = EventLineup.Of(performers.Select(p => new PerformerRef(p.Id, p.Name)));
    }

    /// <summary>Places the event at a venue: its id, and the copies of its location the filters use.</summary>
    public void PlaceAt(Venue venue)
    {
        VenueId = venue.Id;
        (CityKey, StateKey, CountryKey, PostalCodeKey, TimeZone) = (venue.CityKey, venue.StateKey, venue.CountryKey, venue.PostalCodeKey, venue.TimeZone);
    }
}

/// <summary>One performer appearing at one event (the design's performance table).</summary>
public sealed class Performance
{
    public string EventId { get; set; } = "";
    public Event Event { get; set; } = null!;
    public string PerformerId { get; set; } = "";
    public Performer Performer { get; set; } = null!;
}
