namespace TicketHub.Domain.Tickets;

public sealed record UploadTicketCommand(string? EventId, int? Count, string? Section, string? Seat, decimal? Price);

public sealed record RemovedTickets(string TicketId, int Removed, int Remaining);

/// <summary>A lot as its vendor sees it (view-tickets for vendors).</summary>
public sealed record VendorLot(
    string TicketId, string EventId, string EventName, DateTime StartTime, string? Section, string Seat,
    int Count, int Remaining, int Removed, int Sold, decimal Price, string Currency);

public sealed record PrimaryListing(string TicketId, string? Section, string Seat, int Available, decimal Price);

public sealed record ResaleOffer(string ListingId, string TicketId, string? Section, string Seat, int Count, decimal Price);

/// <summary>What is on sale for one event: the vendors' lots and the individuals' resale listings.</summary>
public sealed record EventListings(string EventId, string Currency, IReadOnlyList<PrimaryListing> Primary, IReadOnlyList<ResaleOffer> Resale);
