using System.ComponentModel;

namespace TicketHub.Domain.Tickets;

public sealed record UploadTicketCommand(string? EventId, int? Count, string? Section, string? Seat, decimal? Price);

public sealed record RemovedTickets(string TicketId, int Removed, int Remaining)
{
    [System.Text.Json.Serialization.JsonIgnore] public string EventId { get; init; } = "";
}

/// <summary>A lot as its vendor sees it (view-tickets for vendors).</summary>
public sealed record VendorLot(
    string TicketId, string EventId, string EventName, DateTime StartTime, string? Section, string Seat,
    int Count, int Remaining, int Removed, int Sold, decimal Price, string Currency);

[ImmutableObject(true)]
public sealed record PrimaryListing(string TicketId, string? Section, string Seat, int Available, decimal Price);

[ImmutableObject(true)]
public sealed record ResaleOffer(string ListingId, string TicketId, string? Section, string Seat, int Count, decimal Price);

/// <summary>What is on sale for one event: the vendors' lots and the individuals' resale listings.</summary>
[ImmutableObject(true)]
public sealed record EventListings(string EventId, string Currency, IReadOnlyList<PrimaryListing> Primary, IReadOnlyList<ResaleOffer> Resale);

/// <summary>One thing a buyer can buy (a vendor lot, or a resale listing of it) with its event, as a checkout shows it.</summary>
public sealed record Offer(
    string TicketId, string? ListingId, string EventId, string EventName, DateTime StartTime, string VenueName, string TimeZone,
    string? Section, string Seat, decimal UnitPrice, string Currency, int Available);
