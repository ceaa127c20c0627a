using TicketHub.Domain.Performers;
using TicketHub.Domain.Venues;

namespace TicketHub.Domain.Events;

public sealed class Event
{
    public string Id { get; set; } = "";
    public string VenueId { get; set; } = "";
    public Venue Venue { get; set; } = null!;
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public string Currency { get; set; } = "USD";
    /// <summary>The vendor that created the event; only they may change it or upload its tickets.</summary>
    public string VendorId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public List<Performance> Performances { get; set; } = [];
}

/// <summary>One performer appearing at one event (the design's performance table).</summary>
public sealed class Performance
{
    public string EventId { get; set; } = "";
    public Event Event { get; set; } = null!;
    public string PerformerId { get; set; } = "";
    public Performer Performer { get; set; } = null!;
}
